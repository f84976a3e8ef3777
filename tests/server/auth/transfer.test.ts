// Imports, templates, exports and the machine feed over real HTTP with real sessions and tokens.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rebuildComplaintRollups } from '../../../server/db/queries/complaints';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { callerAs, createUser, PASSWORD, principalFor } from '../../helpers/users';

const NOW = Date.parse('2026-11-23T03:00:00.000Z');
let t: TestDb;
let server: RunningServer;

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'op-dinkes', 'opd', 'DINKES');
  createUser(t, 'admin-uji', 'admin');
  server = await startServer(t);
});
afterAll(async () => {
  await server.close();
  t.close();
});

async function session(username: string) {
  const res = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body = (await res.json()) as { result: { data: { csrfToken: string } } };
  return { cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', csrf: body.result.data.csrfToken };
}

async function upload(s: { cookie: string; csrf: string }, kind: string, name: string, content: string) {
  const res = await fetch(`${server.url}/api/import/${kind}`, {
    method: 'POST',
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'x-file-name': name,
      'content-type': 'application/octet-stream',
    },
    body: content,
  });
  if (res.status !== 202) return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  const { jobId } = (await res.json()) as { jobId: string };
  for (let i = 0; i < 200; i++) {
    const job = (await (
      await fetch(`${server.url}/api/import/jobs/${jobId}`, { headers: { cookie: s.cookie } })
    ).json()) as Record<string, unknown>;
    if (job.state === 'done' || job.state === 'failed') return { status: 202, body: job };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import job did not finish');
}

const counts = () => ({
  realisation: t.db.prepare('SELECT COUNT(*) FROM budget_realisation').pluck().get(),
  audit: t.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
  records: t.db.prepare('SELECT COUNT(*) FROM service_record').pluck().get(),
});

describe('spreadsheet import over HTTP', () => {
  const dinkesSubs = () =>
    t.db
      .prepare(
        `SELECT s.code FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE o.code = 'DINKES' AND s.year = 2026 ORDER BY s.id LIMIT 2`,
      )
      .pluck()
      .all() as string[];

  test('an operator imports November realisation from CSV and the figures land', async () => {
    const s = await session('op-dinkes');
    const [a, b] = dinkesSubs();
    const csv = `Kode Sub Kegiatan;Tahun;Bulan;Realisasi Keuangan SP2D (Rp);SPJ (Rp);Realisasi Fisik (%);Alasan\n${a};2026;11;1.500.000;0;55,5;\n${b};2026;11;2500000;100000;60;\n`;
    const r = await upload(s, 'realisasi', 'realisasi-nov.csv', csv);
    expect(r.body).toMatchObject({ state: 'done', result: { written: 2 } });
    expect(
      t.db
        .prepare(
          `SELECT r.sp2d_rp FROM budget_realisation r JOIN sub_kegiatan s ON s.id = r.sub_kegiatan_id WHERE s.code = ? AND s.year = 2026 AND r.month = 11`,
        )
        .pluck()
        .get(a),
    ).toBe(1_500_000);
  });

  test('a malformed file is refused with every error by row and column, and nothing changes', async () => {
    const s = await session('op-dinkes');
    const [a] = dinkesSubs();
    const before = counts();
    const csv = `Kode Sub Kegiatan;Tahun;Bulan;Realisasi Keuangan SP2D (Rp);SPJ (Rp);Realisasi Fisik (%)\n${a};2026;13;abc;0;55\nX.99;2026;11;1;0;150\n`;
    const r = await upload(s, 'realisasi', 'rusak.csv', csv);
    expect(r.body.state).toBe('failed');
    const errors = r.body.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => e.row)).toEqual(expect.arrayContaining([2, 3]));
    expect(errors.some((e) => e.column === 'Bulan')).toBe(true);
    expect(errors.some((e) => e.column === 'Realisasi Fisik (%)')).toBe(true);
    expect(counts()).toEqual(before);
  });

  test('rows of another OPD or of a locked period are refused for an operator', async () => {
    const s = await session('op-dinkes');
    const other = t.db
      .prepare(
        `SELECT s.code FROM sub_kegiatan s JOIN opd o ON o.id = s.opd_id WHERE o.code = 'DPUPR' AND s.year = 2026 LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const [a] = dinkesSubs();
    const before = counts();
    const csv = `Kode Sub Kegiatan;Tahun;Bulan;Realisasi Keuangan SP2D (Rp);SPJ (Rp);Realisasi Fisik (%)\n${other};2026;11;1;0;1\n${a};2026;10;1;0;1\n`;
    const r = await upload(s, 'realisasi', 'campur.csv', csv);
    const messages = ((r.body.errors ?? []) as { message: string }[]).map((e) => e.message).join('\n');
    expect(r.body.state).toBe('failed');
    expect(messages).toMatch(/Sub kegiatan|hanya boleh|DINKES/);
    expect(messages).toContain('sudah dikunci');
    expect(counts()).toEqual(before);
  });

  test('without a session 401, without the CSRF header 403, with a wrong extension 400', async () => {
    const s = await session('op-dinkes');
    expect((await fetch(`${server.url}/api/import/realisasi`, { method: 'POST', body: 'x' })).status).toBe(
      401,
    );
    expect(
      (
        await fetch(`${server.url}/api/import/realisasi`, {
          method: 'POST',
          headers: { cookie: s.cookie, 'x-file-name': 'a.csv' },
          body: 'x',
        })
      ).status,
    ).toBe(403);
    expect((await upload(s, 'realisasi', 'virus.exe', 'x')).status).toBe(400);
  });

  test('the template is an XLSX pre-filled for the operator OPD', async () => {
    const s = await session('op-dinkes');
    const res = await fetch(`${server.url}/api/import/realisasi/template?year=2026`, {
      headers: { cookie: s.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('templat-realisasi-DINKES-2026.xlsx');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  test('an export neutralises text that a spreadsheet would run as a formula', async () => {
    const admin = callerAs(t, principalFor(t, 'admin-uji'));
    await admin.admin.reopenPeriod({
      family: 'budget',
      period: '2026-10',
      opdCode: 'DINKES',
      untilAt: '2026-11-30T23:59:00+07:00',
      reason: '=HYPERLINK("http://x")',
    });
    const s = await session('admin-uji');
    const res = await fetch(`${server.url}/api/export/audit?format=csv&opd=DINKES`, {
      headers: { cookie: s.cookie },
    });
    const csv = await res.text();
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|;|")=HYPERLINK/m);
  });
});

describe('exports', () => {
  test.each([
    ['progres', 'opd=DINKES&period=2026-10', 'Kode Program'],
    ['verifikasi', 'family=budget', 'SP2D (Rp)'],
    ['spbe', 'year=2026', 'Tingkat Kematangan'],
    ['pengguna', '', 'Nama Pengguna'],
    ['kepatuhan', 'family=budget&period=2026-10', 'Pertama Melapor'],
    ['realisasi', 'opd=DINKES&year=2026&month=10', 'Realisasi Keuangan SP2D (Rp)'],
  ])('the %s table exports to CSV with its Indonesian headers', async (table, query, header) => {
    const s = await session('admin-uji');
    const res = await fetch(`${server.url}/api/export/${table}?format=csv&${query}`, {
      headers: { cookie: s.cookie },
    });
    expect(res.status).toBe(200);
    expect((await res.text()).split('\n')[0]).toContain(header);
  });

  test('an operator cannot export the user list or the verifier queue', async () => {
    const s = await session('op-dinkes');
    for (const table of ['pengguna', 'verifikasi']) {
      expect(
        (await fetch(`${server.url}/api/export/${table}?format=csv`, { headers: { cookie: s.cookie } }))
          .status,
      ).toBe(403);
    }
  });
});

describe('machine feed', () => {
  async function feedToken() {
    const admin = callerAs(t, principalFor(t, 'admin-uji'));
    return admin.admin.createToken({ name: 'Antrean MPP', kind: 'feed', feedSource: 'antrean-mpp' });
  }
  const send = (token: string, records: unknown[]) =>
    fetch(`${server.url}/api/feed/layanan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ records }),
    });

  test('records are idempotent by the source id, and a later completion completes the open record', async () => {
    const { token } = await feedToken();
    const open = {
      sourceId: 'Q-1',
      serviceCode: 'KK',
      kecamatanCode: 'PURBALINGGA',
      submittedAt: '2026-11-20T09:00:00+07:00',
      completedAt: null,
    };
    expect(await (await send(token, [open])).json()).toEqual({ inserted: 1, completed: 0, unchanged: 0 });
    expect(await (await send(token, [open])).json()).toEqual({ inserted: 0, completed: 0, unchanged: 1 });
    const done = { ...open, completedAt: '2026-11-20T14:00:00+07:00' };
    expect(await (await send(token, [done])).json()).toEqual({ inserted: 0, completed: 1, unchanged: 0 });
    const rec = t.db
      .prepare(
        `SELECT on_time, completed_ms FROM service_record WHERE source = 'feed:antrean-mpp' AND source_id = 'Q-1'`,
      )
      .get() as { on_time: number; completed_ms: number };
    expect(rec.on_time).toBe(1);
  });

  test('a batch with one bad record writes nothing and says which record and field', async () => {
    const { token } = await feedToken();
    const before = counts();
    const res = await send(token, [
      {
        sourceId: 'Q-2',
        serviceCode: 'KK',
        kecamatanCode: null,
        submittedAt: '2026-11-20T09:00:00+07:00',
        completedAt: null,
      },
      {
        sourceId: 'Q-3',
        serviceCode: 'TIDAK-ADA',
        kecamatanCode: null,
        submittedAt: '2026-11-20T09:00:00+07:00',
        completedAt: null,
      },
    ]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([
      { index: 1, field: 'serviceCode', message: "Kode layanan 'TIDAK-ADA' tidak dikenal" },
    ]);
    expect(counts()).toEqual(before);
  });

  test('a revoked token, a display token or no token cannot push', async () => {
    const { id, token } = await feedToken();
    await callerAs(t, principalFor(t, 'admin-uji')).admin.revokeToken({ id });
    const rec = [
      {
        sourceId: 'Q-9',
        serviceCode: 'KK',
        kecamatanCode: null,
        submittedAt: '2026-11-20T09:00:00+07:00',
        completedAt: null,
      },
    ];
    expect((await send(token, rec)).status).toBe(401);
    expect((await send('bukan-token', rec)).status).toBe(401);
  });

  test('a complaint sent again with its first response and resolution is updated in place; rollups stay equal to a rebuild', async () => {
    const admin = callerAs(t, principalFor(t, 'admin-uji'));
    const { token } = await admin.admin.createToken({
      name: 'Lapor MasBuP',
      kind: 'feed',
      feedSource: 'lapor-masbup',
    });
    const post = (records: unknown[]) =>
      fetch(`${server.url}/api/feed/aduan`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ records }),
      }).then((r) => r.json());
    const open = {
      sourceId: 'LM-77',
      channel: 'whatsapp',
      topic: 'jalan',
      category: 'pengaduan',
      opdCode: 'DPUPR',
      kecamatanCode: 'BUKATEJA',
      receivedAt: '2026-11-21T08:00:00+07:00',
      firstResponseAt: null,
      resolvedAt: null,
    };
    expect(await post([open])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const answered = {
      ...open,
      firstResponseAt: '2026-11-21T20:00:00+07:00',
      resolvedAt: '2026-11-22T10:00:00+07:00',
    };
    expect(await post([answered])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await post([answered])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const snapshot = () => t.db.prepare('SELECT * FROM complaint_rollup ORDER BY period, dim, key').all();
    const incremental = snapshot();
    rebuildComplaintRollups(t.db, 24);
    expect(snapshot()).toEqual(incremental);
    const row = t.db
      .prepare(
        `SELECT first_response_ms, resolved_ms FROM complaint WHERE source = 'feed:lapor-masbup' AND source_id = 'LM-77'`,
      )
      .get();
    expect(row).toEqual({
      first_response_ms: Date.parse('2026-11-21T20:00:00+07:00'),
      resolved_ms: Date.parse('2026-11-22T10:00:00+07:00'),
    });
  });
});
