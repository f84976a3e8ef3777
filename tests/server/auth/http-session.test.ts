// Sessions over real HTTP: cookie flags, wrong passwords, throttling, CSRF on the wire, logout.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { createUser, PASSWORD } from '../../helpers/users';

let t: TestDb;
let server: RunningServer;

beforeAll(async () => {
  t = makeTestDb('reference');
  createUser(t, 'op-dinkes', 'opd', 'DINKES');
  createUser(t, 'admin-uji', 'admin');
  server = await startServer(t);
});
afterAll(async () => {
  await server.close();
  t.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function login(username: string, password = PASSWORD) {
  const res = await post('auth.login', { username, password });
  const body = (await res.json()) as {
    result?: { data: { csrfToken: string } };
    error?: { message: string };
  };
  return { res, body, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

describe('sessions over HTTP', () => {
  test('signing in sets an httpOnly SameSite=Strict session cookie and returns a CSRF token', async () => {
    const { res, body } = await login('op-dinkes');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^adiguna_sesi=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(body.result?.data.csrfToken).toMatch(/^[\w-]{20,}$/);
    // Only the token's hash is stored.
    const token = decodeURIComponent(cookie.split(';')[0]?.split('=')[1] ?? '');
    expect(t.db.prepare('SELECT COUNT(*) FROM session WHERE id_hash = ?').pluck().get(token)).toBe(0);
  });

  test('a wrong password answers 401 with one message for unknown account and wrong password alike', async () => {
    const a = await login('op-dinkes', 'salah-sekali-123');
    const b = await login('tidak-ada', 'salah-sekali-123');
    expect([a.res.status, b.res.status]).toEqual([401, 401]);
    expect(a.body.error?.message).toBe('Nama pengguna atau kata sandi salah');
    expect(b.body.error?.message).toBe('Nama pengguna atau kata sandi salah');
  });

  test('the sixth failure in 15 minutes is throttled even with the right password', async () => {
    for (let i = 0; i < 5; i++) await login('admin-uji', `salah-${i}-xxxxxxx`);
    const locked = await login('admin-uji');
    expect(locked.res.status).toBe(429);
    expect(locked.body.error?.message).toBe('Terlalu banyak percobaan masuk; coba lagi dalam 15 menit');
  });

  test('a mutation with the session cookie but without the CSRF header is refused; with it, it passes', async () => {
    const { cookie, body } = await login('op-dinkes');
    const input = { current: 'salah-lama-12345', next: 'Baru-Sekali-12345' };
    const without = await post('auth.changePassword', input, { cookie });
    expect(without.status).toBe(403);
    const withHeader = await post('auth.changePassword', input, {
      cookie,
      'x-csrf-token': body.result?.data.csrfToken ?? '',
    });
    // Past the CSRF check: the wrong old password is what stops it now.
    expect(withHeader.status).toBe(400);
    expect(((await withHeader.json()) as { error: { message: string } }).error.message).toBe(
      'Kata sandi lama salah',
    );
  });

  test('me answers the user while signed in and null after logout', async () => {
    const { cookie } = await login('op-dinkes');
    const me = async () =>
      (
        (await (await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } })).json()) as {
          result: { data: unknown };
        }
      ).result.data;
    expect(await me()).toMatchObject({ user: { username: 'op-dinkes', role: 'opd', opdCode: 'DINKES' } });
    const out = await post('auth.logout', {}, { cookie });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(await me()).toBeNull();
  });
});
