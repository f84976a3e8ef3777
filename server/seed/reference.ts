// Loads the real reference data from fixtures/reference/ into an empty database, in one
// transaction: OPDs, kecamatan, pillars, holidays, index frameworks, services, IKM, settings, APBD.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Db } from '../db/connection';
import {
  apbdFile,
  complaintsFile,
  holidaysFile,
  ikmFile,
  indexFrameworkFile,
  kecamatanFile,
  opdsFile,
  pillarsFile,
  servicesFile,
  settingsFile,
} from './fixture-schema';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
export const REFERENCE_DIR = path.join(FIXTURES_DIR, 'reference');

export function readFixture<T extends z.ZodType>(dir: string, file: string, schema: T): z.infer<T> {
  const full = path.join(dir, file);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(full, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`fixtures: ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export function hasReferenceData(db: Db): boolean {
  return (db.prepare('SELECT COUNT(*) FROM opd').pluck().get() as number) > 0;
}

export function loadReference(db: Db, nowIso: string, dir = REFERENCE_DIR): void {
  const kecamatan = readFixture(dir, 'kecamatan.json', kecamatanFile);
  const opds = readFixture(dir, 'opds.json', opdsFile);
  const pillars = readFixture(dir, 'pillars.json', pillarsFile);
  const holidays = readFixture(dir, 'holidays.json', holidaysFile);
  const spbe = readFixture(dir, 'spbe-2020.json', indexFrameworkFile);
  const services = readFixture(dir, 'services.json', servicesFile);
  const ikm = readFixture(dir, 'ikm.json', ikmFile);
  const complaints = readFixture(dir, 'complaints.json', complaintsFile);
  const settings = readFixture(dir, 'settings.json', settingsFile);
  const apbd = readFixture(dir, 'apbd.json', apbdFile);

  db.transaction(() => {
    const kec = db.prepare(
      `INSERT INTO kecamatan (bps_code, code, name, tile_row, tile_col, size_rank, confirmed)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const k of kecamatan) {
      kec.run(
        k.bps_code,
        k.code,
        k.name,
        k.tile.row,
        k.tile.col,
        k.size_rank ?? null,
        k.confirmed_code === false ? 0 : 1,
      );
    }
    const kecId = (bps: string | null | undefined) =>
      bps
        ? ((db.prepare('SELECT id FROM kecamatan WHERE bps_code = ?').pluck().get(bps) as
            | number
            | undefined) ?? null)
        : null;

    const opd = db.prepare(
      `INSERT INTO opd (code, name, short_name, kind, urusan_code, urusan_name, kecamatan_id, confirmed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const o of opds) {
      opd.run(
        o.code,
        o.name,
        o.short_name,
        o.kind,
        o.urusan_code ?? null,
        o.urusan_name ?? null,
        kecId(o.kecamatan_code),
        o.confirmed ? 1 : 0,
      );
    }
    const opdId = (c: string): number => {
      const id = db.prepare('SELECT id FROM opd WHERE code = ?').pluck().get(c) as number | undefined;
      if (id === undefined) throw new Error(`fixtures: unknown OPD code '${c}'`);
      return id;
    };

    const fw = db
      .prepare('INSERT INTO pillar_framework (code, name, source, valid_from_year) VALUES (?, ?, ?, ?)')
      .run(
        pillars.framework.code,
        pillars.framework.name,
        pillars.framework.source ?? null,
        pillars.framework.valid_from_year,
      );
    for (const p of pillars.pillars) {
      const pid = db
        .prepare(
          `INSERT INTO pillar (framework_id, code, name, name_en, sort, coordinator_opd_id, coordinator_confirmed)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fw.lastInsertRowid,
          p.code,
          p.name,
          p.name_en,
          p.sort,
          opdId(p.coordinator_opd),
          p.coordinator_confirmed ? 1 : 0,
        ).lastInsertRowid;
      for (const e of p.elements) {
        db.prepare('INSERT INTO pillar_element (pillar_id, code, name, confirmed) VALUES (?, ?, ?, ?)').run(
          pid,
          e.code,
          e.name,
          e.confirmed ? 1 : 0,
        );
      }
    }

    const hol = db.prepare(
      `INSERT INTO holiday (date, name, kind, decree, confirmed, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const h of holidays)
      hol.run(h.date, h.name, h.kind, h.decree ?? null, h.confirmed ? 1 : 0, h.note ?? null, nowIso);

    loadIndexFramework(db, spbe);

    for (const s of services) {
      db.prepare(
        `INSERT INTO service_type (code, name, opd_id, grp, sla_amount, sla_unit, confirmed, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        s.code,
        s.name,
        opdId(s.opd_code),
        s.group,
        s.sla_amount,
        s.sla_unit,
        s.confirmed ? 1 : 0,
        s.source ?? null,
      );
    }

    ikm.elements.forEach((name, i) => {
      db.prepare('INSERT INTO ikm_element (regulation, sort, name) VALUES (?, ?, ?)').run(
        ikm.regulation,
        i + 1,
        name,
      );
    });
    for (const g of ikm.grades) {
      db.prepare('INSERT INTO ikm_grade (grade, label, min_value, max_value) VALUES (?, ?, ?, ?)').run(
        g.grade,
        g.label,
        g.min,
        g.max,
      );
    }

    for (const c of complaints.channels)
      db.prepare('INSERT INTO complaint_channel (code, name) VALUES (?, ?)').run(c.code, c.name);
    for (const t of complaints.topics) {
      db.prepare('INSERT INTO complaint_topic (code, name, opd_id) VALUES (?, ?, ?)').run(
        t.code,
        t.name,
        t.opd_code ? opdId(t.opd_code) : null,
      );
    }
    for (const c of complaints.categories) {
      db.prepare('INSERT INTO complaint_category (code, name, deadline_days) VALUES (?, ?, ?)').run(
        c.code,
        c.name,
        c.deadline_days,
      );
    }

    for (const s of settings) {
      db.prepare(
        `INSERT INTO setting (key, year_from, value_json, confirmed, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(s.key, s.year_from, JSON.stringify(s.value), s.confirmed ? 1 : 0, s.note ?? null, nowIso);
    }

    for (const a of apbd) {
      db.prepare(
        `INSERT INTO fiscal_year (year, stage, belanja_rp, adopted_on, confirmed, source) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(a.year, a.stage, a.belanja_rp, a.adopted_on, a.confirmed ? 1 : 0, a.source ?? null);
    }
  })();
}

