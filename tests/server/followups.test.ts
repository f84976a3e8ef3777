// Meeting follow-ups (tindak lanjut) from the OPD's side: an operator reads and reports on its own
// OPD's follow-ups only, an admin may report for any OPD, executives and verifiers read; a stale
// version is a conflict; a bad input gets Indonesian messages naming the field; every report
// writes the follow-up, its history row, an audit row and a 'followup' change, and a refused one
// writes nothing. Meetings and follow-ups are made through the meeting router, as an executive.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ZodError } from 'zod';
import { ChangeBus } from '../../server/live';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../helpers/users';

// Senin 23 November 2026 10.00 WIB.
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const NOW_ISO = new Date(NOW).toISOString();

let t: TestDb;
let bus: ChangeBus;
let meetingId: number;
type Caller = ReturnType<typeof callerAs>;
let chair: Caller;
let dinkes: Caller;
let dlh: Caller;
let admin: Caller;
let verifier: Caller;

const opdId = (code: string) => t.db.prepare('SELECT id FROM opd WHERE code = ?').pluck().get(code) as number;
const userId = (name: string) =>
  t.db.prepare('SELECT id FROM app_user WHERE username = ?').pluck().get(name) as number;

/** Everything a report writes: a refused one must leave all of it as it was. */
function written() {
  return {
    followUps: t.db.prepare('SELECT * FROM follow_up ORDER BY id').all(),
    reports: t.db.prepare('SELECT COUNT(*) FROM follow_up_report').pluck().get(),
    audit: t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
    changes: t.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get(),
  };
}

async function addFollowUp(
  ownerOpdCode: string,
  dueDate: string,
  text = `Tindak lanjut ${ownerOpdCode} ${dueDate}`,
) {
  return (await chair.meeting.addFollowUp({ meetingId, ownerOpdCode, text, dueDate })).id;
}

/** The follow-ups this file made (the demo data has its own meeting and follow-ups too). */
const ours = <T extends { meetingId: number }>(items: readonly T[]) =>
  items.filter((f) => f.meetingId === meetingId);

/** The zod issues behind a refused input, as { field: message } (the formatter's shape). */
async function issuesOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (!(cause instanceof ZodError)) throw new Error(`expected a refused input, got ${String(err)}`);
  return Object.fromEntries(cause.issues.map((i) => [i.path.join('.'), i.message]));
}

let late: number; // DINKES, due 18 November: 5 days late
let dueToday: number; // DINKES, due 23 November
let later: number; // DINKES, due 30 November
let dlhLate: number; // DLH, due 20 November: 3 days late

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  bus = new ChangeBus();
  createUser(t, 'sekda', 'executive');
  createUser(t, 'op-dinkes', 'opd', 'DINKES');
  createUser(t, 'op-dlh', 'opd', 'DLH');
  createUser(t, 'admin-uji', 'admin');
  createUser(t, 'verif', 'verifier');
  chair = callerAs(t, principalFor(t, 'sekda'), undefined, bus);
  dinkes = callerAs(t, principalFor(t, 'op-dinkes'), undefined, bus);
  dlh = callerAs(t, principalFor(t, 'op-dlh'), undefined, bus);
  admin = callerAs(t, principalFor(t, 'admin-uji'), undefined, bus);
  verifier = callerAs(t, principalFor(t, 'verif'), undefined, bus);
  meetingId = (
    await chair.meeting.create({
      kind: 'hlm',
      title: 'HLM Oktober 2026',
      meetingDate: '2026-10-12',
      chair: 'Bupati',
      items: [
        { kind: 'opd', opdCode: 'DINKES' },
        { kind: 'opd', opdCode: 'DLH' },
      ],
    })
  ).id;
  later = await addFollowUp('DINKES', '2026-11-30', 'Laporkan cakupan imunisasi dasar per puskesmas');
  late = await addFollowUp('DINKES', '2026-11-18', 'Susun rencana aksi penurunan stunting');
  dueToday = await addFollowUp('DINKES', '2026-11-23', 'Kirim data antrean daring RSUD');
  dlhLate = await addFollowUp('DLH', '2026-11-20', 'Petakan TPS3R yang belum beroperasi');
});

