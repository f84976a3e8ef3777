// Demo APBD: sub kegiatan under a dotted code hierarchy, pagu scaled to each year's APBD (murni and
// perubahan), anggaran kas targets, and realisation that lags its target, piles up in Q4, and is
// deep red for a few OPDs. Rollups are rebuilt from the raw rows once at the end.
import { monthKey } from '../../../shared/time';
import { rebuildBudgetRollups } from '../../db/queries/budget';
import { touchFreshness } from '../../db/queries/freshness';
import { weightedSampler } from '../random';
import { DEMO_SOURCE, type DemoContext, type OpdRef, reportedAt } from './context';

/** Cumulative financial target % by month (DOMAIN.md: ~15–20 % by March, 40–45 % June, 65–70 % September). */
const KEU_CURVE_OPERASI = [5, 10, 18, 25, 33, 43, 51, 59, 68, 77, 87, 99];
const KEU_CURVE_MODAL = [1, 3, 8, 13, 20, 30, 38, 47, 58, 70, 85, 99];

const SUB_NAMES: Record<string, string[]> = {
  operasi: [
    'Penyediaan Gaji dan Tunjangan ASN',
    'Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik',
    'Penyediaan Bahan Logistik Kantor',
    'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD',
    'Penyediaan Jasa Pelayanan Umum Kantor',
    'Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya',
    'Penyusunan Dokumen Perencanaan Perangkat Daerah',
    'Koordinasi dan Penyusunan Laporan Capaian Kinerja',
    'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi',
    'Sosialisasi dan Bimbingan Teknis',
    'Pengelolaan Data dan Informasi',
    'Fasilitasi Kegiatan Masyarakat',
  ],
  modal: [
    'Pembangunan Jalan',
    'Rehabilitasi Jalan',
    'Pembangunan Jembatan',
    'Pengadaan Peralatan dan Mesin Lainnya',
    'Pengadaan Sarana dan Prasarana Gedung Kantor',
    'Pembangunan Ruang Kelas Baru',
    'Pengadaan Alat Kesehatan',
    'Pembangunan Sistem Penyediaan Air Minum',
    'Pengadaan Perangkat Jaringan dan Pusat Data',
    'Pembangunan Penerangan Jalan Umum',
  ],
  transfer: [
    'Bantuan Keuangan kepada Pemerintah Desa',
    'Penyaluran Alokasi Dana Desa',
    'Hibah kepada Badan/Lembaga',
  ],
  tidak_terduga: ['Belanja Tidak Terduga Penanggulangan Bencana'],
};

/** Relative size of an OPD's budget (education, health, public works and hospital dominate). */
function opdWeight(o: OpdRef): number {
  const big: Record<string, number> = {
    DINDIKBUD: 14,
    DINKES: 7,
    DPUPR: 9,
    RSUD: 6,
    SETDA: 4,
    BAKEUDA: 5,
    DINPERMASDES: 5,
  };
  return big[o.code] ?? (o.kind === 'kecamatan' ? 0.6 : 1.6);
}

/** Sub kegiatan a demo programme serves at most, per year. */
const SUBS_PER_PROGRAMME = 3;

/**
 * Links each programme active in the year to up to SUBS_PER_PROGRAMME sub kegiatan of its
 * coordinating OPD (sub_kegiatan.programme_id), capital spending first, the OPD's programmes taking
 * turns. Draws nothing from the RNG, so every other demo figure stays what it was.
 */
function linkProgrammes(db: DemoContext['db'], year: number): void {
  const programmes = db
    .prepare(
      `SELECT id, coordinator_opd_id AS opdId FROM programme
       WHERE start_year <= ? AND end_year >= ? ORDER BY code`,
    )
    .all(year, year) as { id: number; opdId: number }[];
  const subs = db
    .prepare(
      `SELECT id, opd_id AS opdId FROM sub_kegiatan
       WHERE year = ? AND spending_group IN ('modal', 'operasi')
       ORDER BY spending_group = 'modal' DESC, id`,
    )
    .all(year) as { id: number; opdId: number }[];
  const subsOf = new Map<number, number[]>();
  for (const s of subs) subsOf.set(s.opdId, [...(subsOf.get(s.opdId) ?? []), s.id]);
  const programmesOf = new Map<number, number[]>();
  for (const p of programmes) programmesOf.set(p.opdId, [...(programmesOf.get(p.opdId) ?? []), p.id]);
  const link = db.prepare('UPDATE sub_kegiatan SET programme_id = ? WHERE id = ?');
  db.transaction(() => {
    for (const [opdId, ids] of programmesOf) {
      const pool = subsOf.get(opdId) ?? [];
      const n = Math.min(pool.length, ids.length * SUBS_PER_PROGRAMME);
      for (let i = 0; i < n; i++) link.run(ids[i % ids.length], pool[i]);
    }
  })();
}

