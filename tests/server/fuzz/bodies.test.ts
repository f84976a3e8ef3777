// The request around the input, fuzzed over real HTTP: bodies over the 1 MB limit (sized, chunked,
// gzip-inflated), malformed JSON text, wrong Content-Types, GET queries with a broken ?input=,
// batch calls, bodies nested too deep for a recursive serialiser, prototype-pollution keys. Always
// a 4xx with tRPC's error shape and an Indonesian message, never a 5xx or a dropped socket, and no
// change to data. The regressions of what this fuzzing found are pinned here too.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BATCH } from '../../../server/app';
import { inputCases, PROTO_PAYLOADS } from './arbitraries';
import { EXAMPLES } from './examples';
import {
  type Answer,
  expectIndonesian,
  type Fuzzer,
  invalidFields,
  judge,
  PROCEDURES,
  type Proc,
  queryUrl,
  seedOf,
  send,
  startFuzzer,
} from './harness';
import { asCase, type Case, toJson } from './wire';

let fz: Fuzzer;
beforeAll(async () => {
  fz = await startFuzzer();
});
afterAll(async () => {
  await fz.close();
});

const admin = () => fz.headers.admin;
const byPath = (path: string) => PROCEDURES.find((p) => p.path === path) as Proc;
/** Procedures an admin calls with an input, the ones a batch or a body test picks from. */
const adminCallable = (type: Proc['type']) =>
  PROCEDURES.filter(
    (p) =>
      p.type === type &&
      p.input &&
      p.path !== 'auth.login' &&
      (p.roles === 'public' || p.roles.includes('admin')),
  );
const MUTATIONS = adminCallable('mutation');
const QUERIES = adminCallable('query');

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}, init: RequestInit = {}) =>
  send(`${fz.server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { ...admin(), 'content-type': 'application/json', ...headers },
    body,
    ...init,
  });

/** A refusal: 4xx, tRPC's error shape, an Indonesian message (`message` when given), nothing written. */
function expectRefused(a: Answer, context: string, status?: number, message?: string | RegExp): void {
  expect(a.status, `${context}\n${a.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(a.status, `${context}\n${a.text.slice(0, 300)}`).toBeLessThan(500);
  if (status !== undefined) expect(a.status, context).toBe(status);
  expect(a.error, `${context}: tRPC error shape\n${a.text.slice(0, 300)}`).not.toBeNull();
  expectIndonesian(a.error?.message, context);
  if (typeof message === 'string') expect(a.error?.message, context).toBe(message);
  else if (message) expect(a.error?.message, context).toMatch(message);
  expect(fz.fp.unchanged(), `${context}: data changed`).toBe(true);
}

const TOO_LARGE = 'Permintaan terlalu besar (paling besar 1 MB)';
const NOT_JSON = 'Masukan bukan JSON yang valid';

describe('bodies over the 1 MB limit', () => {
  test.each(MUTATIONS.map((p) => [p.path] as const))(
    '%s: a body just over 1 MB is a 413 with an Indonesian message',
    async (path) => {
      const body = toJson({ ...(EXAMPLES[path] as object), padding: 'x'.repeat(1_000_100) });
      expectRefused(await post(path, body), path, 413, TOO_LARGE);
    },
  );

  test('fuzzed sizes and shapes just over and far over the limit: always 413, the socket answered', async () => {
    const shapes = fc.constantFrom('string', 'array', 'nested', 'garbage');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MUTATIONS.map((p) => p.path)),
        shapes,
        fc.integer({ min: 1_000_001, max: 2_500_000 }),
        async (path, shape, size) => {
          const fill =
            shape === 'string'
              ? `{"a":"${'x'.repeat(size)}"}`
              : shape === 'array'
                ? `[${'0,'.repeat(size / 2)}0]`
                : shape === 'nested'
                  ? `${'['.repeat(size / 2)}${']'.repeat(size / 2)}`
                  : 'x'.repeat(size);
          expectRefused(await post(path, fill), `${path} ${shape} ${size}`, 413, TOO_LARGE);
        },
      ),
      { numRuns: 6, seed: seedOf('oversized'), endOnFailure: true },
    );
  });

  test('a chunked body with no Content-Length is cut off at the limit with a 413', async () => {
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 3_000_000) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const init = { duplex: 'half' } as RequestInit;
    expectRefused(await post('admin.revokeToken', stream, {}, init), 'chunked', 413, TOO_LARGE);
  });

  test('a gzip body that inflates past the limit is a 413, not a memory bomb', async () => {
    const bomb = gzipSync(Buffer.from(`{"id":"${'0'.repeat(5_000_000)}"}`));
    expect(bomb.length).toBeLessThan(100_000);
    expectRefused(
      await post('admin.revokeToken', bomb, { 'content-encoding': 'gzip' }),
      'gzip',
      413,
      TOO_LARGE,
    );
  });

  test('a body just under the limit is read and validated (the field is named)', async () => {
    const a = await post('admin.revokeToken', toJson({ id: 'x'.repeat(990_000) }));
    expectRefused(a, 'under the limit', 400, 'Masukan tidak valid: id: Harus berupa angka');
  });
});

