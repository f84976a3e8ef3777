// Every procedure of the router against every role, generated from the router itself: a new
// procedure without a policy, or a mutation a role should not reach, fails here.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appRouter } from '../../../server/routers/_app';
import type { Meta, Principal, Role } from '../../../server/trpc';
import { makeTestDb, type TestDb } from '../../helpers/db';
import { callerAs, createUser, displayPrincipal, principalFor } from '../../helpers/users';

type Def = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: Meta } };
const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, Def> } })._def.procedures,
);

let t: TestDb;
const principals = new Map<Role | 'anonim', Principal | null>();

beforeAll(() => {
  t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
  const adminId = createUser(t, 'admin-uji', 'admin');
  createUser(t, 'verif-uji', 'verifier');
  createUser(t, 'opd-uji', 'opd', 'DINKES');
  createUser(t, 'pimpinan-uji', 'executive');
  principals.set('anonim', null);
  principals.set('admin', principalFor(t, 'admin-uji'));
  principals.set('verifier', principalFor(t, 'verif-uji'));
  principals.set('opd', principalFor(t, 'opd-uji'));
  principals.set('executive', principalFor(t, 'pimpinan-uji'));
  principals.set('display', displayPrincipal(t, adminId));
});
afterAll(() => t.close());

async function call(principal: Principal | null, path: string, type: string): Promise<unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: walking the caller proxy by a dotted path
  let fn: any = callerAs(t, principal);
  for (const part of path.split('.')) fn = fn[part];
  if (type === 'subscription') return (fn as (i: unknown) => Promise<unknown>)(undefined);
  return (fn as (i: unknown) => Promise<unknown>)({});
}

describe('role × procedure policy', () => {
  test('every procedure declares who may call it', () => {
    expect(procedures.length).toBeGreaterThan(20);
    const missing = procedures.filter(([, p]) => p._def.meta?.roles === undefined).map(([path]) => path);
    expect(missing).toEqual([]);
  });

  test('every mutation except signing in and out requires a role', () => {
    const open = procedures
      .filter(([, p]) => p._def.type === 'mutation' && p._def.meta?.roles === 'public')
      .map(([path]) => path);
    expect(open.sort()).toEqual(['auth.login', 'auth.logout']);
  });

  const mutations = procedures.filter(
    ([, p]) => p._def.type === 'mutation' && Array.isArray(p._def.meta?.roles),
  );
  const roles: (Role | 'anonim')[] = ['anonim', 'admin', 'verifier', 'opd', 'executive', 'display'];
  test.each(
    mutations.flatMap(([path, p]) =>
      roles.map(
        (role) => [path, role, ((p._def.meta?.roles ?? []) as Role[]).includes(role as Role)] as const,
      ),
    ),
  )('%s as %s: allowed = %s', async (path, role, allowed) => {
    const outcome = await call(principals.get(role) ?? null, path, 'mutation').then(
      () => 'ok',
      (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
    );
    if (role === 'anonim') expect(outcome).toMatch(/^UNAUTHORIZED:/);
    else if (!allowed) expect(outcome).toMatch(/^FORBIDDEN:Peran .* tidak berwenang/);
    else expect(outcome).not.toMatch(/^(UNAUTHORIZED|FORBIDDEN):(Silakan masuk|Peran|Token keamanan)/);
  });

  test('a display token cannot write anything', async () => {
    for (const [path] of mutations) {
      await expect(call(principals.get('display') ?? null, path, 'mutation')).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|UNAUTHORIZED/),
      });
    }
  });

  test('a cookie-authenticated mutation without the CSRF header is refused before anything else', async () => {
    const admin = principals.get('admin') ?? null;
    const caller = callerAs(t, admin, 'salah');
    await expect(
      caller.admin.setDeadline({
        family: 'budget',
        period: '2026-11',
        deadlineAt: '2026-12-10T23:59:00+07:00',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('CSRF'),
    });
    await expect(
      callerAs(t, admin).admin.setDeadline({
        family: 'budget',
        period: '2026-11',
        deadlineAt: '2026-12-10T23:59:00+07:00',
      }),
    ).resolves.toEqual({ ok: true });
  });
});
