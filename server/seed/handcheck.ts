// Loads a small hand-checkable dataset (fixtures/handcheck/*.json) on top of the real reference
// data. Figures go through the same write functions as OPD entries (server/writes), so the
// incremental rollup path is what the expected KPIs in fixtures/README.md are checked against.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { rebuildBudgetRollups } from '../db/queries/budget';
import {
  type Actor,
  recordComplaint,
  recordServiceRequest,
  saveIkmSurvey,
  saveIndexScore,
  saveProgress,
  saveRealisation,
} from '../writes';
import { FIXTURES_DIR } from './reference';

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO instant');
const monthPair = z.tuple([z.number(), z.number()]);

export const handcheckFile = z.object({
  now: instant,
  year: z.number().int(),
  programmes: z.array(
    z.object({
      code: z.string(),
      pillar: z.string(),
      element: z.string().optional(),
      name: z.string(),
      coordinator_opd: z.string(),
      horizon: z.enum(['quick_win', 'short', 'medium', 'long']),
      start_year: z.number().int(),
      end_year: z.number().int(),
      budget_rp: z.number().int(),
      indicator: z.object({ name: z.string(), unit: z.string(), target: z.number() }),
      plan: z.record(z.string(), z.number()),
      progress: z.array(
        z.object({
          period: z.string(),
          physical_pct: z.number(),
          spent_rp: z.number().int().default(0),
          status: z.enum(['belum_mulai', 'berjalan', 'selesai', 'tertunda']).nullable().default(null),
          kendala: z.string().nullable().default(null),
        }),
      ),
    }),
  ),
  sub_kegiatan: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      opd: z.string(),
      group: z.enum(['operasi', 'modal', 'tidak_terduga', 'transfer']),
      source: z.enum(['PAD', 'DAU', 'DAK_FISIK', 'DAK_NON_FISIK', 'DBH', 'BANKEU_PROV', 'DANA_DESA']),
      /** Code of the masterplan programme the sub kegiatan serves (sub_kegiatan.programme_id). */
      programme: z.string().optional(),
      pagu: z.object({ murni: z.number().int().optional(), perubahan: z.number().int().optional() }),
      /** Per stage, 12 cumulative [keuangan %, fisik %] targets. */
      targets: z.object({
        murni: z.array(monthPair).length(12).optional(),
        perubahan: z.array(monthPair).length(12).optional(),
      }),
      realisation: z.array(
        z.object({
          month: z.number().int(),
          sp2d_rp: z.number().int(),
          spj_rp: z.number().int().default(0),
          fisik_pct: z.number(),
        }),
      ),
    }),
  ),
  spbe: z.array(
    z.object({
      year: z.number().int(),
      kind: z.enum(['self', 'verified']),
      framework: z.string().default('SPBE-2020'),
      /** Indicator number → level (null = no value). */
      levels: z.record(z.string(), z.number().int().min(0).max(5).nullable()),
    }),
  ),
  service_records: z.array(
    z.object({
      service: z.string(),
      kecamatan: z.string().nullable(),
      submitted: instant,
      completed: instant.nullable(),
    }),
  ),
  complaints: z.array(
    z.object({
      channel: z.string(),
      topic: z.string(),
      category: z.string().default('pengaduan'),
      opd: z.string().nullable(),
      kecamatan: z.string().nullable(),
      received: instant,
      first_response: instant.nullable(),
      resolved: instant.nullable(),
    }),
  ),
  ikm: z.array(
    z.object({
      opd: z.string(),
      period: z.string(),
      respondents: z.number().int(),
      elements: z.record(z.string(), z.number()),
    }),
  ),
});

export type Handcheck = z.infer<typeof handcheckFile>;

export function readHandcheck(file = path.join(FIXTURES_DIR, 'handcheck', 'dataset.json')): Handcheck {
  const parsed = handcheckFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`handcheck: ${i?.path.join('.')}: ${i?.message}`);
  }
  return parsed.data;
}

const ACTOR: Actor = { userId: null, source: 'fixture' };