const MALFORMED = [
  "{'id':1}",
  '{"id":1,}',
  '{"id":NaN}',
  '{"id":Infinity}',
  '{id:1}',
  '// komentar\n{}',
  '{"id":1}}',
  '[1,]',
  'undefined',
  '\u0000',
  '{"id":"\\x"}',
  '"tanpa akhir',
  '01',
  '.5',
  '+1',
  '{"id":1e}',
  '{"id":0x10}',
  '{"a":1 "b":2}',
  '{"a":[1,2}',
  '<xml/>',
  'id=1',
  '{"id":1}\u0000',
];

function parseable(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Malformed JSON text: known mistakes, truncated examples, random text that does not parse. */
const malformedText = (example: unknown): fc.Arbitrary<string> => {
  const full = toJson(example ?? { a: 1 });
  return fc
    .oneof(
      fc.constantFrom(...MALFORMED),
      fc.integer({ min: 1, max: Math.max(1, full.length - 1) }).map((n) => full.slice(0, n)),
      fc.string({ minLength: 1, maxLength: 40 }),
      fc
        .tuple(fc.integer({ min: 0, max: full.length }), fc.constantFrom(',', '}', ']', ':', '"', '\\'))
        .map(([i, c]) => full.slice(0, i) + c + full.slice(i)),
    )
    .filter((t) => !parseable(t));
};

describe('malformed JSON', () => {
  test('fuzzed malformed bodies to every mutation: 400, "Masukan bukan JSON yang valid", nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MUTATIONS).chain((p) => fc.tuple(fc.constant(p), malformedText(EXAMPLES[p.path]))),
        async ([p, text]) => {
          expectRefused(await post(p.path, text), `${p.path} ${JSON.stringify(text)}`, 400, NOT_JSON);
        },
      ),
      { numRuns: 50, seed: seedOf('malformed bodies'), endOnFailure: true },
    );
  });

  test('bytes that are not UTF-8 are refused the same way', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id":'),
      Buffer.from([0xff, 0xfe, 0xc0, 0x80]),
      Buffer.from('}'),
    ]);
    expectRefused(await post('admin.revokeToken', bytes), 'not UTF-8', 400, NOT_JSON);
  });

  test('an empty body to a mutation that takes an input is refused, not taken as {}', async () => {
    expectRefused(await post('admin.revokeToken', ''), 'empty', 400, NOT_JSON);
  });
});

describe('Content-Type', () => {
  const WRONG = [
    'text/plain',
    'text/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----fuzz',
    'application/octet-stream',
    'application/xml',
    'application/json5',
    'application/jsonx',
    'application/vnd.api+json',
    'image/png',
    '*/*',
  ];

  test('fuzzed wrong Content-Types on every mutation: 415 with an Indonesian message, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MUTATIONS), fc.constantFrom(...WRONG), async (p, type) => {
        const a = await post(p.path, toJson(EXAMPLES[p.path]), { 'content-type': type });
        expectRefused(
          a,
          `${p.path} as ${type}`,
          415,
          /^Jenis isi permintaan '.*' tidak didukung; kirim application\/json$/,
        );
      }),
      { numRuns: 25, seed: seedOf('content types'), endOnFailure: true },
    );
  });

  test('no Content-Type at all is a 415 that says what to send', async () => {
    const a = await send(`${fz.server.url}/trpc/admin.revokeToken`, {
      method: 'POST',
      headers: admin(),
      body: new Blob(['{"id":1}']),
    });
    expectRefused(
      a,
      'no content-type',
      415,
      'Jenis isi permintaan (Content-Type) wajib diisi: application/json',
    );
  });

  test('an unknown charset is a 415; the media type in capitals is still JSON', async () => {
    expectRefused(
      await post('admin.revokeToken', '{"id":1}', { 'content-type': 'application/json; charset=klingon' }),
      'charset',
      415,
      'Pengodean isi permintaan tidak didukung; kirim JSON dalam UTF-8',
    );
    const upper = await post('admin.revokeToken', '{"id":"1"}', {
      'content-type': 'APPLICATION/JSON; CHARSET=UTF-8',
    });
    expectRefused(upper, 'capitals', 400, 'Masukan tidak valid: id: Harus berupa angka');
  });

  test('regression: an octet-stream or multipart body reached zod as a stream ("Unrecognized keys: locked, cancel …")', async () => {
    for (const type of ['application/octet-stream', 'multipart/form-data; boundary=x']) {
      const a = await post('admin.revokeToken', '{"id":1}', { 'content-type': type });
      expectRefused(a, type, 415);
      expect(a.text).not.toContain('getReader');
    }
  });
});