afterAll(() => t.close());

describe('followUp.ofOpd', () => {
  test("an operator gets its own OPD's follow-ups, late first, with the meeting, due date and days late", async () => {
    const list = await dinkes.followUp.ofOpd();
    expect(list.day).toBe('2026-11-23');
    expect(list.items.every((f) => f.ownerOpdCode === 'DINKES')).toBe(true);
    expect(ours(list.items).map((f) => [f.id, f.state, f.daysLate])).toEqual([
      [late, 'terlambat', 5],
      // Due today is not late yet.
      [dueToday, 'dalam_proses', 0],
      [later, 'dalam_proses', 0],
    ]);
    expect(list.items.find((f) => f.id === late)).toMatchObject({
      meetingId,
      meetingTitle: 'HLM Oktober 2026',
      meetingDate: '2026-10-12',
      ownerOpdCode: 'DINKES',
      text: 'Susun rencana aksi penurunan stunting',
      dueDate: '2026-11-18',
      progressPct: null,
      lastReport: null,
      version: 1,
    });
    expect(list.counts).toEqual({ total: 3, selesai: 0, dalam_proses: 2, terlambat: 1 });
    // An operator cannot look into another OPD by naming it: it still gets its own.
    const named = await dinkes.followUp.ofOpd({ opdCode: 'DLH' });
    expect(named).toEqual(list);
  });

  test('executives, verifiers and admins name the OPD; none or an unknown one is refused', async () => {
    for (const reader of [chair, verifier, admin]) {
      const list = await reader.followUp.ofOpd({ opdCode: 'dlh' });
      expect(list.items.every((f) => f.ownerOpdCode === 'DLH')).toBe(true);
      expect(ours(list.items).map((f) => f.id)).toEqual([dlhLate]);
    }
    await expect(chair.followUp.ofOpd()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(verifier.followUp.ofOpd({ opdCode: 'XYZ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: "Tidak ada OPD dengan kode 'XYZ'",
    });
    await expect(callerFor(t).followUp.ofOpd({ opdCode: 'DLH' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  test('a follow-up turns late at 00.00 WIB the day after its due date', async () => {
    const at = (iso: string) => {
      t.nowMs = Date.parse(iso);
      return dinkes.followUp.ofOpd().then((l) => l.items.find((f) => f.id === dueToday));
    };
    try {
      await expect(at('2026-11-23T16:59:59.000Z')).resolves.toMatchObject({
        state: 'dalam_proses',
        daysLate: 0,
      });
      await expect(at('2026-11-23T17:00:00.000Z')).resolves.toMatchObject({
        state: 'terlambat',
        daysLate: 1,
      });
    } finally {
      t.nowMs = NOW;
    }
  });
});

describe('followUp.report', () => {
  test("the owner OPD's operator reports progress: follow-up, history, audit row and a live change", async () => {
    const heard: { topic: string; opdId: number | null }[] = [];
    const off = bus.subscribe((c) => heard.push({ topic: c.topic, opdId: c.opdId }));
    const before = written();
    try {
      await expect(
        dinkes.followUp.report({
          id: late,
          state: 'dalam_proses',
          progressPct: 40,
          text: '  Draf rencana aksi dibahas dengan 22 puskesmas  ',
          expectedVersion: 1,
        }),
      ).resolves.toEqual({ ok: true });
    } finally {
      off();
    }
    const f = (await dinkes.followUp.ofOpd()).items.find((x) => x.id === late);
    expect(f).toMatchObject({
      state: 'terlambat', // still open and past its due date
      daysLate: 5,
      progressPct: 40,
      lastReport: 'Draf rencana aksi dibahas dengan 22 puskesmas',
      reportedAt: NOW_ISO,
      doneAt: null,
      version: 2,
    });
    await expect(dinkes.followUp.history({ id: late })).resolves.toEqual([
      {
        at: NOW_ISO,
        by: 'op-dinkes',
        state: 'dalam_proses',
        progressPct: 40,
        text: 'Draf rencana aksi dibahas dengan 22 puskesmas',
      },
    ]);
    const audit = t.db
      .prepare(
        `SELECT at, user_id AS userId, opd_id AS opdId, action, new_json AS newJson, source
         FROM audit_log WHERE entity = 'follow_up' AND entity_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(String(late)) as Record<string, unknown>;
    expect(audit).toMatchObject({
      at: NOW_ISO,
      userId: userId('op-dinkes'),
      opdId: opdId('DINKES'),
      action: 'report',
      source: 'manual',
    });
    expect(JSON.parse(String(audit.newJson))).toMatchObject({ state: 'dalam_proses', progressPct: 40 });
    const after = written();
    expect([after.reports, after.audit, after.changes]).toEqual([
      Number(before.reports) + 1,
      Number(before.audit) + 1,
      Number(before.changes) + 1,
    ]);
    expect(heard).toEqual([{ topic: 'followup', opdId: opdId('DINKES') }]);
  });

  test('reporting it done closes it: progress 100, done now, off the board, the board marked as moved', async () => {
    const board = await callerFor(t).followUp.board();
    expect(board.items.map((f) => f.id)).toContain(late);
    const v = (await dinkes.followUp.ofOpd()).items.find((x) => x.id === late)?.version ?? 0;
    t.nowMs = NOW + 60_000;
    try {
      await dinkes.followUp.report({
        id: late,
        state: 'selesai',
        progressPct: 30, // done is done: stored as 100
        text: 'Rencana aksi ditetapkan dengan SK Kepala Dinas',
        expectedVersion: v,
      });
    } finally {
      t.nowMs = NOW;
    }
    const f = (await dinkes.followUp.ofOpd()).items.find((x) => x.id === late);
    expect(f).toMatchObject({
      state: 'selesai',
      daysLate: 0,
      progressPct: 100,
      doneAt: new Date(NOW + 60_000).toISOString(),
    });
    const now = await callerFor(t).followUp.board();
    expect(now.items.map((x) => x.id)).not.toContain(late);
    expect(now.counts.terlambat).toBe(board.counts.terlambat - 1);
    expect(now.updatedAt).toBe(new Date(NOW + 60_000).toISOString());
    expect((await dinkes.followUp.history({ id: late })).map((r) => [r.state, r.progressPct])).toEqual([
      ['dalam_proses', 40],
      ['selesai', 100],
    ]);
  });

  test("another OPD's operator is refused and nothing is written", async () => {
    const before = written();
    await expect(
      dlh.followUp.report({ id: later, state: 'selesai', text: 'Bukan tugas kami', expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('OPD lain tidak dapat melaporkannya'),
    });
    expect(written()).toEqual(before);
  });

  test('executives and verifiers read but may not report', async () => {
    const before = written();
    for (const reader of [chair, verifier]) {
      await expect(
        reader.followUp.report({
          id: later,
          state: 'dalam_proses',
          text: 'Dicoba pimpinan',
          expectedVersion: 1,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(written()).toEqual(before);
  });

  test('an admin may report for the OPD', async () => {
    await admin.followUp.report({
      id: dlhLate,
      state: 'dalam_proses',
      progressPct: 10,
      text: 'Dilaporkan admin atas permintaan DLH',
      expectedVersion: 1,
    });
    await expect(dlh.followUp.history({ id: dlhLate })).resolves.toEqual([
      expect.objectContaining({
        by: 'admin-uji',
        progressPct: 10,
        text: 'Dilaporkan admin atas permintaan DLH',
      }),
    ]);
    expect(
      t.db
        .prepare(
          `SELECT user_id FROM audit_log WHERE entity = 'follow_up' AND entity_id = ? AND action = 'report'`,
        )
        .pluck()
        .all(String(dlhLate)),
    ).toEqual([userId('admin-uji')]);
  });

  test('a report on a version someone else already reported on is CONFLICT and writes nothing', async () => {
    await dinkes.followUp.report({
      id: later,
      state: 'dalam_proses',
      progressPct: 20,
      text: 'Laporan pertama',
      expectedVersion: 1,
    });
    const before = written();
    await expect(
      admin.followUp.report({
        id: later,
        state: 'selesai',
        text: 'Laporan dari versi lama',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('baru saja dilaporkan') });
    expect(written()).toEqual(before);
    expect((await dinkes.followUp.ofOpd()).items.find((f) => f.id === later)).toMatchObject({
      progressPct: 20,
      lastReport: 'Laporan pertama',
      version: 2,
    });
  });

  test('a bad input is refused with Indonesian messages naming the field, and writes nothing', async () => {
    const before = written();
    const base = { id: dueToday, state: 'dalam_proses' as const, text: 'Laporan', expectedVersion: 1 };
    // Blank is "wajib diisi"; too short names the minimum (one message each, not both).
    await expect(issuesOf(dinkes.followUp.report({ ...base, text: '   ' }))).resolves.toEqual({
      text: 'Laporan wajib diisi',
    });
    await expect(issuesOf(dinkes.followUp.report({ ...base, text: 'ok' }))).resolves.toEqual({
      text: 'Laporan minimal 3 karakter',
    });
    await expect(issuesOf(dinkes.followUp.report({ ...base, progressPct: 120 }))).resolves.toEqual({
      progressPct: 'Progres paling besar 100 %',
    });
    await expect(issuesOf(dinkes.followUp.report({ ...base, progressPct: Number.NaN }))).resolves.toEqual({
      progressPct: 'Progres harus berupa angka',
    });
    await expect(issuesOf(dinkes.followUp.report({ ...base, state: 'batal' as never }))).resolves.toEqual({
      state: 'Status harus dalam proses atau selesai',
    });
    await expect(issuesOf(dinkes.followUp.report({ ...base, text: 'x'.repeat(2001) }))).resolves.toEqual({
      text: 'Laporan paling panjang 2000 karakter',
    });
    await expect(dinkes.followUp.report({ ...base, id: 999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Tindak lanjut 999999 tidak ditemukan',
    });
    expect(written()).toEqual(before);
  });

  test('a mutation without the session CSRF token is refused and writes nothing', async () => {
    const before = written();
    const noCsrf = callerAs(t, principalFor(t, 'op-dinkes'), 'salah');
    await expect(
      noCsrf.followUp.report({
        id: dueToday,
        state: 'dalam_proses',
        text: 'Tanpa token',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(written()).toEqual(before);
  });
});

describe('over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(t);
  });
  afterAll(async () => {
    await server?.close();
  });

  test('field errors reach the form as data.fieldErrors in Indonesian, with a 400 and nothing written', async () => {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'op-dinkes', password: PASSWORD }),
    });
    const { result } = (await login.json()) as { result: { data: { csrfToken: string } } };
    const before = written();
    const res = await fetch(`${server.url}/trpc/followUp.report`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '',
        'x-csrf-token': result.data.csrfToken,
      },
      body: JSON.stringify({
        id: dueToday,
        state: 'dalam_proses',
        progressPct: -5,
        text: '',
        expectedVersion: 1,
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.data).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { progressPct: ['Progres paling kecil 0 %'], text: ['Laporan wajib diisi'] },
    });
    expect(body.error.message).toMatch(/^Masukan tidak valid: /);
    expect(written()).toEqual(before);
  });

  test('the board is public: every open follow-up, late first, with its counts', async () => {
    const res = await fetch(`${server.url}/trpc/followUp.board`);
    expect(res.status).toBe(200);
    const board = (
      (await res.json()) as { result: { data: Awaited<ReturnType<Caller['followUp']['board']>> } }
    ).result.data;
    expect(ours(board.items).map((f) => [f.id, f.state])).toEqual([
      [dlhLate, 'terlambat'],
      [dueToday, 'dalam_proses'],
      [later, 'dalam_proses'],
    ]);
    // Every open one (the demo's too), the late ones first, none done; the counts are of them all.
    const states = board.items.map((f) => f.state);
    expect(states).toEqual([...states].sort((a, b) => (a === b ? 0 : a === 'terlambat' ? -1 : 1)));
    expect(states).not.toContain('selesai');
    expect(board.counts).toEqual({
      total: states.length,
      selesai: 0,
      dalam_proses: states.filter((x) => x === 'dalam_proses').length,
      terlambat: states.filter((x) => x === 'terlambat').length,
    });
  });
});
