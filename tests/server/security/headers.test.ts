// Security headers on every kind of response the server gives: the HTML shell, API answers and
// API errors, hashed static assets (gzipped or not), downloads, 404s and the error handler.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_DIST } from '../../../server/build';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { type RunningServer, startServer } from '../../helpers/server';
import { createUser } from '../../helpers/users';
import { session } from './fixtures';

let t: TestDb;
let server: RunningServer;
let cookie = '';

beforeAll(async () => {
  t = makeTestDb('reference');
  createUser(t, 'admin-kepala', 'admin');
  cookie = session(t, 'admin-kepala').cookie;
  server = await startServer(t, { client: true });
});
afterAll(async () => {
  await server.close();
  t.close();
});

const asset = () => {
  const html = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
  const m = /src="(\/assets\/[^"]+\.js)"/.exec(html);
  if (!m?.[1]) throw new Error('no script in index.html');
  return m[1];
};

type Req = [name: string, url: () => string, init?: () => RequestInit, status?: number];
const requests: Req[] = [
  ['the HTML shell', () => '/', undefined, 200],
  ['a deep link to an office page', () => '/opd/realisasi', undefined, 200],
  ['a hashed script, gzipped', asset, () => ({ headers: { 'accept-encoding': 'gzip' } }), 200],
  ['a hashed script, plain', asset, () => ({ headers: { 'accept-encoding': 'identity' } }), 200],
  ['a missing asset', () => '/assets/tidak-ada.js', undefined, 404],
  ['the health check', () => '/healthz', undefined, 200],
  ['a tRPC query', () => '/trpc/reference.opds', undefined, 200],
  ['a tRPC refusal', () => '/trpc/admin.users', undefined, 401],
  [
    'a tRPC input error',
    () => `/trpc/dashboard.overview?input=${encodeURIComponent('{"asOf":"x"}')}`,
    undefined,
    400,
  ],
  ['an unknown procedure', () => '/trpc/tidak.ada', undefined, 404],
  [
    'malformed JSON (the error handler)',
    () => '/trpc/auth.login',
    () => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' }),
    400,
  ],
  ['an unknown API path', () => '/api/tidak-ada', undefined, 404],
  ['a download without a session', () => '/api/export/pengguna', undefined, 401],
  ['a CSV download', () => '/api/export/pengguna?format=csv', () => ({ headers: { cookie } }), 200],
  ['the briefing without a session', () => '/api/meetings/1/briefing.pdf', undefined, 401],
];

describe('security headers', () => {
  test.each(requests)('%s', async (_name, url, init, status) => {
    const res = await fetch(`${server.url}${url()}`, init?.());
    await res.arrayBuffer();
    expect(res.status).toBe(status);
    const h = res.headers;
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(h.get('referrer-policy')).toBe('same-origin');
    expect(h.get('x-powered-by')).toBeNull();
    const csp = h.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [k = '', ...v] = d.trim().split(/\s+/);
        return [k, v.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    // These three do not fall back to default-src: a <base> or a form could otherwise point away.
    expect(directives.get('base-uri')).toBe("'self'");
    expect(directives.get('form-action')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    // No inline or evaluated script anywhere.
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  test('the HTML shell runs under that CSP: no inline script, every script from this origin', () => {
    const html = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body?.trim()).toBe('');
      expect(attrs).toMatch(/src="\/assets\//);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