describe('GET queries with a broken ?input=', () => {
  /** The raw query string after `input=`: encoded text, broken percent-escapes, raw bytes. */
  const brokenQuery = (example: unknown): fc.Arbitrary<string> => {
    const full = toJson(example ?? { a: 1 });
    return fc.oneof(
      fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%ZZ',
        '%C0%80',
        '%FF%FE',
        '%7B%22year%22%3A',
        '%00',
        '{',
        '[',
        '%5B%5D%5D',
      ),
      fc
        .integer({ min: 1, max: Math.max(1, full.length - 1) })
        .map((n) => encodeURIComponent(full.slice(0, n))),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.string({ maxLength: 20 }).map((s) => s.replace(/[#&\s]/g, '')),
      malformedText(example).map(encodeURIComponent),
    );
  };

  test('fuzzed ?input= on every query: a 4xx in Indonesian, and "bukan JSON" when it is not JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...QUERIES).chain((p) => fc.tuple(fc.constant(p), brokenQuery(EXAMPLES[p.path]))),
        async ([p, raw]) => {
          const url = `${fz.server.url}/trpc/${p.path}?input=${raw}`;
          const a = await send(url, { headers: admin() });
          // What the server reads: the URL's own decoding of the parameter.
          const text = new URL(url).searchParams.get('input') ?? '';
          const ctx = `${p.path} ?input=${raw.slice(0, 120)}`;
          expect(a.status, ctx).toBeLessThan(500);
          if (text === '') return; // an empty ?input= is no input
          if (!parseable(text)) return expectRefused(a, ctx, 400, NOT_JSON);
          judge(fz, p, asCase('query', JSON.parse(text)), 'admin', a);
        },
      ),
      { numRuns: 50, seed: seedOf('broken queries'), endOnFailure: true },
    );
  });

  test('a query string past the 16 KB the HTTP parser reads is refused (431), never a 5xx or a hang', async () => {
    const a = await send(
      queryUrl(fz.server.url, 'dashboard.overview', toJson({ asOf: 'x'.repeat(20_000) })),
      {
        headers: admin(),
      },
    );
    // Node answers this itself, before Express: there is no body to carry a message.
    expect(a.status).toBe(431);
    expect(fz.fp.unchanged()).toBe(true);
  });
});

type BatchEntry = { p: Proc; c: Case };

function batchUrl(entries: BatchEntry[], withInput = true): string {
  const input: Record<string, unknown> = {};
  entries.forEach((e, i) => {
    if (e.c.json !== undefined) input[i] = JSON.parse(e.c.json);
  });
  const base = `${fz.server.url}/trpc/${entries.map((e) => e.p.path).join(',')}?batch=1`;
  return withInput ? `${base}&input=${encodeURIComponent(toJson(input))}` : base;
}

/** Each answer of a batch against its own input's oracle. */
function judgeBatch(entries: BatchEntry[], a: Answer, label: string): void {
  expect(a.status, `${label}\n${a.text.slice(0, 300)}`).toBeLessThan(500);
  expect(Array.isArray(a.json), `${label}: a batch answers a list`).toBe(true);
  const list = a.json as { error?: Answer['error']; result?: unknown }[];
  expect(list).toHaveLength(entries.length);
  list.forEach((item, i) => {
    const e = entries[i] as BatchEntry;
    judge(fz, e.p, e.c, 'admin', {
      status: item.error ? item.error.data.httpStatus : 200,
      error: item.error ?? null,
      json: item,
      text: JSON.stringify(item).slice(0, 500),
    });
  });
}

