// Every mutation of the router (generated), each with a valid input built fresh: without the CSRF
// header, with a wrong one, or with another session's token it is refused; from a display token,
// a feed token or a revoked token it is refused; and nothing at all changes in the database. The
// same call with the session's own token then succeeds, so the refusals are what stopped it.
// A display token also cannot reach any office download or upload.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestDb } from '../../helpers/db';
import {
  COOKIE_MUTATIONS,
  MUTATIONS,
  makeWorld,
  type Proc,
  rpc,
  session,
  totalChanges,
  type World,
} from './fixtures';

let w: World;
const CSRF = 'Token keamanan (CSRF) tidak cocok; muat ulang halaman lalu coba lagi';

beforeAll(async () => {
  const t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
  w = await makeWorld(t);
  // A token records its first use (then at most once a minute): use each once before counting.
  for (const bearer of [w.display, w.feed, w.revoked])
    await rpc(w.server, { path: 'system.version', type: 'query' }, undefined, { bearer });
});
afterAll(async () => {
  await w.server.close();
  w.t.close();
});

describe('every cookie-authenticated mutation', () => {
  test('all mutations but signing in and out need a session (the list this file walks)', () => {
    expect(MUTATIONS.filter((p) => p.roles === 'public').map((p) => p.path)).toEqual([
      'auth.login',
      'auth.logout',
    ]);
    expect(COOKIE_MUTATIONS.length).toBeGreaterThan(25);
  });

  test.each(COOKIE_MUTATIONS.map((p) => [p.path, p] as const))(
    '%s: refused without the session’s CSRF token and from any token; nothing changes',
    async (_path, p: Proc) => {
      const { input, as } = await w.prepare(p.path);
      const own = session(w.t, as);
      const other = session(w.t, as);
      const before = totalChanges(w.t);
      const refusals = [
        { cookie: own.cookie },
        { cookie: own.cookie, csrf: '' },
        { cookie: own.cookie, csrf: 'bukan-token' },
        { cookie: own.cookie, csrf: other.csrf },
      ];
      for (const auth of refusals) {
        const r = await rpc(w.server, p, input, auth);
        expect([r.status, r.message]).toEqual([403, CSRF]);
      }
      const display = await rpc(w.server, p, input, { bearer: w.display });
      expect([display.status, display.message]).toEqual([403, `Peran layar tidak berwenang untuk ${p.path}`]);
      // A display token sent along with a session cookie is still only a display.
      const both = await rpc(w.server, p, input, { bearer: w.display, cookie: own.cookie, csrf: own.csrf });
      expect(both.status).toBe(403);
      for (const bearer of [w.feed, w.revoked]) {
        const r = await rpc(w.server, p, input, { bearer });
        expect([r.status, r.message]).toEqual([401, 'Silakan masuk terlebih dahulu']);
      }
      expect(totalChanges(w.t)).toBe(before);
      const ok = await rpc(w.server, p, input, own);
      expect([ok.status, ok.message]).toEqual([200, null]);
      expect(totalChanges(w.t)).toBeGreaterThan(before);
    },
  );
});

describe('a display token', () => {
  test('cannot download, upload, print a briefing or push a feed', async () => {
    const before = totalChanges(w.t);
    const headers = { authorization: `Bearer ${w.display}` };
    const gets = [
      '/api/export/pengguna',
      '/api/export/audit?opd=DINKES',
      '/api/export/realisasi?opd=DINKES&year=2026&month=11',
      '/api/export/verifikasi',
      '/api/export/kepatuhan?period=2026-10',
      '/api/import/realisasi/template?opd=DINKES',
      '/api/import/jobs/00000000-0000-0000-0000-000000000000',
    ];
    for (const url of gets) {
      const res = await fetch(`${w.server.url}${url}`, { headers });
      expect([url, res.status]).toEqual([url, 401]);
    }
    const pdf = await fetch(`${w.server.url}/api/meetings/1/briefing.pdf`, { headers });
    expect(pdf.status).toBe(403);
    const upload = await fetch(`${w.server.url}/api/import/realisasi`, {
      method: 'POST',
      headers: { ...headers, 'x-file-name': 'a.csv', 'content-type': 'text/csv' },
      body: 'Kode Sub Kegiatan;Tahun;Bulan\n',
    });
    expect(upload.status).toBe(401);
    const feed = await fetch(`${w.server.url}/api/feed/layanan`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ records: [{}] }),
    });
    expect(feed.status).toBe(401);
    expect(totalChanges(w.t)).toBe(before);
  });
});
