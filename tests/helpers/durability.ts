// What the fault tests check on a database file after a crash or in a backup: SQLite's own checks,
// every write of a fleet's log either wholly there (figure + audit row + rollups + change row) or
// wholly absent, the acknowledged ones there, the rollups equal to a recompute from the raw rows,
// and a hash of every table's rows (a restore must bring back exactly the backed-up state).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Db, openDb, openReadOnly } from '../../server/db/connection';
import { budgetYears, rebuildBudgetRollups } from '../../server/db/queries/budget';
import { rebuildComplaintRollups } from '../../server/db/queries/complaints';
import { rebuildOpdReports } from '../../server/db/queries/periods';
import { rebuildServiceRollups } from '../../server/db/queries/services';
import { rebuildIndexRollups } from '../../server/db/queries/spbe';
import { bucketOf } from '../../server/kpi/histogram';
import { setting } from '../../server/settings';
import { wibParts } from '../../shared/time';
import { type FleetSetup, figureKey, type Versions, type WriteKind, type WriteRecord } from './fleet';

// ───────────────────────────── SQLite's own checks ─────────────────────────────

/** PRAGMA integrity_check = ok and foreign_key_check empty; the problems otherwise. */
export function sqliteChecks(db: Db): string[] {
  const problems: string[] = [];
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  if (integrity.length !== 1 || integrity[0] !== 'ok')
    problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
  const orphans = db.pragma('foreign_key_check') as unknown[];
  if (orphans.length > 0)
    problems.push(`foreign_key_check: ${orphans.length} rows, first ${JSON.stringify(orphans[0])}`);
  return problems;
}

// ───────────────────────────── State before a load ─────────────────────────────

interface FigureState {
  exists: boolean;
  version: number;
  token: string | null;
}

/** Where the database stood before a load: the figures the fleet writes, the last audit and change ids. */
export interface DbState {
  auditMaxId: number;
  changeMaxId: number;
  figures: Map<string, FigureState>;
}

export function readState(db: Db, setup: FleetSetup): DbState {
  const figures = new Map<string, FigureState>();
  const realisation = db.prepare(
    'SELECT sp2d_rp AS token, version FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = ?',
  );
  const progress = db.prepare(
    'SELECT kendala AS token, version FROM programme_progress WHERE programme_id = ? AND period = ?',
  );
  const put = (kind: WriteKind, key: string, row: { token: unknown; version: number } | undefined) =>
    figures.set(
      figureKey(kind, key),
      row
        ? { exists: true, version: row.version, token: row.token === null ? null : String(row.token) }
        : { exists: false, version: 0, token: null },
    );
  for (const plan of setup.plans) {
    for (const sub of plan.subKegiatan)
      put(
        'realisation',
        `${sub}:${setup.month}`,
        realisation.get(sub, setup.month) as { token: unknown; version: number } | undefined,
      );
    for (const p of plan.programmes)
      put(
        'progress',
        `${p}:${setup.period}`,
        progress.get(p, setup.period) as { token: unknown; version: number } | undefined,
      );
  }
  return {
    auditMaxId: db.prepare('SELECT COALESCE(MAX(id), 0) FROM audit_log').pluck().get() as number,
    changeMaxId: db.prepare('SELECT COALESCE(MAX(id), 0) FROM change_log').pluck().get() as number,
    figures,
  };
}

/** The versions the fleet must send next (null: no row yet). */
export function versionsOf(state: DbState): Versions {
  const v: Versions = new Map();
  for (const [key, f] of state.figures) v.set(key, f.exists ? f.version : null);
  return v;
}

// ───────────────────────────── The writes of a log ─────────────────────────────

export interface WriteCheck {
  problems: string[];
  /** Acknowledged writes checked (each present with its value and audit row). */
  acked: number;
  /** Writes without an answer found wholly present / wholly absent. */
  unknownPresent: number;
  unknownAbsent: number;
  /** Writes answered with an error (each checked absent). */
  rejected: number;
  /** Acknowledged writes absent where that is allowed (answered after a backup began). */
  ackedAbsentAllowed: number;
  /** Writes of the log present in the database. */
  present: number;
}

interface AuditRow {
  id: number;
  user_id: number | null;
  entity: string;
  entity_id: string;
  action: string;
  old_json: string | null;
  new_json: string | null;
  parsedNew: Record<string, unknown> | null;
  parsedOld: Record<string, unknown> | null;
}

const parse = (j: string | null) => (j === null ? null : (JSON.parse(j) as Record<string, unknown>));
const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && a === b);