describe('batch calls', () => {
  test('fuzzed batches of queries, each input fuzzed: every answer judged against its own input', async () => {
    const entry = fc
      .constantFrom(...QUERIES)
      .chain((p) => inputCases(EXAMPLES[p.path], 'url').map((c) => ({ p, c })));
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 3 }), async (entries) => {
        const url = batchUrl(entries);
        fc.pre(url.length < 12_000);
        judgeBatch(entries, await send(url, { headers: admin() }), 'query batch');
      }),
      { numRuns: 25, seed: seedOf('query batches'), endOnFailure: true },
    );
  });

  test('fuzzed batches of mutations in one POST body', async () => {
    const entry = fc
      .constantFrom(...MUTATIONS)
      .chain((p) => inputCases(EXAMPLES[p.path], 'body').map((c) => ({ p, c })));
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 3 }), async (entries) => {
        const input: Record<string, string> = {};
        entries.forEach((e, i) => {
          input[i] = e.c.json ?? 'null';
        });
        const body = `{${Object.entries(input)
          .map(([k, v]) => `"${k}":${v}`)
          .join(',')}}`;
        fc.pre(body.length < 1_000_000);
        const a = await post(`${entries.map((e) => e.p.path).join(',')}?batch=1`, body);
        judgeBatch(entries, a, 'mutation batch');
      }),
      { numRuns: 15, seed: seedOf('mutation batches'), endOnFailure: true },
    );
  });

  test('fuzzed batch inputs that are not an object: every call refused in Indonesian', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...QUERIES), { minLength: 1, maxLength: 4 }),
        fc.oneof(
          fc.array(fc.jsonValue(), { maxLength: 3 }),
          fc.integer(),
          fc.string({ maxLength: 10 }),
          fc.boolean(),
        ),
        async (procs, notObject) => {
          const url = `${fz.server.url}/trpc/${procs.map((p) => p.path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(notObject))}`;
          const a = await send(url, { headers: admin() });
          expect(a.status).toBe(400);
          for (const item of a.json as { error: Answer['error'] }[]) {
            expect(item.error?.data.httpStatus).toBe(400);
            expect(item.error?.message).toBe('Masukan panggilan batch harus berupa objek {"0": …}');
          }
          expect(fz.fp.unchanged()).toBe(true);
        },
      ),
      { numRuns: 15, seed: seedOf('batch not object'), endOnFailure: true },
    );
  });

  test('an unknown procedure in a batch, mixed kinds, too many calls, batched subscriptions: refused in Indonesian', async () => {
    const get = (paths: string, input: string) =>
      send(`${fz.server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(input)}`, { headers: admin() });
    const unknown = await get('dashboard.overview,tidak.ada', '{"0":{"year":"x"}}');
    expect(unknown.status).toBeLessThan(500);
    const list = unknown.json as { error: Answer['error'] }[];
    expect(list.map((i) => i.error?.message)).toEqual([
      'Masukan tidak valid: year: Tahun harus berupa angka',
      "Prosedur 'tidak.ada' tidak ditemukan",
    ]);
    for (const paths of ['dashboard.overview,admin.revokeToken', 'dashboard.overview,live.changes']) {
      expectRefused(
        await get(paths, '{}'),
        paths,
        400,
        'Satu batch tidak boleh mencampur jenis prosedur (query, mutation, langganan)',
      );
    }
    const many = Array.from({ length: MAX_BATCH + 1 }, () => 'system.version').join(',');
    expectRefused(await get(many, '{}'), 'batch too large', 400, 'Terlalu banyak panggilan dalam satu batch');
    const most = await get(Array.from({ length: MAX_BATCH }, () => 'system.version').join(','), '{}');
    expect(most.status).toBe(200);
    const subs = await get('live.changes,live.changes', '{}');
    expect(subs.status).toBe(400);
    for (const item of subs.json as { error: Answer['error'] }[])
      expect(item.error?.message).toBe('Langganan tidak dapat digabung dalam batch');
    expect(fz.fp.unchanged()).toBe(true);
  });
});