export function loadHandcheck(db: Db, data: Handcheck): void {
  const nowMs = Date.parse(data.now);
  const id = (sql: string, key: string): number => {
    const v = db.prepare(sql).pluck().get(key) as number | undefined;
    if (v === undefined) throw new Error(`handcheck: unknown reference '${key}'`);
    return v;
  };
  const opdId = (code: string) => id('SELECT id FROM opd WHERE code = ?', code);

  db.transaction(() => {
    for (const p of data.programmes) {
      const pid = Number(
        db
          .prepare(
            `INSERT INTO programme (code, pillar_id, element_id, name, coordinator_opd_id, horizon, start_year, end_year,
               budget_rp, indicator_name, indicator_unit, indicator_target, source, entered_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture', ?)`,
          )
          .run(
            p.code,
            id('SELECT id FROM pillar WHERE code = ?', p.pillar),
            p.element ? id('SELECT id FROM pillar_element WHERE code = ?', p.element) : null,
            p.name,
            opdId(p.coordinator_opd),
            p.horizon,
            p.start_year,
            p.end_year,
            p.budget_rp,
            p.indicator.name,
            p.indicator.unit,
            p.indicator.target,
            data.now,
          ).lastInsertRowid,
      );
      for (const [period, pct] of Object.entries(p.plan)) {
        db.prepare('INSERT INTO programme_plan (programme_id, period, planned_pct) VALUES (?, ?, ?)').run(
          pid,
          period,
          pct,
        );
      }
    }
    for (const s of data.sub_kegiatan) {
      const kegiatan = s.code.split('.').slice(0, -1).join('.');
      db.prepare(`INSERT OR IGNORE INTO budget_node (code, level, name) VALUES (?, 'kegiatan', ?)`).run(
        kegiatan,
        `Kegiatan ${kegiatan}`,
      );
      const sid = Number(
        db
          .prepare(
            `INSERT INTO sub_kegiatan (year, code, name, kegiatan_code, opd_id, spending_group, funding_source,
               programme_id, source, entered_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'fixture', ?)`,
          )
          .run(
            data.year,
            s.code,
            s.name,
            kegiatan,
            opdId(s.opd),
            s.group,
            s.source,
            s.programme ? id('SELECT id FROM programme WHERE code = ?', s.programme) : null,
            data.now,
          ).lastInsertRowid,
      );
      for (const stage of ['murni', 'perubahan'] as const) {
        const pagu = s.pagu[stage];
        if (pagu === undefined) continue;
        db.prepare('INSERT INTO sub_kegiatan_pagu (sub_kegiatan_id, stage, pagu_rp) VALUES (?, ?, ?)').run(
          sid,
          stage,
          pagu,
        );
        (s.targets[stage] ?? []).forEach(([keu, fis], i) => {
          db.prepare(
            'INSERT INTO budget_target (sub_kegiatan_id, stage, month, target_keu_pct, target_fis_pct) VALUES (?, ?, ?, ?, ?)',
          ).run(sid, stage, i + 1, keu, fis);
        });
      }
    }
    // Structure (pagu, targets) is a bulk definition: rebuilt once; realisation then goes in row by row.
    rebuildBudgetRollups(db, data.year);
  })();

  for (const p of data.programmes) {
    const pid = id('SELECT id FROM programme WHERE code = ?', p.code);
    for (const r of p.progress) {
      saveProgress(
        db,
        {
          programmeId: pid,
          period: r.period,
          physicalPct: r.physical_pct,
          spentRp: r.spent_rp,
          indicatorValue: null,
          status: r.status,
          kendala: r.kendala,
          tindakLanjut: null,
          evidenceUrl: null,
        },
        ACTOR,
        nowMs,
      );
    }
  }
  for (const s of data.sub_kegiatan) {
    const sid = db
      .prepare('SELECT id FROM sub_kegiatan WHERE year = ? AND code = ?')
      .pluck()
      .get(data.year, s.code) as number;
    for (const r of s.realisation) {
      saveRealisation(
        db,
        { subKegiatanId: sid, month: r.month, sp2dRp: r.sp2d_rp, spjRp: r.spj_rp, fisikPct: r.fisik_pct },
        ACTOR,
        nowMs,
      );
    }
  }
  for (const a of data.spbe) {
    const fw = id('SELECT id FROM index_framework WHERE code = ?', a.framework);
    const aid = Number(
      db
        .prepare(
          `INSERT INTO index_assessment (framework_id, year, kind, source, entered_at) VALUES (?, ?, ?, 'fixture', ?)`,
        )
        .run(fw, a.year, a.kind, data.now).lastInsertRowid,
    );
    for (const [no, level] of Object.entries(a.levels)) {
      const ind = db
        .prepare('SELECT id FROM index_indicator WHERE framework_id = ? AND no = ?')
        .pluck()
        .get(fw, Number(no)) as number | undefined;
      if (ind === undefined) throw new Error(`handcheck: ${a.framework} has no indicator ${no}`);
      saveIndexScore(db, { assessmentId: aid, indicatorId: ind, level, evidence: null }, ACTOR, nowMs);
    }
  }
  for (const r of data.service_records) {
    recordServiceRequest(
      db,
      {
        serviceId: id('SELECT id FROM service_type WHERE code = ?', r.service),
        kecamatanId: r.kecamatan ? id('SELECT id FROM kecamatan WHERE code = ?', r.kecamatan) : null,
        submittedMs: Date.parse(r.submitted),
        completedMs: r.completed === null ? null : Date.parse(r.completed),
        sourceId: null,
      },
      ACTOR,
      nowMs,
    );
  }
  for (const c of data.complaints) {
    recordComplaint(
      db,
      {
        channel: c.channel,
        topic: c.topic,
        category: c.category,
        opdCode: c.opd,
        kecamatanCode: c.kecamatan,
        receivedMs: Date.parse(c.received),
        firstResponseMs: c.first_response === null ? null : Date.parse(c.first_response),
        resolvedMs: c.resolved === null ? null : Date.parse(c.resolved),
        sourceId: null,
      },
      ACTOR,
      nowMs,
    );
  }
  for (const s of data.ikm) {
    saveIkmSurvey(
      db,
      {
        opdId: opdId(s.opd),
        serviceId: null,
        period: s.period,
        respondents: s.respondents,
        elements: Object.entries(s.elements).map(([name, nrr]) => ({ name, nrr })),
      },
      ACTOR,
      nowMs,
    );
  }
}
