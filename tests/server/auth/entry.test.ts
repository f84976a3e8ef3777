// The OPD write path through the router with real accounts: scope, deadlines and reopening,
// concurrent edits, verification, the audit trail and reporting discipline.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { callerAs, createUser, principalFor } from '../../helpers/users';

// Senin 23 November 2026 10.00 WIB: October's budget deadline (10 November 23.59 WIB) has passed,
// November's has not.
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
let t: TestDb;
let dinkes: ReturnType<typeof callerAs>;
let dinkes2: ReturnType<typeof callerAs>;
let dpupr: ReturnType<typeof callerAs>;
let admin: ReturnType<typeof callerAs>;
let verifier: ReturnType<typeof callerAs>;
let dinkesSub: number;
let dpuprSub: number;

beforeAll(() => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'op-dinkes', 'opd', 'DINKES');
  createUser(t, 'op-dinkes-2', 'opd', 'DINKES');
  createUser(t, 'op-dpupr', 'opd', 'DPUPR');
  createUser(t, 'admin-uji', 'admin');
  createUser(t, 'verif-uji', 'verifier');
  dinkes = callerAs(t, principalFor(t, 'op-dinkes'));
  dinkes2 = callerAs(t, principalFor(t, 'op-dinkes-2'));
  dpupr = callerAs(t, principalFor(t, 'op-dpupr'));
  admin = callerAs(t, principalFor(t, 'admin-uji'));
  verifier = callerAs(t, principalFor(t, 'verif-uji'));
  const subOf = (opd: string) =>
    t.db
      .prepare(
        'SELECT s.id FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE o.code = ? AND s.year = 2026 ORDER BY s.id LIMIT 1',
      )
      .pluck()
      .get(opd) as number;
  dinkesSub = subOf('DINKES');
  dpuprSub = subOf('DPUPR');
});
afterAll(() => t.close());

const november = (subKegiatanId: number, sp2dRp: number, expectedVersion?: number) => ({
  subKegiatanId,
  month: 11,
  sp2dRp,
  spjRp: 0,
  fisikPct: 80,
  expectedVersion,
});