describe('regressions', () => {
  test('a body nested 50 000 levels deep answered 500 (tRPC re-serialised the parsed body); now a 400', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    expectRefused(
      await post('auth.login', deep, { cookie: '' }),
      'deep body',
      400,
      'Masukan tidak valid: Harus berupa objek',
    );
    const field = `{"id":${'[{"a":'.repeat(40_000)}0${'}]'.repeat(40_000)}}`;
    expectRefused(
      await post('admin.revokeToken', field),
      'deep field',
      400,
      'Masukan tidak valid: id: Harus berupa angka',
    );
  });

  test('prototype-pollution keys are named as unknown fields and pollute nothing', async () => {
    for (const payload of PROTO_PAYLOADS.filter((t) => t.startsWith('{'))) {
      const key = Object.keys(JSON.parse(payload))[0] as string;
      const a = await post('admin.revokeToken', `{"id":1,${payload.slice(1)}`);
      expectRefused(a, payload, 400, `Masukan tidak valid: ${key}: Kolom tidak dikenal`);
      expect(a.error?.data.fieldErrors?.[key]).toEqual(['Kolom tidak dikenal']);
    }
    const a = await post(
      'display.update',
      toJson({
        ...(EXAMPLES['display.update'] as object),
        playlist: [JSON.parse('{"__proto__":{"screen":"ringkasan","dwellS":30}}')],
      }),
    );
    expectRefused(a, 'nested __proto__', 400);
    expect(Object.keys(a.error?.data.fieldErrors ?? {})).toContain('playlist.0.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('an unknown key used to be reported against "(input)" in English ("Unrecognized key")', async () => {
    const a = await post('admin.revokeToken', '{"id":1,"zz":1,"constructor":2}');
    expectRefused(a, 'unknown keys', 400, 'Masukan tidak valid: zz: Kolom tidak dikenal');
    expect(a.error?.data.fieldErrors).toEqual({
      zz: ['Kolom tidak dikenal'],
      constructor: ['Kolom tidak dikenal'],
    });
  });

  test('checks without their own message used to answer in English ("Invalid option", "expected string")', async () => {
    const token = await post('admin.createToken', '{"name":"x","kind":"zz"}');
    expectRefused(token, 'enum', 400, "Masukan tidak valid: kind: Harus salah satu dari: 'feed', 'display'");
    const pw = await post('admin.resetPassword', '{"id":1.5,"password":5}');
    expect(pw.error?.data.fieldErrors).toEqual({
      id: ['Harus bilangan bulat'],
      password: ['Harus berupa teks'],
    });
    const long = await post('admin.resetPassword', toJson({ id: 1, password: 'x'.repeat(201) }));
    expect(long.error?.message).toBe('Masukan tidak valid: password: Paling panjang 200 karakter');
  });

  test("tRPC's own refusals used to be English: unknown procedure, wrong method, malformed ?input=", async () => {
    const missing = await send(`${fz.server.url}/trpc/tidak.ada`, { headers: admin() });
    expectRefused(missing, 'unknown', 404, "Prosedur 'tidak.ada' tidak ditemukan");
    const get = await send(queryUrl(fz.server.url, 'admin.revokeToken', '{"id":1}'), { headers: admin() });
    expectRefused(get, 'GET mutation', 405, /^Metode HTTP tidak didukung/);
    const postQuery = await post('dashboard.overview', '{}');
    expectRefused(postQuery, 'POST query', 405, /^Metode HTTP tidak didukung/);
    const broken = await send(`${fz.server.url}/trpc/dashboard.overview?input=%7B`, { headers: admin() });
    expectRefused(broken, 'broken input', 400, NOT_JSON);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const a = await send(`${fz.server.url}/trpc/admin.revokeToken`, { method, headers: admin() });
      expectRefused(a, method, undefined);
    }
  });

  test('a validation error of a subscription arrives as its first SSE event, Indonesian, naming the field', async () => {
    const live = byPath('live.changes');
    const res = await fetch(queryUrl(fz.server.url, live.path, '{"lastEventId":5}'), {
      signal: AbortSignal.timeout(20_000),
    });
    // SSE answers 200 before the procedure runs; the error is the stream's only event, then it ends.
    const text = await res.text();
    const m = /event: serialized-error\ndata: (.*)\n/.exec(text);
    const error = JSON.parse(m?.[1] ?? 'null') as Answer['error'];
    expect(error?.data.httpStatus).toBe(400);
    expect(error?.message).toBe('Masukan tidak valid: lastEventId: Harus berupa teks');
    expect(invalidFields(live, '{"lastEventId":5}')).toEqual(['lastEventId']);
  });
});
