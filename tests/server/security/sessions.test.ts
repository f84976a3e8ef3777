// Sessions, CSRF and login throttling over real HTTP: cookie flags (Secure behind an HTTPS proxy),
// sliding expiry, logout and sign-in ending the old session server-side, disabled accounts,
// password changes, the CSRF token bound to its session, and per-account and per-address limits
// that a burst of parallel guesses cannot get around.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SESSION_MAX_MS, SESSION_TTL_MS, sha256 } from '../../../server/auth/session';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { createUser, PASSWORD } from '../../helpers/users';
import { session, totalChanges } from './fixtures';

let t: TestDb;
let server: RunningServer;
const START = Date.parse('2026-11-23T03:00:00.000Z');

beforeAll(async () => {
  t = makeTestDb('reference');
  createUser(t, 'admin-sesi', 'admin');
  server = await startServer(t);
});
afterAll(async () => {
  await server.close();
  t.close();
});

let ipCounter = 0;
/** A client address of its own (the app trusts X-Forwarded-For from the loopback proxy only). */
const freshIp = () => {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
};

interface Answer {
  status: number;
  message: string | null;
  data: unknown;
  setCookie: string;
  cookie: string;
}

async function call(
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
  method: 'GET' | 'POST' = 'POST',
): Promise<Answer> {
  const res =
    method === 'GET'
      ? await fetch(`${server.url}/trpc/${path}`, { headers })
      : await fetch(`${server.url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string } };
  const setCookie = res.headers.get('set-cookie') ?? '';
  return {
    status: res.status,
    message: body.error?.message ?? null,
    data: body.result?.data,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
  };
}

const login = (username: string, password = PASSWORD, headers: Record<string, string> = {}) =>
  call('auth.login', { username, password }, { 'x-forwarded-for': freshIp(), ...headers });
const csrfOf = (a: Answer) => (a.data as { csrfToken: string }).csrfToken;
const me = async (cookie: string) => (await call('auth.me', undefined, { cookie }, 'GET')).data;
const sessionRows = (userId: number) =>
  t.db.prepare('SELECT COUNT(*) FROM session WHERE user_id = ?').pluck().get(userId) as number;
/** A change the account is allowed to make: the November budget deadline. */
const setDeadline = (headers: Record<string, string>) =>
  call(
    'admin.setDeadline',
    { family: 'budget', period: '2026-11', deadlineAt: '2026-12-10T23:59:00+07:00' },
    headers,
  );

describe('the session cookie', () => {
  test('is httpOnly, SameSite=Strict, Path=/, lives 12 hours, and is not Secure over plain HTTP', async () => {
    createUser(t, 'sesi-a', 'executive');
    const a = await login('sesi-a');
    expect(a.status).toBe(200);
    const flags = a.setCookie.split(';').map((s) => s.trim());
    expect(flags[0]).toMatch(/^adiguna_sesi=[\w-]{40,}$/);
    expect(flags.slice(1).sort()).toEqual([
      'HttpOnly',
      `Max-Age=${SESSION_TTL_MS / 1000}`,
      'Path=/',
      'SameSite=Strict',
    ]);
  });

  test('is Secure when the request reached the loopback proxy over HTTPS, and so is its removal', async () => {
    createUser(t, 'sesi-b', 'executive');
    const a = await login('sesi-b', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(a.setCookie.split(';').map((s) => s.trim())).toContain('Secure');
    const out = await call('auth.logout', {}, { cookie: a.cookie, 'x-forwarded-proto': 'https' });
    expect(out.setCookie).toMatch(/^adiguna_sesi=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0; Secure$/);
  });

  /** The session is gone: no user, no row, and its cookie and CSRF token no longer write. */
  async function expectEnded(a: Answer, userId: number) {
    expect(await me(a.cookie)).toBeNull();
    expect(sessionRows(userId)).toBe(0);
    const late = await setDeadline({ cookie: a.cookie, 'x-csrf-token': csrfOf(a) });
    expect([late.status, late.message]).toEqual([401, 'Silakan masuk terlebih dahulu']);
  }

  test('slides: used within 12 hours it stays, 12 hours idle it is refused and its row deleted', async () => {
    const id = createUser(t, 'sesi-c', 'executive');
    const a = await login('sesi-c');
    try {
      t.nowMs = START + SESSION_TTL_MS - 60_000;
      expect(await me(a.cookie)).toMatchObject({ user: { username: 'sesi-c' } });
      // Extended from that request: still alive 23 hours after signing in.
      t.nowMs = START + 2 * SESSION_TTL_MS - 2 * 60_000;
      expect(await me(a.cookie)).toMatchObject({ user: { username: 'sesi-c' } });
      t.nowMs += SESSION_TTL_MS;
      await expectEnded(a, id);
    } finally {
      t.nowMs = START;
    }
  });

  test('ends 24 hours after signing in however often it is used, and its row is deleted', async () => {
    const id = createUser(t, 'sesi-max', 'verifier');
    const a = await login('sesi-max');
    try {
      // Used every 11 hours, it would slide for ever without the absolute limit.
      for (let at = START + 11 * 3_600_000; at < START + SESSION_MAX_MS; at += 11 * 3_600_000) {
        t.nowMs = at;
        expect(await me(a.cookie)).toMatchObject({ user: { username: 'sesi-max' } });
      }
      t.nowMs = START + SESSION_MAX_MS - 60_000;
      expect(await me(a.cookie)).toMatchObject({ user: { username: 'sesi-max' } });
      const expires = t.db
        .prepare('SELECT expires_at FROM session WHERE user_id = ?')
        .pluck()
        .get(id) as string;
      expect(Date.parse(expires)).toBeLessThanOrEqual(START + SESSION_MAX_MS);
      t.nowMs = START + SESSION_MAX_MS;
      await expectEnded(a, id);
    } finally {
      t.nowMs = START;
    }
  });

  test('logout ends the session on the server: the old cookie and CSRF token are refused', async () => {
    const id = createUser(t, 'sesi-d', 'admin');
    const a = await login('sesi-d');
    const out = await call('auth.logout', {}, { cookie: a.cookie });
    expect(out.setCookie).toContain('Max-Age=0');
    expect(sessionRows(id)).toBe(0);
    expect(await me(a.cookie)).toBeNull();
    const replay = await setDeadline({ cookie: a.cookie, 'x-csrf-token': csrfOf(a) });
    expect([replay.status, replay.message]).toEqual([401, 'Silakan masuk terlebih dahulu']);
  });

  test('signing in issues a new session id and ends the one the browser held (no fixation)', async () => {
    const id = createUser(t, 'sesi-e', 'executive');
    // A cookie value planted before sign-in is never adopted.
    const planted = 'adiguna_sesi=penyerang-memilih-nilai-ini';
    const a = await login('sesi-e', PASSWORD, { cookie: planted });
    expect(a.cookie).not.toBe(planted);
    expect(
      t.db
        .prepare('SELECT COUNT(*) FROM session WHERE id_hash = ?')
        .pluck()
        .get(sha256('penyerang-memilih-nilai-ini')),
    ).toBe(0);
    // Signing in again over a live session replaces it.
    const b = await login('sesi-e', PASSWORD, { cookie: a.cookie });
    expect(b.cookie).not.toBe(a.cookie);
    expect(csrfOf(b)).not.toBe(csrfOf(a));
    expect(await me(a.cookie)).toBeNull();
    expect(await me(b.cookie)).toMatchObject({ user: { username: 'sesi-e' } });
    expect(sessionRows(id)).toBe(1);
  });

  test('a disabled account’s live sessions stop working and it cannot sign in', async () => {
    const id = createUser(t, 'sesi-f', 'executive');
    const victim = await login('sesi-f');
    const admin = session(t, 'admin-sesi');
    const off = await call(
      'admin.updateUser',
      { id, displayName: 'sesi-f', role: 'executive', active: false },
      { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    );
    expect(off.status).toBe(200);
    expect(await me(victim.cookie)).toBeNull();
    const list = await call('meeting.list', undefined, { cookie: victim.cookie }, 'GET');
    expect([list.status, list.message]).toEqual([401, 'Silakan masuk terlebih dahulu']);
    // Even a session row that survived (written behind the router's back) is refused.
    const stray = session(t, 'sesi-f');
    expect(await me(stray.cookie)).toBeNull();
    const again = await login('sesi-f');
    expect([again.status, again.message]).toEqual([401, 'Nama pengguna atau kata sandi salah']);
  });

  test('changing the password ends the account’s other sessions; the old password stops working', async () => {
    const id = createUser(t, 'sesi-g', 'executive');
    const here = await login('sesi-g');
    const elsewhere = await login('sesi-g');
    const next = 'Sandi-Baru-Sekali-987';
    const changed = await call(
      'auth.changePassword',
      { current: PASSWORD, next },
      { cookie: here.cookie, 'x-csrf-token': csrfOf(here) },
    );
    expect(changed.status).toBe(200);
    expect(await me(here.cookie)).toMatchObject({ user: { username: 'sesi-g' } });
    expect(await me(elsewhere.cookie)).toBeNull();
    expect(sessionRows(id)).toBe(1);
    expect((await login('sesi-g')).status).toBe(401);
    expect((await login('sesi-g', next)).status).toBe(200);
  });

  test('an admin’s password reset ends every session of the account', async () => {
    const id = createUser(t, 'sesi-h', 'executive');
    const victim = await login('sesi-h');
    const admin = session(t, 'admin-sesi');
    const reset = await call(
      'admin.resetPassword',
      { id, password: 'Sandi-Reset-Admin-123' },
      { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    );
    expect(reset.status).toBe(200);
    expect(await me(victim.cookie)).toBeNull();
    expect(sessionRows(id)).toBe(0);
  });
});

describe('CSRF', () => {
  test('the token is bound to its session: another session’s token, a wrong one or none is refused, and nothing changes', async () => {
    const a = session(t, 'admin-sesi');
    const b = session(t, 'admin-sesi');
    const before = totalChanges(t);
    const refusals: Record<string, string>[] = [
      { cookie: a.cookie },
      { cookie: a.cookie, 'x-csrf-token': '' },
      { cookie: a.cookie, 'x-csrf-token': 'salah' },
      { cookie: a.cookie, 'x-csrf-token': b.csrf },
      { cookie: a.cookie, 'x-csrf-token': `${a.csrf}x` },
    ];
    for (const headers of refusals) {
      const r = await setDeadline(headers);
      expect([r.status, r.message]).toEqual([
        403,
        'Token keamanan (CSRF) tidak cocok; muat ulang halaman lalu coba lagi',
      ]);
    }
    expect(totalChanges(t)).toBe(before);
    expect((await setDeadline({ cookie: a.cookie, 'x-csrf-token': a.csrf })).status).toBe(200);
  });

  test('a cross-site form post (text/plain or urlencoded) cannot reach a mutation', async () => {
    const a = session(t, 'admin-sesi');
    const before = totalChanges(t);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await fetch(`${server.url}/trpc/admin.setDeadline`, {
        method: 'POST',
        headers: { 'content-type': type, cookie: a.cookie },
        body: JSON.stringify({
          family: 'budget',
          period: '2026-11',
          deadlineAt: '2026-12-11T23:59:00+07:00',
        }),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(totalChanges(t)).toBe(before);
  });
});

describe('login throttling', () => {
  test('per account: the sixth failure in 15 minutes locks the account from every address; it reopens after the window', async () => {
    createUser(t, 'sesi-i', 'executive');
    for (let i = 0; i < 5; i++) expect((await login('sesi-i', `salah-${i}-xxxxxx`)).status).toBe(401);
    const locked = await login('sesi-i');
    expect([locked.status, locked.message]).toEqual([
      429,
      'Terlalu banyak percobaan masuk; coba lagi dalam 15 menit',
    ]);
    // Case and surrounding spaces do not make another account.
    expect((await login(' SESI-I ')).status).toBe(429);
    try {
      t.nowMs = START + 15 * 60_000 + 1;
      expect((await login('sesi-i')).status).toBe(200);
    } finally {
      t.nowMs = START;
    }
  });

  test('per address: after 20 failures from one address every account is refused from it, not from another', async () => {
    const ip = freshIp();
    createUser(t, 'sesi-j', 'executive');
    for (let i = 0; i < 20; i++) {
      const r = await login(`tidak-ada-${i}`, 'salah-sekali-123', { 'x-forwarded-for': ip });
      expect(r.status).toBe(401);
    }
    const blocked = await login('sesi-j', PASSWORD, { 'x-forwarded-for': ip });
    expect([blocked.status, blocked.message]).toEqual([
      429,
      'Terlalu banyak percobaan masuk; coba lagi dalam 15 menit',
    ]);
    expect((await login('sesi-j', PASSWORD, { 'x-forwarded-for': freshIp() })).status).toBe(200);
  });

  test('a burst of parallel guesses gets no more than the allowed attempts checked', async () => {
    createUser(t, 'sesi-k', 'executive');
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => login('sesi-k', `tebakan-${i}-xxxxxx`)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect((await login('sesi-k')).status).toBe(429);

    const ip = freshIp();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(`tidak-ada-burst-${i}`, 'salah-sekali-123', { 'x-forwarded-for': ip }),
      ),
    );
    expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(20);
    expect(
      t.db.prepare('SELECT COUNT(*) FROM login_attempt WHERE key = ?').pluck().get(`ip:${ip}`),
    ).toBeLessThanOrEqual(20);
  });

  test("forty colleagues signing in at once from the office's one address all get in", async () => {
    const ip = freshIp();
    const names = Array.from({ length: 40 }, (_, i) => `sesi-kantor-${i}`);
    for (const n of names) createUser(t, n, 'opd', 'DINKES');
    const results = await Promise.all(names.map((n) => login(n, PASSWORD, { 'x-forwarded-for': ip })));
    expect(results.map((r) => r.status)).toEqual(names.map(() => 200));
    // …while the address's failure budget still holds for guesses made afterwards.
    const guesses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        login(`sesi-kantor-${i}`, 'salah-sekali-123', { 'x-forwarded-for': ip }),
      ),
    );
    expect(guesses.filter((r) => r.status === 401).length).toBeLessThanOrEqual(20);
    expect(guesses.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
  });
});