describe('entering a month of realisation', () => {
  test('an operator saves its own OPD figure and the executive summary moves by exactly that amount', async () => {
    const before = await callerAs(t, null).dashboard.overview({ asOf: '2026-11-30' });
    await expect(dinkes.entry.saveRealisation(november(dinkesSub, 1_250_000_000))).resolves.toMatchObject({
      version: 1,
    });
    const after = await callerAs(t, null).dashboard.overview({ asOf: '2026-11-30' });
    expect(after.budget.asOfMonth).toBe(11);
    // November had no realisation before (the summary stood at October); now it counts through
    // November, which holds exactly the new SP2D amount.
    expect(before.budget.asOfMonth).toBe(10);
    expect(after.budget.total.realKeuRp - before.budget.total.realKeuRp).toBe(1_250_000_000);
  });

  test('one OPD cannot write another OPD figure, whatever the client sends', async () => {
    await expect(dinkes.entry.saveRealisation(november(dpuprSub, 1))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Akun ini hanya boleh mengisi data DINKES, bukan DPUPR',
    });
    expect(
      t.db
        .prepare('SELECT COUNT(*) FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 11')
        .pluck()
        .get(dpuprSub),
    ).toBe(0);
  });

  test('the second of two people saving the same figure gets a conflict with the current value', async () => {
    const sub = t.db
      .prepare(
        `SELECT s.id FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE o.code = 'DINKES' AND s.year = 2026 ORDER BY s.id LIMIT 1 OFFSET 1`,
      )
      .pluck()
      .get() as number;
    await dinkes.entry.saveRealisation(november(sub, 100));
    // Both opened version 1; the first save wins, the second must not overwrite silently.
    await expect(dinkes.entry.saveRealisation(november(sub, 200, 1))).resolves.toMatchObject({ version: 2 });
    const conflict = await dinkes2.entry.saveRealisation(november(sub, 300, 1)).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: 'CONFLICT' });
    expect((conflict as { cause: { current: unknown } }).cause.current).toEqual({
      sp2dRp: 200,
      spjRp: 0,
      fisikPct: 80,
    });
    expect(
      t.db
        .prepare('SELECT sp2d_rp FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 11')
        .pluck()
        .get(sub),
    ).toBe(200);
  });

  test('after the deadline the period is locked for the OPD until an admin reopens it with a reason', async () => {
    const october = { ...november(dinkesSub, 5), month: 10, expectedVersion: undefined };
    const current = t.db
      .prepare('SELECT version FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 10')
      .pluck()
      .get(dinkesSub) as number | undefined;
    const attempt = { ...october, expectedVersion: current };
    await expect(dinkes.entry.saveRealisation(attempt)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(
        'Periode Oktober 2026 sudah dikunci sejak Selasa, 10 November 2026 23.59 WIB',
      ),
    });
    await expect(
      admin.admin.reopenPeriod({
        family: 'budget',
        period: '2026-10',
        opdCode: 'DINKES',
        untilAt: '2026-11-25T23:59:00+07:00',
        reason: 'Koreksi SP2D terlambat',
      }),
    ).resolves.toEqual({ ok: true });
    await expect(dinkes.entry.saveRealisation(attempt)).resolves.toMatchObject({
      version: (current ?? 0) + 1,
    });
    // Reopening is per OPD: DPUPR's October stays locked.
    const dpuprOct = t.db
      .prepare('SELECT version FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 10')
      .pluck()
      .get(dpuprSub) as number | undefined;
    await expect(
      dpupr.entry.saveRealisation({ ...november(dpuprSub, 5), month: 10, expectedVersion: dpuprOct }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('an admin may correct a locked period only with a reason', async () => {
    const v = t.db
      .prepare('SELECT version FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 9')
      .pluck()
      .get(dpuprSub) as number | undefined;
    const fix = { ...november(dpuprSub, 7), month: 9, expectedVersion: v };
    await expect(admin.entry.saveRealisation(fix)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('alasan'),
    });
    await expect(
      admin.entry.saveRealisation({ ...fix, reason: 'Koreksi hasil rekonsiliasi SP2D' }),
    ).resolves.toBeTruthy();
    const audit = t.db
      .prepare(
        `SELECT reason, new_json FROM audit_log WHERE entity = 'budget_realisation' AND entity_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(`${dpuprSub}:9`) as { reason: string; new_json: string };
    expect(audit.reason).toBe('Koreksi hasil rekonsiliasi SP2D');
    expect(JSON.parse(audit.new_json)).toMatchObject({ sp2dRp: 7 });
  });

  test('invalid input changes nothing and names the field in Indonesian', async () => {
    const count = () => t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    const before = count();
    await expect(
      dinkes.entry.saveRealisation({ ...november(dinkesSub, -5), expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      dinkes.entry.saveRealisation({ ...november(dinkesSub, 5), fisikPct: 101, expectedVersion: 1 }),
    ).rejects.toThrow(/Realisasi fisik paling besar 100/);
    expect(count()).toBe(before);
  });
});

describe('verification, audit and discipline', () => {
  test('a returned figure shows on the OPD home with its note, and a verified one counts as verified', async () => {
    const id = t.db
      .prepare('SELECT id FROM budget_realisation WHERE sub_kegiatan_id = ? AND month = 11')
      .pluck()
      .get(dinkesSub) as number;
    const queue = await verifier.verify.queue({ family: 'budget', opdCode: 'DINKES' });
    expect(queue.map((q) => q.id)).toContain(id);
    await expect(verifier.verify.decide({ family: 'budget', id, decision: 'returned' })).rejects.toThrow(
      /Catatan wajib diisi/,
    );
    await verifier.verify.decide({ family: 'budget', id, decision: 'returned', note: 'Lampirkan SP2D' });
    const home = await dinkes.entry.home();
    expect(home.returned).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, note: 'Lampirkan SP2D', period: '2026-11' })]),
    );
    const verifiedBefore = t.db
      .prepare(
        `SELECT verified FROM budget_month_rollup WHERE year = 2026 AND stage = 'murni' AND dim = 'opd' AND key = 'DINKES' AND month = 11`,
      )
      .pluck()
      .get() as number;
    await verifier.verify.decide({ family: 'budget', id, decision: 'verified' });
    expect(
      t.db
        .prepare(
          `SELECT verified FROM budget_month_rollup WHERE year = 2026 AND stage = 'murni' AND dim = 'opd' AND key = 'DINKES' AND month = 11`,
        )
        .pluck()
        .get(),
    ).toBe(verifiedBefore + 1);
  });

  test('the audit trail of a figure lists every change with who, old and new value; operators see only their own OPD', async () => {
    const trail = await admin.audit.byFigure({ entity: 'budget_realisation', entityId: `${dinkesSub}:11` });
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['insert', 'return', 'verify']));
    expect(trail.find((a) => a.action === 'insert')).toMatchObject({ username: 'op-dinkes' });
    await expect(dpupr.audit.byOpd({ opdCode: 'DINKES' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      dpupr.audit.byFigure({ entity: 'budget_realisation', entityId: `${dinkesSub}:11` }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(dinkes.audit.byOpd({ opdCode: 'DINKES' })).resolves.not.toHaveLength(0);
  });

  test('the audit log refuses updates and deletes', () => {
    expect(() => t.db.prepare(`UPDATE audit_log SET reason = 'x'`).run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  test('reporting discipline says which OPDs reported November on time and which have not', async () => {
    const c = await callerAs(t, null).compliance.byPeriod({ family: 'budget', period: '2026-11' });
    const state = (code: string) => c.rows.find((r) => r.opdCode === code)?.state;
    expect(state('DINKES')).toBe('tepat_waktu');
    // Nobody else reported November yet and its deadline (10 December) is ahead: not late yet.
    expect(state('DINHUB')).toBe('belum');
    const oct = await callerAs(t, null).compliance.byPeriod({ family: 'budget', period: '2026-10' });
    expect(oct.rows.some((r) => r.state === 'belum_melapor' || r.state === 'tepat_waktu')).toBe(true);
  });
});

describe('verified share on the summary', () => {
  test('the budget tile says what share of the year figures the verifier approved, and a verification moves it', async () => {
    const share = async () =>
      (await callerAs(t, null).dashboard.overview({ asOf: '2026-11-30' })).budget.freshness.verifiedPct ?? -1;
    const before = await share();
    const counts = t.db
      .prepare(
        `SELECT SUM(reported) AS r, SUM(verified) AS v FROM budget_month_rollup WHERE year = 2026 AND stage = 'murni' AND dim = 'total' AND month <= 11`,
      )
      .get() as { r: number; v: number };
    expect(before).toBeCloseTo((counts.v / counts.r) * 100, 9);
    const pending = (await verifier.verify.queue({ family: 'budget' }))[0] as { id: number };
    await verifier.verify.decide({ family: 'budget', id: pending.id, decision: 'verified' });
    expect(await share()).toBeCloseTo(((counts.v + 1) / counts.r) * 100, 9);
  });
});

describe('OPD home', () => {
  test('after last month\u2019s deadline the current month is due and listed with its own deadline', async () => {
    const home = await dinkes.entry.home();
    expect(home.currentPeriod).toBe('2026-11');
    const nov = home.status.filter((s) => s.period === '2026-11');
    expect(nov.map((s) => s.family).sort()).toEqual(['budget', 'masterplan']);
    expect(nov.find((s) => s.family === 'budget')).toMatchObject({
      deadline: '2026-12-10T16:59:59.999Z',
      locked: false,
    });
    expect(home.status.map((s) => s.period)).not.toContain('2026-08');
  });
});

describe('SPBE self-assessment', () => {
  test('an admin raises one indicator level; the year index moves by level × weight ÷ 100, and a stale save conflicts', async () => {
    const before = await admin.entry.spbe({ year: 2026 });
    const ind = before.rows.find((r) => r.no === 32); // Layanan Perencanaan, weight 2,75 %
    expect(ind?.weightPct).toBe(2.75);
    const from = ind?.level ?? 0;
    const to = from === 5 ? 4 : from + 1;
    const trendOf = async () =>
      (await callerAs(t, null).spbe.results({ year: 2026 })).results.find(
        (r) => r.year === 2026 && r.kind === 'self',
      )?.index ?? 0;
    const indexBefore = await trendOf();
    const saved = await admin.entry.saveSpbeLevel({
      year: 2026,
      indicatorNo: 32,
      level: to,
      evidence: 'SK Bupati tentang perencanaan elektronik',
      expectedVersion: ind?.version ?? null,
    });
    expect(saved.version).toBe((ind?.version ?? 0) + 1);
    expect(await trendOf()).toBeCloseTo(indexBefore + ((to - from) * 2.75) / 100, 9);
    await expect(
      admin.entry.saveSpbeLevel({
        year: 2026,
        indicatorNo: 32,
        level: from,
        evidence: null,
        expectedVersion: ind?.version ?? null,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await admin.entry.spbe({ year: 2026 });
    expect(after.rows.find((r) => r.no === 32)).toMatchObject({
      level: to,
      evidence: 'SK Bupati tentang perencanaan elektronik',
    });
  });
});
