// Demo public-service records: volumes weighted per service and growing each year, office-hour
// submissions (hospital services around the clock), completion mostly within the SLA, with SLA
// breaches concentrated in a few services and a small stale backlog. Rollups rebuilt at the end.
import { addDays, weekdayOf, wibDate, wibMonth, wibToMs } from '../../../shared/time';
import { touchFreshness } from '../../db/queries/freshness';
import { listHolidays, listServiceTypes } from '../../db/queries/reference';
import { rebuildServiceRollups } from '../../db/queries/services';
import { durationMin, makeCalendar, slaMet } from '../../kpi/calendar';
import { bucketOf } from '../../kpi/histogram';
import { weightedSampler } from '../random';
import { DEMO_SOURCE, type DemoContext } from './context';

const VOLUME: Record<string, number> = {
  'KTP-EL': 18,
  KK: 16,
  'AKTA-LAHIR': 12,
  'AKTA-MATI': 3,
  'PINDAH-DATANG': 6,
  'RSUD-RAJAL': 20,
  'RSUD-IGD': 5,
  'PKM-DAFTAR': 14,
  'NIB-OSS': 2,
  PBG: 0.5,
  SLF: 0.2,
  PKKPR: 0.3,
  'SIP-NAKES': 0.4,
  'IZIN-REKLAME': 0.3,
  'UJI-KIR': 1.5,
  'SAMPAH-ANGKUT': 1,
  'UKL-UPL': 0.1,
  AK1: 3,
  'PP-PERUSAHAAN': 0.2,
  'REKOM-DTKS': 2,
  'PPID-INFO': 0.3,
  'LEGALISIR-IJAZAH': 2,
};
/** Share of requests finished after their SLA: a few services carry most breaches. */
const BREACH: Record<string, number> = {
  PBG: 0.38,
  'AKTA-MATI': 0.24,
  'PINDAH-DATANG': 0.19,
  'SAMPAH-ANGKUT': 0.27,
};
const AROUND_THE_CLOCK = new Set(['RSUD-IGD', 'RSUD-RAJAL', 'PKM-DAFTAR']);
/** Population-ish weights of the 18 kecamatan (larger lowland ones send more requests). */
const KEC_WEIGHT: Record<string, number> = {
  PURBALINGGA: 3,
  BUKATEJA: 2.2,
  KEMANGKON: 2.1,
  KALIMANAH: 1.9,
  MREBET: 1.8,
  BOBOTSARI: 1.6,
};

const CHUNK = 100_000;