/**
 * Checks every write of `writes` (a fleet's log since `before`) against `db`.
 * - mode 'crash': every acknowledged write must be present.
 * - mode { ackedBefore, sentAfterAbsent }: a backup: every write acknowledged before `ackedBefore`
 *   (performance.now()) must be present, none sent after `sentAfterAbsent`, and the set present must
 *   be a cut in time (no write present whose request was sent after another write was acknowledged
 *   that is absent).
 * In both, a present write has its exact value, its audit row (who, old, new) and its change row;
 * an absent one has none of them; and there is no audit or change row the log does not explain.
 */
export function checkWrites(
  db: Db,
  setup: FleetSetup,
  before: DbState,
  writes: readonly WriteRecord[],
  mode: 'crash' | { ackedBefore: number; sentAfterAbsent?: number },
): WriteCheck {
  const out: WriteCheck = {
    problems: [],
    acked: 0,
    unknownPresent: 0,
    unknownAbsent: 0,
    rejected: 0,
    ackedAbsentAllowed: 0,
    present: 0,
  };
  const problem = (w: WriteRecord, what: string) =>
    out.problems.push(`write #${w.seq} (${w.kind} ${w.key}, writer ${w.writer}, ${w.outcome}): ${what}`);
  const audits = (
    db
      .prepare(
        'SELECT id, user_id, entity, entity_id, action, old_json, new_json FROM audit_log WHERE id > ? ORDER BY id',
      )
      .all(before.auditMaxId) as Omit<AuditRow, 'parsedNew' | 'parsedOld'>[]
  ).map((a): AuditRow => ({ ...a, parsedNew: parse(a.new_json), parsedOld: parse(a.old_json) }));
  const explained = new Set<number>();
  const byFigure = new Map<string, AuditRow[]>();
  const bySource = new Map<string, AuditRow[]>();
  for (const a of audits) {
    const list = byFigure.get(`${a.entity}|${a.entity_id}`) ?? [];
    list.push(a);
    byFigure.set(`${a.entity}|${a.entity_id}`, list);
    const sourceId = a.parsedNew?.sourceId;
    if (typeof sourceId === 'string') bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), a]);
  }
  const plans = new Map(setup.plans.map((p) => [p.index, p]));
  const mustBePresent = (w: WriteRecord) =>
    w.outcome === 'ack' && (mode === 'crash' || (w.doneAt !== null && w.doneAt < mode.ackedBefore));
  const presentSeqs = new Set<number>();
  const tally = (w: WriteRecord, present: boolean) => {
    if (present) {
      presentSeqs.add(w.seq);
      out.present++;
    }
    if (w.outcome === 'rejected') {
      out.rejected++;
      if (present) problem(w, `rejected (${w.status} ${w.error}) yet present`);
    } else if (w.outcome === 'ack') {
      if (present) out.acked++;
      else if (mustBePresent(w)) problem(w, 'acknowledged but absent');
      else out.ackedAbsentAllowed++;
    } else if (present) out.unknownPresent++;
    else out.unknownAbsent++;
  };

  // Realisation and progress: updates of one figure, a chain of audit rows per figure.
  const figureWrites = new Map<string, WriteRecord[]>();
  for (const w of writes) {
    if (w.kind !== 'realisation' && w.kind !== 'progress') continue;
    const k = figureKey(w.kind, w.key);
    figureWrites.set(k, [...(figureWrites.get(k) ?? []), w]);
  }
  const realisationRow = db.prepare(
    `SELECT sp2d_rp, spj_rp, fisik_pct, entered_by, version FROM budget_realisation
     WHERE sub_kegiatan_id = ? AND month = ?`,
  );
  const progressRow = db.prepare(
    `SELECT physical_pct, spent_rp, status, kendala, entered_by, version FROM programme_progress
     WHERE programme_id = ? AND period = ?`,
  );
  for (const [k, list] of figureWrites) {
    list.sort((a, b) => a.seq - b.seq);
    const first = list[0] as WriteRecord;
    const kind = first.kind;
    const entity = kind === 'realisation' ? 'budget_realisation' : 'programme_progress';
    const tokenOf = (j: Record<string, unknown> | null) => {
      if (j === null) return null;
      const v = kind === 'realisation' ? j.sp2dRp : j.kendala;
      return v === null || v === undefined ? null : String(v);
    };
    const start = before.figures.get(k) ?? { exists: false, version: 0, token: null };
    const chain = byFigure.get(`${entity}|${first.key}`) ?? [];
    let next = 0; // index into chain
    let exists = start.exists;
    let token = start.token;
    let version = start.version;
    let last: WriteRecord | null = null;
    for (const w of list) {
      const a = chain[next];
      const isThis = w.outcome !== 'rejected' && a !== undefined && tokenOf(a.parsedNew) === w.token;
      if (isThis) {
        next++;
        explained.add(a.id);
        if (a.user_id !== w.userId) problem(w, `audit row ${a.id} names user ${a.user_id}, not ${w.userId}`);
        if (a.action !== (exists ? 'update' : 'insert')) problem(w, `audit row ${a.id} action ${a.action}`);
        if (exists ? tokenOf(a.parsedOld) !== token : a.old_json !== null)
          problem(w, `audit row ${a.id} old value ${a.old_json} does not match the previous value ${token}`);
        const fields =
          kind === 'realisation'
            ? ['sp2dRp', 'spjRp', 'fisikPct']
            : ['physicalPct', 'spentRp', 'status', 'kendala'];
        for (const f of fields)
          if (!same(a.parsedNew?.[f], w.input[f]))
            problem(
              w,
              `audit row ${a.id} new ${f} = ${String(a.parsedNew?.[f])}, sent ${String(w.input[f])}`,
            );
        exists = true;
        token = w.token;
        version++;
        last = w;
      } else if (w.outcome === 'rejected') {
        if (chain.some((c) => tokenOf(c.parsedNew) === w.token)) problem(w, 'rejected yet audited');
      }
      tally(w, isThis);
    }
    for (const a of chain.slice(next))
      out.problems.push(
        `${entity} ${first.key}: audit row ${a.id} (${a.new_json}) matches no write in order`,
      );
    const [id, period] = first.key.split(':');
    const row = (
      kind === 'realisation'
        ? realisationRow.get(Number(id), Number(period))
        : progressRow.get(Number(id), period)
    ) as Record<string, unknown> | undefined;
    if (!exists) {
      if (row) out.problems.push(`${entity} ${first.key}: a row exists without any audited write`);
      continue;
    }
    if (!row) {
      out.problems.push(`${entity} ${first.key}: audited writes but no row`);
      continue;
    }
    const rowToken = String(kind === 'realisation' ? row.sp2d_rp : row.kendala);
    if (rowToken !== token)
      out.problems.push(`${entity} ${first.key}: holds ${rowToken}, the last audited write was ${token}`);
    if (row.version !== version)
      out.problems.push(`${entity} ${first.key}: version ${String(row.version)}, expected ${version}`);
    if (last) {
      const want =
        kind === 'realisation'
          ? { sp2d_rp: last.input.sp2dRp, spj_rp: last.input.spjRp, fisik_pct: last.input.fisikPct }
          : {
              physical_pct: last.input.physicalPct,
              spent_rp: last.input.spentRp,
              status: last.input.status,
              kendala: last.input.kendala,
            };
      for (const [col, v] of Object.entries(want))
        if (!same(row[col], v)) problem(last, `row ${col} = ${String(row[col])}, sent ${String(v)}`);
      if (row.entered_by !== last.userId) problem(last, `row entered_by ${String(row.entered_by)}`);
    }
  }

  // Service records and complaints: one insert each, found by its source id.
  const serviceRow = db.prepare(
    `SELECT r.id, t.code AS serviceCode, k.code AS kecamatanCode, r.submitted_ms, r.completed_ms
     FROM service_record r JOIN service_type t ON t.id = r.service_id LEFT JOIN kecamatan k ON k.id = r.kecamatan_id
     WHERE r.source = 'manual' AND r.source_id = ?`,
  );
  const complaintRow = db.prepare(
    `SELECT c.id, c.channel, c.topic, c.category, c.opd_id, k.code AS kecamatanCode, c.received_ms,
            c.first_response_ms, c.resolved_ms
     FROM complaint c LEFT JOIN kecamatan k ON k.id = c.kecamatan_id WHERE c.source = 'manual' AND c.source_id = ?`,
  );
  const ms = (v: unknown) => (v === null || v === undefined ? null : Date.parse(String(v)));
  for (const w of writes) {
    if (w.kind !== 'service' && w.kind !== 'complaint') continue;
    const entity = w.kind === 'service' ? 'service_record' : 'complaint';
    const row = (w.kind === 'service' ? serviceRow.get(w.token) : complaintRow.get(w.token)) as
      | Record<string, unknown>
      | undefined;
    const trail = (bySource.get(w.token) ?? []).filter((a) => a.entity === entity);
    for (const a of trail) explained.add(a.id);
    if (row && trail.length === 0) problem(w, `${entity} ${String(row.id)} present without its audit row`);
    if (!row && trail.length > 0) problem(w, `audit row ${trail[0]?.id} present without its ${entity}`);
    if (row) {
      if (trail.length !== 1) problem(w, `${trail.length} audit rows`);
      const a = trail[0];
      if (a) {
        if (a.entity_id !== String(row.id))
          problem(w, `audit row ${a.id} names ${entity} ${a.entity_id}, not ${String(row.id)}`);
        if (a.user_id !== w.userId) problem(w, `audit row ${a.id} names user ${a.user_id}, not ${w.userId}`);
        if (a.action !== 'insert' || a.old_json !== null)
          problem(w, `audit row ${a.id}: ${a.action}, old ${a.old_json}`);
      }
      const want: Record<string, unknown> =
        w.kind === 'service'
          ? {
              serviceCode: w.input.serviceCode,
              kecamatanCode: w.input.kecamatanCode,
              submitted_ms: ms(w.input.submittedAt),
              completed_ms: ms(w.input.completedAt),
            }
          : {
              channel: w.input.channel,
              topic: w.input.topic,
              category: w.input.category,
              opd_id: plans.get(w.writer)?.opdId,
              kecamatanCode: w.input.kecamatanCode,
              received_ms: ms(w.input.receivedAt),
              first_response_ms: ms(w.input.firstResponseAt),
              resolved_ms: ms(w.input.resolvedAt),
            };
      for (const [col, v] of Object.entries(want))
        if (!same(row[col], v)) problem(w, `${entity} ${col} = ${String(row[col])}, sent ${String(v)}`);
    }
    tally(w, row !== undefined);
  }

  // Nothing else was written: one audit row and one change row per present write.
  for (const a of audits)
    if (!explained.has(a.id))
      out.problems.push(`audit row ${a.id} (${a.entity} ${a.entity_id}) matches no write`);
  const changes = db
    .prepare('SELECT COUNT(*) FROM change_log WHERE id > ?')
    .pluck()
    .get(before.changeMaxId) as number;
  if (changes !== out.present)
    out.problems.push(`${changes} change_log rows added, ${out.present} writes present`);

  // A backup is a cut in time: whatever it holds, it holds everything acknowledged before that was sent.
  if (mode !== 'crash') {
    let latestPresentSent = -Infinity;
    let earliestAbsentAck = Infinity;
    for (const w of writes) {
      if (presentSeqs.has(w.seq)) latestPresentSent = Math.max(latestPresentSent, w.sentAt);
      else if (w.outcome === 'ack' && w.doneAt !== null)
        earliestAbsentAck = Math.min(earliestAbsentAck, w.doneAt);
    }
    const after = mode.sentAfterAbsent;
    if (after !== undefined)
      for (const w of writes)
        if (presentSeqs.has(w.seq) && w.sentAt > after)
          problem(w, 'present, yet sent after the backup ended');
    if (earliestAbsentAck < latestPresentSent)
      out.problems.push(
        `not a snapshot: a write sent at ${latestPresentSent.toFixed(1)} ms is present, one acknowledged at ${earliestAbsentAck.toFixed(1)} ms is absent`,
      );
  }
  return out;
}

