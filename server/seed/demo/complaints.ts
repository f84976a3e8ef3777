// Demo complaints (Lapor MasBuP and friends) and satisfaction surveys. Complaints come mostly via
// WhatsApp, about roads, social aid and street lighting; most get a first response within a day.
import { addDays, wibDate, wibToMs } from '../../../shared/time';
import { rebuildComplaintRollups } from '../../db/queries/complaints';
import { touchFreshness } from '../../db/queries/freshness';
import { getSetting, listIkmElements } from '../../db/queries/reference';
import { weightedSampler } from '../random';
import { DEMO_SOURCE, type DemoContext } from './context';

/** 2025: 83,7 % of reports via WhatsApp (DOMAIN.md). */
const CHANNEL_WEIGHT: Record<string, number> = {
  whatsapp: 83.7,
  web: 6,
  instagram: 4,
  tiktok: 2,
  sp4n_lapor: 3,
  matur_mas_bupati: 1.3,
};
const TOPIC_WEIGHT: Record<string, number> = {
  jalan: 28,
  bansos: 14,
  pju: 10,
  pendidikan: 7,
  perhubungan: 6,
  kesehatan: 7,
  adminduk: 6,
  sampah: 7,
  ketertiban: 4,
  perizinan: 3,
  lainnya: 8,
};

export function seedComplaints(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const channels = db.prepare('SELECT code FROM complaint_channel').pluck().all() as string[];
  const topics = db.prepare('SELECT t.code, t.opd_id AS opdId FROM complaint_topic t').all() as {
    code: string;
    opdId: number | null;
  }[];
  const pickChannel = weightedSampler(channels.map((c) => CHANNEL_WEIGHT[c] ?? 1));
  const pickTopic = weightedSampler(topics.map((t) => TOPIC_WEIGHT[t.code] ?? 2));
  const hours = Number(getSetting(db, 'complaint.first_response_hours', ctx.year) ?? 24);
  const firstYear = ctx.year - ctx.spec.budgetYears + 1;
  const startMs = wibToMs(`${firstYear}-01-01`);
  const insert = db.prepare(
    `INSERT INTO complaint (channel, topic, category, opd_id, kecamatan_id, received_ms, first_response_ms, resolved_ms, source, entered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const total = ctx.spec.complaints;
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      // Uniform in time with a mild upward trend (more people use the channels each year).
      const received = startMs + Math.floor(Math.sqrt(rng.next()) * (ctx.nowMs - startMs));
      const topic = topics[pickTopic(rng)];
      if (!topic) continue;
      const fast = rng.chance(0.87);
      const firstDelay = fast ? rng.int(5, 23 * 60) : rng.int(24 * 60 + 1, 5 * 24 * 60);
      const first = received + firstDelay * 60_000;
      const resolveDays = rng.chance(0.8) ? rng.int(1, 5) : rng.int(6, 40);
      const resolved = first + resolveDays * 86_400_000;
      const neverResolved = rng.chance(0.02);
      insert.run(
        channels[pickChannel(rng)],
        topic.code,
        rng.chance(0.85) ? 'pengaduan' : rng.pick(['informasi', 'sengketa', 'inspeksi_lapangan']),
        topic.opdId,
        ctx.kecamatan[rng.int(0, ctx.kecamatan.length - 1)]?.id ?? null,
        received,
        first <= ctx.nowMs ? first : null,
        resolved <= ctx.nowMs && !neverResolved ? resolved : null,
        DEMO_SOURCE,
        new Date(received).toISOString(),
      );
    }
  })();
  rebuildComplaintRollups(db, hours);
  for (let year = firstYear; year <= ctx.year; year++) {
    const p = db
      .prepare(`SELECT MAX(period) FROM complaint_rollup WHERE dim = 'total' AND period LIKE ?`)
      .pluck()
      .get(`${year}-%`) as string | null;
    if (p)
      touchFreshness(
        db,
        'complaints',
        year,
        p,
        year === ctx.year ? ctx.nowIso : `${year}-12-31T16:00:00.000Z`,
        true,
        1,
      );
  }
  ctx.log(`complaints: ${total}`);
}

/** Units surveyed each semester: the big service OPDs and every kecamatan. */
const SURVEYED = [
  'DINPENDUKCAPIL',
  'DPMPTSP',
  'RSUD',
  'DINKES',
  'DINHUB',
  'DINSOSDALDUKKB3A',
  'DINNAKER',
  'DLH',
];

export function seedIkm(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const elements = listIkmElements(db);
  const units = ctx.opds.filter((o) => SURVEYED.includes(o.code) || o.kind === 'kecamatan');
  const insertSurvey = db.prepare(
    `INSERT INTO ikm_survey (opd_id, period, respondents, source, entered_at, verification) VALUES (?, ?, ?, ?, ?, 'verified')`,
  );
  const insertElement = db.prepare('INSERT INTO ikm_survey_element (survey_id, name, nrr) VALUES (?, ?, ?)');
  const today = wibDate(ctx.nowMs);
  const firstYear = ctx.year - ctx.spec.budgetYears + 1;
  db.transaction(() => {
    for (let year = firstYear; year <= ctx.year; year++) {
      for (const sem of [1, 2] as const) {
        // A semester's survey is published about a month after it ends.
        const published = sem === 1 ? `${year}-07-31` : addDays(`${year}-12-31`, 31);
        if (published > today) continue;
        const period = `${year}-S${sem}`;
        for (const u of units) {
          const base = rng.range(3.0, 3.5) + (year - firstYear) * 0.03;
          const id = insertSurvey.run(
            u.id,
            period,
            rng.int(120, 420),
            DEMO_SOURCE,
            `${published}T03:00:00.000Z`,
          ).lastInsertRowid;
          elements.forEach((name, i) => {
            // Waktu penyelesaian scores lowest, biaya/tarif highest (free services), as in published SKM.
            const tilt = i === 2 ? -0.25 : i === 3 ? 0.3 : 0;
            insertElement.run(
              id,
              name,
              Math.round(Math.min(4, Math.max(1, base + tilt + rng.normal() * 0.08)) * 1000) / 1000,
            );
          });
        }
        touchFreshness(db, 'ikm', year, period, `${published}T03:00:00.000Z`, true, units.length);
      }
    }
  })();
  ctx.log(`ikm: ${units.length} units per semester`);
}