export function seedServices(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const cal = makeCalendar(listHolidays(db));
  const services = listServiceTypes(db).filter((s) => s.code !== 'ADUAN-RESPON');
  const pickService = weightedSampler(services.map((s) => VOLUME[s.code] ?? 1));
  const pickKec = weightedSampler(ctx.kecamatan.map((k) => KEC_WEIGHT[k.code] ?? 1));

  // Days of the span, weighted by office opening and a yearly growth of ~8 %.
  const firstYear = ctx.year - ctx.spec.budgetYears + 1;
  const today = wibDate(ctx.nowMs);
  const days: string[] = [];
  for (let d = `${firstYear}-01-01`; d <= today; d = addDays(d, 1)) days.push(d);
  const growth = (d: string) => 1.08 ** (Number(d.slice(0, 4)) - firstYear);
  const officeDays = weightedSampler(
    days.map((d) => (cal.isWorkingDay(d) ? 1 : weekdayOf(d) === 6 ? 0.2 : 0.02) * growth(d)),
  );
  const anyDays = weightedSampler(days.map((d) => growth(d)));
  // Working days up to 200 days past today, to place completions k working days later.
  const working: string[] = [];
  for (let d = `${firstYear}-01-01`; d <= addDays(today, 200); d = addDays(d, 1))
    if (cal.isWorkingDay(d)) working.push(d);
  const firstWorkingAfter = new Map<string, number>();
  for (let d = addDays(`${firstYear}-01-01`, -1), i = 0; d <= today; d = addDays(d, 1)) {
    while (i < working.length && (working[i] as string) <= d) i++;
    firstWorkingAfter.set(d, i);
  }

  // Memoised: millions of records share a few thousand days and (submitted, completed) day pairs.
  const dayStart = new Map<string, number>(days.map((d) => [d, wibToMs(d)]));
  const startOf = (d: string) => dayStart.get(d) ?? wibToMs(d);
  const slaCache = new Map<string, boolean>();
  const onTimeOf = (s: (typeof services)[number], submitted: number, completed: number): boolean => {
    if (s.slaUnit !== 'working_days') return slaMet(submitted, completed, s.slaAmount, s.slaUnit, cal);
    const key = `${s.slaAmount}|${Math.floor((submitted + 25_200_000) / 86_400_000)}|${Math.floor((completed + 25_200_000) / 86_400_000)}`;
    let ok = slaCache.get(key);
    if (ok === undefined) {
      ok = slaMet(submitted, completed, s.slaAmount, s.slaUnit, cal);
      slaCache.set(key, ok);
    }
    return ok;
  };
  const insert = db.prepare(
    `INSERT INTO service_record (service_id, kecamatan_id, submitted_ms, completed_ms, duration_min, on_time, source, entered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let open = 0;
  const total = ctx.spec.serviceRecords;
  for (let start = 0; start < total; start += CHUNK) {
    db.transaction(() => {
      for (let i = start; i < Math.min(total, start + CHUNK); i++) {
        const s = services[pickService(rng)];
        if (!s) continue;
        const clock = AROUND_THE_CLOCK.has(s.code);
        const day = days[(clock ? anyDays : officeDays)(rng)] as string;
        const submitted = clock
          ? startOf(day) + rng.int(0, 24 * 60 - 1) * 60_000
          : startOf(day) + 8 * 3_600_000 + rng.int(0, 6.5 * 60) * 60_000;
        const late = rng.chance(BREACH[s.code] ?? 0.04);
        let completed: number;
        if (s.slaUnit === 'working_days') {
          const sla = s.slaAmount;
          const k = late
            ? sla + 1 + rng.int(0, Math.max(2, Math.ceil(sla / 2)))
            : Math.floor(rng.next() ** 1.6 * (sla + 1));
          if (k === 0) completed = submitted + rng.int(20, 180) * 60_000;
          else {
            const idx = (firstWorkingAfter.get(day) ?? 0) + k - 1;
            const doneDay = working[Math.min(idx, working.length - 1)] as string;
            completed = startOf(doneDay) + 9 * 3_600_000 + rng.int(0, 6 * 60) * 60_000;
          }
        } else {
          const slaMin = s.slaUnit === 'hours' ? s.slaAmount * 60 : s.slaAmount;
          completed =
            submitted + Math.round(slaMin * (late ? rng.range(1.05, 3) : rng.range(0.15, 1)) * 60_000);
        }
        const stale = rng.chance(0.0003) && ctx.nowMs - submitted > 30 * 86_400_000;
        const kec = ctx.kecamatan[pickKec(rng)];
        if (completed > ctx.nowMs || stale) {
          insert.run(
            s.id,
            kec?.id ?? null,
            submitted,
            null,
            null,
            null,
            DEMO_SOURCE,
            new Date(submitted).toISOString(),
          );
          open++;
          continue;
        }
        const onTime = onTimeOf(s, submitted, completed) ? 1 : 0;
        insert.run(
          s.id,
          kec?.id ?? null,
          submitted,
          completed,
          durationMin(submitted, completed),
          onTime,
          DEMO_SOURCE,
          new Date(completed).toISOString(),
        );
      }
    })();
  }
  rebuildServiceRollups(db, bucketOf);
  for (let year = firstYear; year <= ctx.year; year++) {
    const row = db
      .prepare(
        `SELECT MAX(period) AS p, SUM(completed) AS n FROM service_month_rollup WHERE period LIKE ? AND completed > 0`,
      )
      .get(`${year}-%`) as { p: string | null; n: number | null };
    if (row.p === null) continue;
    const updatedAt =
      year === ctx.year ? ctx.nowIso : new Date(wibToMs(`${year}-12-31`, 23, 59)).toISOString();
    touchFreshness(db, 'services', year, row.p, updatedAt, true, row.n ?? 0);
  }
  ctx.log(`services: ${total} records (${open} open), last period ${wibMonth(ctx.nowMs)}`);
}