// ───────────────────────────── Rollups against a recompute ─────────────────────────────

/** The rollup tables and, for each, the columns a recompute must reproduce (all when undefined). */
const ROLLUPS: { table: string; columns?: string[] }[] = [
  { table: 'budget_slice_rollup' },
  { table: 'budget_month_rollup' },
  { table: 'index_aspect_rollup' },
  { table: 'service_month_rollup' },
  { table: 'service_kecamatan_rollup' },
  { table: 'service_open_rollup' },
  { table: 'complaint_rollup' },
  // first_at is history (when the OPD first reported), which a rebuild keeps: all must agree.
  { table: 'opd_report_rollup' },
];

type Snapshot = Map<string, { key: string[]; real: Set<string>; rows: Map<string, Record<string, unknown>> }>;

function snapshotRollups(db: Db): Snapshot {
  const out: Snapshot = new Map();
  for (const { table } of ROLLUPS) {
    const cols = db.prepare(`PRAGMA table_info(${table})`).all() as {
      name: string;
      type: string;
      pk: number;
    }[];
    const key = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const rows = new Map<string, Record<string, unknown>>();
    for (const r of db.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<
      Record<string, unknown>
    >)
      rows.set(key.map((k) => String(r[k])).join(' | '), r);
    out.set(table, {
      key,
      real: new Set(cols.filter((c) => c.type.toUpperCase() === 'REAL').map((c) => c.name)),
      rows,
    });
  }
  return out;
}

