// 2026 national holidays and cuti bersama (SKB No. 1497/2025; reference/holidays.md), as the
// calendar tests need them. Type says which kind; both are days off for working-day SLAs.
export const HOLIDAYS_2026: { date: string; type: 'libur' | 'cuti' }[] = [
  { date: '2026-01-01', type: 'libur' },
  { date: '2026-01-16', type: 'libur' },
  { date: '2026-02-16', type: 'cuti' },
  { date: '2026-02-17', type: 'libur' },
  { date: '2026-03-18', type: 'cuti' },
  { date: '2026-03-19', type: 'libur' },
  { date: '2026-03-20', type: 'cuti' },
  { date: '2026-03-21', type: 'libur' }, // Saturday
  { date: '2026-03-22', type: 'libur' }, // Sunday
  { date: '2026-03-23', type: 'cuti' },
  { date: '2026-03-24', type: 'cuti' },
  { date: '2026-04-03', type: 'libur' },
  { date: '2026-04-05', type: 'libur' }, // Sunday
  { date: '2026-05-01', type: 'libur' },
  { date: '2026-05-14', type: 'libur' },
  { date: '2026-05-15', type: 'cuti' },
  { date: '2026-05-27', type: 'libur' },
  { date: '2026-05-28', type: 'cuti' },
  { date: '2026-05-31', type: 'libur' }, // Sunday
  { date: '2026-06-01', type: 'libur' },
  { date: '2026-06-16', type: 'libur' },
  { date: '2026-08-17', type: 'libur' },
  { date: '2026-08-25', type: 'libur' },
  { date: '2026-12-24', type: 'cuti' },
  { date: '2026-12-25', type: 'libur' },
];