export function seedBudget(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const firstYear = ctx.year - ctx.spec.budgetYears + 1;
  const pickOpd = weightedSampler(ctx.opds.map(opdWeight));
  const insertNode = db.prepare(
    'INSERT OR IGNORE INTO budget_node (code, level, name, parent_code) VALUES (?, ?, ?, ?)',
  );
  const insertSub = db.prepare(
    `INSERT INTO sub_kegiatan (year, code, name, kegiatan_code, opd_id, spending_group, funding_source, source, entered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPagu = db.prepare(
    'INSERT INTO sub_kegiatan_pagu (sub_kegiatan_id, stage, pagu_rp) VALUES (?, ?, ?)',
  );
  const insertTarget = db.prepare(
    'INSERT INTO budget_target (sub_kegiatan_id, stage, month, target_keu_pct, target_fis_pct) VALUES (?, ?, ?, ?, ?)',
  );
  const insertReal = db.prepare(
    `INSERT INTO budget_realisation (sub_kegiatan_id, month, sp2d_rp, spj_rp, fisik_pct, source, entered_at, verification)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // OPDs that often report after the deadline (the 10th), so the discipline screen has lateness to show.
  const lateReporters = new Set(['DINRUMKIM', 'SATPOLPP', 'DINPERTAN']);
  // OPDs that report late this month (for "belum melapor"): two, chosen once.
  const lateOpds = new Set(
    ctx.opds
      .filter((o) => o.kind !== 'kecamatan' && !ctx.redOpds.has(o.code))
      .slice(-2)
      .map((o) => o.code),
  );

  for (let year = firstYear; year <= ctx.year; year++) {
    const stages = db
      .prepare(
        'SELECT stage, belanja_rp AS belanja, adopted_on AS adoptedOn FROM fiscal_year WHERE year = ? ORDER BY adopted_on',
      )
      .all(year) as { stage: 'murni' | 'perubahan'; belanja: number; adoptedOn: string }[];
    const murni = stages.find((s) => s.stage === 'murni');
    if (!murni) continue; // no APBD for that year in the reference data
    const perubahan = stages.find((s) => s.stage === 'perubahan' && s.adoptedOn <= ctx.nowIso.slice(0, 10));
    const lastMonth = year < ctx.year ? 12 : ctx.month - 1;

    // Raw pagu (lognormal), scaled to the APBD belanja afterwards.
    interface Sub {
      opd: OpdRef;
      group: string;
      source: string;
      raw: number;
      /** APBD perubahan revision factor: about a third of sub kegiatan move by up to ±12 %. */
      revise: number;
      lag: number;
      id?: number;
    }
    const subs: Sub[] = [];
    for (let i = 0; i < ctx.spec.subKegiatanPerYear; i++) {
      const opd = ctx.opds[pickOpd(rng)] as OpdRef;
      const r = rng.next();
      const group =
        opd.code === 'BAKEUDA' && i % 97 === 0
          ? 'tidak_terduga'
          : opd.code === 'DINPERMASDES' && r < 0.5
            ? 'transfer'
            : r < 0.68
              ? 'operasi'
              : 'modal';
      const source =
        group === 'transfer'
          ? rng.chance(0.6)
            ? 'DANA_DESA'
            : 'BANKEU_PROV'
          : group === 'modal'
            ? rng.pick(['DAK_FISIK', 'DAK_FISIK', 'PAD', 'DAU', 'BANKEU_PROV'])
            : rng.pick(['DAU', 'DAU', 'DAU', 'PAD', 'PAD', 'DBH', 'DAK_NON_FISIK']);
      const red = ctx.redOpds.has(opd.code);
      const lag = red ? rng.range(0.5, 0.72) : rng.range(0.84, 1.0);
      subs.push({
        opd,
        group,
        source,
        raw: Math.exp(rng.normal() * 0.9) * (group === 'modal' ? 2.2 : 1),
        revise: rng.chance(0.35) ? rng.range(0.9, 1.12) : 1,
        lag,
      });
    }
    const rawTotal = subs.reduce((s, x) => s + x.raw, 0);
    const scaleMurni = murni.belanja / rawTotal;
    // Revised pagu scaled so the perubahan stage adds up to its own APBD total.
    const scalePerubahan = perubahan ? perubahan.belanja / subs.reduce((s, x) => s + x.raw * x.revise, 0) : 0;

    // Code hierarchy per OPD: urusan.bidang . program . kegiatan . sub, ≤ 12 subs per kegiatan.
    const counters = new Map<string, number>();
    db.transaction(() => {
      for (const s of subs) {
        const bidang = s.opd.urusanCode ?? '4.01';
        const urusan = bidang.split('.')[0] ?? '4';
        const n = counters.get(s.opd.code) ?? 0;
        counters.set(s.opd.code, n + 1);
        const prog = `${bidang}.${String(Math.floor(n / 48) + 1).padStart(2, '0')}`;
        const keg = `${prog}.${1 + (Math.floor(n / 12) % 4)}.01`;
        insertNode.run(urusan, 'urusan', `Urusan ${urusan}`, null);
        insertNode.run(bidang, 'bidang', s.opd.urusanName ?? `Bidang ${bidang}`, urusan);
        insertNode.run(
          prog,
          'program',
          prog.endsWith('.01') ? 'Program Penunjang Urusan Pemerintahan Daerah' : `Program ${prog}`,
          bidang,
        );
        insertNode.run(keg, 'kegiatan', `Kegiatan ${keg}`, prog);
        const code = `${keg}.${String((n % 12) + 1).padStart(4, '0')}`;
        const name = rng.pick(SUB_NAMES[s.group] ?? SUB_NAMES.operasi ?? []);
        s.id = Number(
          insertSub.run(
            year,
            code,
            name,
            keg,
            s.opd.id,
            s.group,
            s.source,
            DEMO_SOURCE,
            `${year - 1}-12-20T03:00:00.000Z`,
          ).lastInsertRowid,
        );
        const paguMurni = Math.round(s.raw * scaleMurni);
        insertPagu.run(s.id, 'murni', paguMurni);
        const curve = s.group === 'modal' ? KEU_CURVE_MODAL : KEU_CURVE_OPERASI;
        const stagesHere: ['murni' | 'perubahan', number][] = [['murni', paguMurni]];
        if (perubahan) {
          const scaled = Math.round(s.raw * s.revise * scalePerubahan);
          insertPagu.run(s.id, 'perubahan', scaled);
          stagesHere.push(['perubahan', scaled]);
        }
        for (const [stage] of stagesHere) {
          for (let m = 1; m <= 12; m++) {
            const keu = Math.min(100, Math.max(0, (curve[m - 1] ?? 100) + rng.range(-2, 2)));
            insertTarget.run(s.id, stage, m, round2(keu), round2(Math.min(100, keu + rng.range(4, 8))));
          }
        }

        // Realisation: cumulative keuangan % = target × lag, catching up in Q4.
        const pagu = perubahan ? (stagesHere[1]?.[1] ?? paguMurni) : paguMurni;
        let cumRp = 0;
        let fisik = 0;
        for (let m = 1; m <= lastMonth; m++) {
          const late = year === ctx.year && m === lastMonth && ctx.day < 10;
          if (year === ctx.year && m === lastMonth && lateOpds.has(s.opd.code)) continue;
          if (late && rng.chance(0.3)) continue;
          const q4 = m >= 10 ? 1 + (m - 9) * (1 - s.lag) * 0.25 : 1;
          const cumPct = Math.min(100, (curve[m - 1] ?? 100) * s.lag * q4);
          const cumTarget = Math.max(cumRp, Math.round((pagu * cumPct) / 100));
          const month = cumTarget - cumRp;
          cumRp = cumTarget;
          fisik = Math.min(100, Math.max(fisik, round2(cumPct + rng.range(5, 10))));
          const recent = year === ctx.year && m >= lastMonth - 1;
          insertReal.run(
            s.id,
            m,
            month,
            Math.round(month * rng.range(0.85, 1)),
            fisik,
            DEMO_SOURCE,
            reportedAt(
              monthKey(year, m),
              lateReporters.has(s.opd.code) && rng.chance(0.4) ? rng.int(11, 18) : rng.int(2, 9),
            ),
            recent && rng.chance(0.45) ? 'submitted' : 'verified',
          );
        }
      }
      // Rounding each pagu leaves a few Rupiah off the APBD total: give them to the largest sub kegiatan.
      for (const [stage, belanja] of [
        ['murni', murni.belanja],
        ['perubahan', perubahan?.belanja],
      ] as const) {
        if (belanja === undefined) continue;
        db.prepare(
          `UPDATE sub_kegiatan_pagu SET pagu_rp = pagu_rp + (@belanja - (
             SELECT SUM(p.pagu_rp) FROM sub_kegiatan_pagu p JOIN sub_kegiatan s ON s.id = p.sub_kegiatan_id
             WHERE s.year = @year AND p.stage = @stage))
           WHERE stage = @stage AND sub_kegiatan_id = (
             SELECT p.sub_kegiatan_id FROM sub_kegiatan_pagu p JOIN sub_kegiatan s ON s.id = p.sub_kegiatan_id
             WHERE s.year = @year AND p.stage = @stage ORDER BY p.pagu_rp DESC, p.sub_kegiatan_id LIMIT 1)`,
        ).run({ belanja, year, stage });
      }
    })();
    linkProgrammes(db, year);
    rebuildBudgetRollups(db, year);
    const fresh = db
      .prepare(
        `SELECT MAX(r.month) AS m, MAX(r.entered_at) AS at, COUNT(*) AS n FROM budget_realisation r
         JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id WHERE s.year = ?`,
      )
      .get(year) as { m: number | null; at: string | null; n: number };
    if (fresh.m !== null && fresh.at !== null) {
      touchFreshness(db, 'budget', year, monthKey(year, fresh.m), fresh.at, true, fresh.n);
    }
  }
  ctx.log(`budget: ${ctx.spec.subKegiatanPerYear} sub kegiatan × ${ctx.spec.budgetYears} years`);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function chooseRedOpds(opds: OpdRef[]): Set<string> {
  // Deep red: a few mid-sized dinas, fixed by code so the demo tells the same story every time.
  const wanted = ['DINRUMKIM', 'DINPERIKANAN', 'DLH', 'DINKOPUKM'];
  return new Set(wanted.filter((c) => opds.some((o) => o.code === c)));
}