/** Recomputes every rollup from the raw rows, as `npm run db:rebuild` does. */
export function rebuildAllRollups(db: Db, nowMs = Date.now()): void {
  const year = wibParts(nowMs).year;
  db.transaction(() => {
    for (const y of budgetYears(db)) rebuildBudgetRollups(db, y);
    rebuildIndexRollups(db);
    rebuildServiceRollups(db, bucketOf);
    rebuildComplaintRollups(db, setting(db, 'complaint.first_response_hours', year));
    rebuildOpdReports(db);
  })();
}

/** A rollup row with nothing in it: the incremental path may leave one where a recompute has none. */
const isEmptyRow = (r: Record<string, unknown>, key: string[]) =>
  Object.entries(r).every(([c, v]) => key.includes(c) || v === 0 || v === '[]');

/**
 * The stored rollups of `file` against a recompute from its raw rows, on a private copy (made with
 * the backup API, so `file` may be in use). Integers and text must be equal; REAL columns (sums of
 * pagu × percent, around 10¹¹) to a relative 1e-9.
 */
export async function checkRollups(file: string, workDir: string): Promise<string[]> {
  const copy = path.join(workDir, `rollup-check-${process.pid}-${Date.now()}.db`);
  const src = openReadOnly(file);
  try {
    await src.backup(copy);
  } finally {
    src.close();
  }
  const db = openDb(copy);
  const problems: string[] = [];
  try {
    const stored = snapshotRollups(db);
    rebuildAllRollups(db);
    const rebuilt = snapshotRollups(db);
    for (const { table, columns } of ROLLUPS) {
      const a = stored.get(table);
      const b = rebuilt.get(table);
      if (!a || !b) continue;
      for (const [k, want] of b.rows) {
        const got = a.rows.get(k);
        if (!got) {
          if (!isEmptyRow(want, b.key))
            problems.push(`${table} [${k}]: missing, recompute has ${JSON.stringify(want)}`);
          continue;
        }
        for (const col of columns ?? Object.keys(want)) {
          const w = want[col];
          const g = got[col];
          const ok =
            b.real.has(col) && typeof w === 'number' && typeof g === 'number'
              ? Math.abs(g - w) <= 1e-9 * Math.max(1, Math.abs(w))
              : g === w;
          if (!ok) problems.push(`${table} [${k}] ${col}: stored ${String(g)}, recompute ${String(w)}`);
        }
      }
      for (const [k, got] of a.rows)
        if (!b.rows.has(k) && !isEmptyRow(got, a.key))
          problems.push(`${table} [${k}]: stored ${JSON.stringify(got)}, recompute has no row`);
    }
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(copy + suffix, { force: true });
  }
  return problems.slice(0, 50);
}