/** Insert one index framework (SPBE 2020, PEMDI, or a test framework) with its whole tree. */
export function loadIndexFramework(db: Db, f: z.infer<typeof indexFrameworkFile>): number {
  const fid = Number(
    db
      .prepare(
        `INSERT INTO index_framework (code, name, regulation, valid_from_year, valid_to_year, scale_max)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(f.code, f.name, f.regulation, f.valid_from_year, f.valid_to_year, f.scale_max).lastInsertRowid,
  );
  for (const l of f.levels) {
    db.prepare('INSERT INTO index_level (framework_id, level, name, description) VALUES (?, ?, ?, ?)').run(
      fid,
      l.level,
      l.name,
      l.description ?? null,
    );
  }
  for (const b of f.bands) {
    db.prepare(
      'INSERT INTO index_band (framework_id, label, min_value, max_exclusive, confirmed) VALUES (?, ?, ?, ?, ?)',
    ).run(fid, b.label, b.min, b.max_exclusive, f.bands_confirmed ? 1 : 0);
  }
  const ownerId = (c: string | undefined): number | null => {
    if (c === undefined) return null;
    const id = db.prepare('SELECT id FROM opd WHERE code = ?').pluck().get(c) as number | undefined;
    if (id === undefined) throw new Error(`fixtures: ${f.code}: unknown owner OPD code '${c}'`);
    return id;
  };
  for (const d of f.domains) {
    const did = db
      .prepare('INSERT INTO index_domain (framework_id, no, name, weight_pct) VALUES (?, ?, ?, ?)')
      .run(fid, d.no, d.name, d.weight_pct).lastInsertRowid;
    for (const a of d.aspects) {
      const aid = db
        .prepare(
          `INSERT INTO index_aspect (domain_id, framework_id, no, name, weight_pct, weight_confirmed)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(did, fid, a.no, a.name, a.weight_pct, a.weight_confirmed ? 1 : 0).lastInsertRowid;
      for (const i of a.indicators) {
        db.prepare(
          `INSERT INTO index_indicator (aspect_id, framework_id, no, name, aliases_json, weight_pct, confirmed, sector_slot, owner_opd_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          aid,
          fid,
          i.no,
          i.name,
          JSON.stringify(i.aliases ?? []),
          i.weight_pct,
          i.confirmed ? 1 : 0,
          i.sector_slot ? 1 : 0,
          ownerId(i.owner_opd),
        );
      }
    }
  }
  return fid;
}

/**
 * Databases loaded before the fixture named indicator owners: set owner_opd_id from the fixture
 * where it is still empty (an owner set since is kept). Returns how many indicators got one.
 */
export function fillIndicatorOwners(db: Db, dir = REFERENCE_DIR): number {
  const f = readFixture(dir, 'spbe-2020.json', indexFrameworkFile);
  const set = db.prepare(
    `UPDATE index_indicator SET owner_opd_id = (SELECT id FROM opd WHERE code = @opd)
     WHERE owner_opd_id IS NULL AND no = @no
       AND framework_id = (SELECT id FROM index_framework WHERE code = @framework)
       AND EXISTS (SELECT 1 FROM opd WHERE code = @opd)`,
  );
  let filled = 0;
  db.transaction(() => {
    for (const d of f.domains)
      for (const a of d.aspects)
        for (const i of a.indicators) {
          if (i.owner_opd === undefined) continue;
          filled += set.run({ opd: i.owner_opd, no: i.no, framework: f.code }).changes;
        }
  })();
  return filled;
}
