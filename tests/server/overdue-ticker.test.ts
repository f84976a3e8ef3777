// Missed reporting deadlines (the tiles' "belum melapor" note) and the wall ticker, on the
// hand-checkable dataset: now is 15 October 2025 10.00 WIB, the deadline is day 10 of the next
// month at 23.59 WIB, and DPUPR has not reported September (fixtures/README.md).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lastDuePeriod, overdueReports } from '../../server/compliance';
import { wibToMs } from '../../shared/time';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { callerAs, createUser, principalFor } from '../helpers/users';

let t: TestDb;
beforeAll(() => {
  t = makeTestDb('handcheck');
});
afterAll(() => t.close());

describe('the newest period already due', () => {
  test.each([
    // 10 October 23.59 WIB: September's deadline has not passed yet, August is the newest due.
    ['2025-10-10', 23, 59, '2025-08'],
    ['2025-10-11', 0, 0, '2025-09'],
    ['2025-10-15', 10, 0, '2025-09'],
    // Into the new year: December's deadline is 10 January.
    ['2026-01-05', 12, 0, '2025-11'],
    ['2026-01-11', 0, 0, '2025-12'],
  ])('at %s %i.%i WIB it is %s', (date, h, m, want) => {
    expect(lastDuePeriod(t.db, 'budget', wibToMs(date, h, m))).toBe(want);
  });
});

describe('overdue reports', () => {
  test('DPUPR, which has not sent September, is the one OPD late with its budget realisation', () => {
    const o = overdueReports(t.db, 'budget', t.nowMs);
    expect(o.period).toBe('2025-09');
    expect(o.deadline).toBe(new Date(wibToMs('2025-10-10', 23, 59) + 59_999).toISOString());
    expect(o.owing).toBe(3);
    expect(o.opds.map((x) => x.code)).toEqual(['DPUPR']);
  });

  test('a programme never reported leaves its coordinator late with programme progress', () => {
    const o = overdueReports(t.db, 'masterplan', t.nowMs);
    expect(o.period).toBe('2025-09');
    expect(o.opds.map((x) => x.code)).toContain('DPMPTSP');
  });

  test('the executive summary carries the note on the budget and pillar freshness', async () => {
    const overview = await callerFor(t).dashboard.overview();
    expect(overview.budget.freshness.overdue?.opds.map((x) => x.code)).toEqual(['DPUPR']);
    expect(overview.pillars.freshness.overdue?.opds.map((x) => x.code)).toContain('DPMPTSP');
    // Families without reporting deadlines carry none.
    expect(overview.spbe.freshness.overdue).toBeNull();
  });

  test('looking back to 5 October, September was not yet due: August is judged instead', async () => {
    const overview = await callerFor(t).dashboard.overview({ year: 2025, asOf: '2025-10-05' });
    expect(overview.budget.freshness.overdue?.period).toBe('2025-08');
    expect(overview.budget.freshness.overdue?.opds).toEqual([]);
  });
});

describe('dashboard.ticker', () => {
  test('names the red-zone OPDs, the SLA breaches and every late report the summary knows', async () => {
    const caller = callerFor(t);
    const [ticker, overview, services] = await Promise.all([
      caller.dashboard.ticker(),
      caller.dashboard.overview(),
      caller.services.summary(),
    ]);
    const of = (kind: string) => ticker.items.filter((i) => i.kind === kind).map((i) => i.opdCode ?? i.name);
    expect(of('zona_merah')).toEqual(
      [...overview.budget.redZone]
        .sort(
          (a, b) =>
            Math.min(a.deviasiKeuPoin ?? 0, a.deviasiFisPoin ?? 0) -
            Math.min(b.deviasiKeuPoin ?? 0, b.deviasiFisPoin ?? 0),
        )
        .map((k) => k.key),
    );
    expect(of('sla').length).toBe(services.services.filter((s) => s.colour === 'merah').length);
    const late = ticker.items.filter((i) => i.kind === 'laporan');
    expect(late).toContainEqual(
      expect.objectContaining({
        name: expect.any(String),
        opdCode: 'DPUPR',
        family: 'budget',
        period: '2025-09',
      }),
    );
    expect(ticker.counts.laporan).toBe(late.length);
    expect(ticker.year).toBe(2025);
  });

  test('runs each meeting follow-up past its due date, longest first, with its OPD, days late and text', async () => {
    const own = makeTestDb('handcheck');
    try {
      createUser(own, 'sekda', 'executive');
      const chair = callerAs(own, principalFor(own, 'sekda'));
      const { id } = await chair.meeting.create({
        kind: 'hlm',
        title: 'HLM September 2025',
        meetingDate: '2025-09-15',
        chair: 'Sekda',
        items: [{ kind: 'opd', opdCode: 'DINKES' }],
      });
      const add = (ownerOpdCode: string, text: string, dueDate: string) =>
        chair.meeting.addFollowUp({ meetingId: id, ownerOpdCode, text, dueDate });
      await add(
        'DINKES',
        'Percepat verifikasi klaim jaminan kesehatan daerah di seluruh puskesmas kecamatan',
        '2025-10-01',
      );
      await add('DPUPR', 'Tambal jalan Bobotsari', '2025-10-10');
      await add('DLH', 'Laporkan volume sampah TPS3R', '2025-10-20');

      // 15 October 2025: two are late (14 and 5 days), the third is not due yet.
      const ticker = await callerFor(own).dashboard.ticker();
      const late = ticker.items.filter((i) => i.kind === 'tindak_lanjut');
      expect(late).toEqual([
        {
          kind: 'tindak_lanjut',
          colour: 'merah',
          name: 'Dinkes',
          opdCode: 'DINKES',
          value: 14,
          unit: 'hari',
          family: null,
          period: null,
          deadline: null,
          detail: 'Percepat verifikasi klaim jaminan kesehatan daerah di…',
        },
        expect.objectContaining({
          name: 'DPUPR',
          opdCode: 'DPUPR',
          value: 5,
          detail: 'Tambal jalan Bobotsari',
        }),
      ]);
      expect(ticker.counts.tindak_lanjut).toBe(2);

      // As of 5 October only the first was past its due date, by 4 days; on 1 October none was.
      const earlier = await callerFor(own).dashboard.ticker({ year: 2025, asOf: '2025-10-05' });
      expect(
        earlier.items.filter((i) => i.kind === 'tindak_lanjut').map((i) => [i.opdCode, i.value]),
      ).toEqual([['DINKES', 4]]);
      const onDue = await callerFor(own).dashboard.ticker({ year: 2025, asOf: '2025-10-01' });
      expect(onDue.counts.tindak_lanjut).toBe(0);
    } finally {
      own.close();
    }
  });

  test('a bad as-of date is refused with a message naming the field', async () => {
    await expect(callerFor(t).dashboard.ticker({ asOf: '2025-02-30' })).rejects.toThrow(/asOf/);
  });
});