// ───────────────────────────── Table hashes ─────────────────────────────

/** SHA-256 of every table's rows in primary-key order (and of the schema), by table name. */
export function tableHashes(db: Db): Map<string, { rows: number; sha256: string }> {
  const out = new Map<string, { rows: number; sha256: string }>();
  const schema = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .raw()
    .all();
  out.set('(schema)', {
    rows: schema.length,
    sha256: createHash('sha256').update(JSON.stringify(schema)).digest('hex'),
  });
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const t of tables) {
    const cols = db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; pk: number }[];
    const withoutRowid = (
      db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(t) as string
    ).match(/WITHOUT\s+ROWID/i);
    const pk = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => `"${c.name}"`);
    const order = withoutRowid ? pk.join(', ') : 'rowid';
    const hash = createHash('sha256');
    let rows = 0;
    const stmt = db.prepare(`SELECT ${withoutRowid ? '' : 'rowid, '}* FROM "${t}" ORDER BY ${order}`).raw();
    for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
      hash.update(
        JSON.stringify(row, (_k, v: unknown) =>
          Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? `${v}n` : v,
        ),
      );
      hash.update('\n');
      rows++;
    }
    out.set(t, { rows, sha256: hash.digest('hex') });
  }
  return out;
}

/** The tables whose hash differs between two maps (or that only one has). */
export function hashDifferences(
  a: Map<string, { rows: number; sha256: string }>,
  b: Map<string, { rows: number; sha256: string }>,
): string[] {
  const out: string[] = [];
  for (const [t, x] of a) {
    const y = b.get(t);
    if (!y) out.push(`${t}: missing`);
    else if (x.sha256 !== y.sha256) out.push(`${t}: ${x.rows} rows vs ${y.rows} rows, hashes differ`);
  }
  for (const t of b.keys()) if (!a.has(t)) out.push(`${t}: extra`);
  return out;
}
