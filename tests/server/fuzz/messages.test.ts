// The Indonesian defaults for zod's own messages, and the error formatter's handling of what the
// fuzzing threw at it: every issue kind in Indonesian, a thrown Error's text never shown to users.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { type AppContext, publicProcedure, router } from '../../../server/trpc';
import '../../../shared/zodMessages';
import { ENGLISH, expectIndonesian, seedOf, send } from './harness';

const message = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues[0]?.message;
};

describe('zod messages without their own text are Indonesian', () => {
  test.each([
    [z.string(), 5, 'Harus berupa teks'],
    [z.number(), 'x', 'Harus berupa angka'],
    [z.number().int(), 1.5, 'Harus bilangan bulat'],
    [z.boolean(), 'ya', 'Harus bernilai true atau false'],
    [z.object({}), [], 'Harus berupa objek'],
    [z.array(z.number()), {}, 'Harus berupa daftar'],
    [z.string(), undefined, 'Wajib diisi'],
    [z.string().min(1), '', 'Wajib diisi'],
    [z.string().min(5), 'ab', 'Minimal 5 karakter'],
    [z.string().max(3), 'abcd', 'Paling panjang 3 karakter'],
    [z.array(z.number()).max(2), [1, 2, 3], 'Paling banyak 2 butir'],
    [z.array(z.number()).min(1), [], 'Minimal berisi satu butir'],
    [z.number().min(1), 0, 'Paling kecil 1'],
    [z.number().max(9), 10, 'Paling besar 9'],
    [z.number().positive(), 0, 'Harus lebih dari 0'],
    [z.enum(['a', 'b']), 'c', "Harus salah satu dari: 'a', 'b'"],
    [z.literal('a'), 'b', "Harus bernilai 'a'"],
    [z.string().url(), 'bukan url', 'Harus berupa URL lengkap (https://…)'],
    [z.string().regex(/^\d+$/), 'x', 'Formatnya tidak sesuai'],
    [z.number().multipleOf(5), 7, 'Harus kelipatan 5'],
    [z.object({}).strict(), { a: 1 }, 'Kolom tidak dikenal: a'],
    [z.union([z.string(), z.number()]), true, 'Nilainya tidak valid'],
  ] as const)('%#: %s', (schema, value, expected) => {
    expect(message(schema as z.ZodType, value)).toBe(expected);
  });

  test('a message a schema states itself wins over the default', () => {
    expect(message(z.string({ error: 'Kode OPD harus berupa teks' }), 1)).toBe('Kode OPD harus berupa teks');
  });

  test('fuzzed values against fuzzed simple schemas: never an English default', async () => {
    const schemas = [
      z.string().min(2).max(5),
      z.number().int().min(0).max(10),
      z.boolean(),
      z.enum(['x', 'y']),
      z.array(z.string()).max(1),
      z.object({ a: z.number() }).strict(),
      z.string().regex(/^[a-z]+$/),
      z.string().url(),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.anything({ maxDepth: 2 }), (schema, value) => {
        const r = schema.safeParse(value);
        if (!r.success) for (const issue of r.error.issues) expect(issue.message).not.toMatch(ENGLISH);
      }),
      { numRuns: 300, seed: seedOf('zod defaults') },
    );
  });
});

describe('the error formatter', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // The project's own procedure builder, so its error formatter shapes the answers.
    const testRouter = router({
      broken: publicProcedure.query(() => {
        throw new Error('SQLITE_CORRUPT: database disk image is malformed at /var/lib/adiguna.db');
      }),
      fields: publicProcedure
        .input(z.object({ items: z.array(z.object({ n: z.number() }).strict()) }).strict())
        .query(() => 'ok'),
    });
    const app = express();
    app.use(
      '/trpc',
      createExpressMiddleware({
        router: testRouter,
        createContext: () => ({ principal: null }) as AppContext,
      }),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("regression: a thrown Error's own text (SQL, paths, a stack overflow) reached the user; now a plain 500", async () => {
    const a = await send(`${url}/broken`);
    expect(a.status).toBe(500);
    expect(a.error?.message).toBe('Kesalahan server; coba lagi atau hubungi admin');
    expect(a.text).not.toContain('SQLITE');
    expectIndonesian(a.error?.message, 'internal');
  });

  test('an array of many bad items names at most 50 fields (the answer stays small)', async () => {
    const items = Array.from({ length: 60 }, () => ({ n: 'x' }));
    const a = await send(`${url}/fields?input=${encodeURIComponent(JSON.stringify({ items }))}`);
    expect(a.status).toBe(400);
    const keys = Object.keys(a.error?.data.fieldErrors ?? {});
    expect(keys).toHaveLength(50);
    expect(keys[0]).toBe('items.0.n');
    expect(a.error?.message).toBe('Masukan tidak valid: items.0.n: Harus berupa angka');
  });

  test('keys named like Object.prototype members are fields like any other', async () => {
    const input = '{"items":[{"n":1,"constructor":1,"__proto__":2,"toString":3}]}';
    const a = await send(`${url}/fields?input=${encodeURIComponent(input)}`);
    expect(a.error?.data.fieldErrors).toEqual({
      'items.0.constructor': ['Kolom tidak dikenal'],
      'items.0.__proto__': ['Kolom tidak dikenal'],
      'items.0.toString': ['Kolom tidak dikenal'],
    });
  });
});
