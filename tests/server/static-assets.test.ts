// The built client over real HTTP: hashed assets come gzipped (the .gz made at build time) to a
// browser that accepts gzip, plain otherwise, cached for a year; index.html always revalidates;
// nothing outside the assets folder can be reached through it.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_DIST } from '../../server/build';
import { makeTestDb, type TestDb } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';

let t: TestDb;
let server: RunningServer;
beforeAll(async () => {
  t = makeTestDb('reference');
  server = await startServer(t, { client: true });
});
afterAll(async () => {
  await server.close();
  t.close();
});

function get(p: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`${server.url}${p}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    },
  );
}

/** The entry script index.html names (a hashed file under /assets). */
function entryScript(): string {
  const html = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
  const m = /src="(\/assets\/[^"]+\.js)"/.exec(html);
  if (!m?.[1]) throw new Error('index.html names no script');
  return m[1];
}

describe('static client', () => {
  test('a hashed script comes gzipped to a gzip-accepting browser, and decodes to the same bytes', async () => {
    const script = entryScript();
    const raw = fs.readFileSync(path.join(CLIENT_DIST, script));
    const res = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.length).toBeLessThan(raw.length / 2);
    expect(gunzipSync(res.body).equals(raw)).toBe(true);
  });

  test('a client that does not accept gzip gets the plain file', async () => {
    const script = entryScript();
    const res = await get(script);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(fs.readFileSync(path.join(CLIENT_DIST, script)))).toBe(true);
  });

  test('index.html revalidates on every load, so a new build reaches the walls', async () => {
    const res = await get('/wall/ringkasan', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  test('an encoded path that climbs out of /assets reaches nothing', async () => {
    const res = await get('/assets/..%2F..%2Fpackage.json', { 'accept-encoding': 'gzip' });
    expect(res.body.toString()).not.toContain('"name": "adiguna"');
    expect([400, 404]).toContain(res.status);
  });

  test('robots.txt keeps search engines out of the operations room (not the HTML shell)', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body.toString()).toBe('User-agent: *\nDisallow: /\n');
  });
});
