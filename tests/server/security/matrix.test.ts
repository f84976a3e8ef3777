// The role × procedure matrix over real HTTP, generated from the router: every procedure is called
// as every kind of caller (anonymous, a disabled account, a revoked or a feed token, a display
// token, each user role) and must be refused with 401/403 and the policy's Indonesian message
// exactly when its declared roles say so. Then, for every OPD-scoped mutation, an operator aiming
// at another OPD's figure is refused and nothing changes, while its own figure is written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../../server/trpc';
import { makeTestDb } from '../../helpers/db';
import { createUser } from '../../helpers/users';
import {
  type Auth,
  allows,
  MUTATIONS,
  makeWorld,
  OPD,
  OTHER_OPD,
  type Outcome,
  PROCEDURES,
  type Proc,
  ROLE_LABEL,
  rpc,
  session,
  totalChanges,
  USER_ROLES,
  type World,
} from './fixtures';

let w: World;

beforeAll(async () => {
  const t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
  w = await makeWorld(t);
  createUser(t, 'sec-nonaktif', 'executive');
  t.db.prepare("UPDATE app_user SET active = 0 WHERE username = 'sec-nonaktif'").run();
});
afterAll(async () => {
  await w.server.close();
  w.t.close();
});

type Caller = { name: string; role: Role | null; auth: () => Auth };
const callers = (): Caller[] => [
  { name: 'anonim', role: null, auth: () => ({}) },
  { name: 'akun nonaktif', role: null, auth: () => session(w.t, 'sec-nonaktif') },
  { name: 'token dicabut', role: null, auth: () => ({ bearer: w.revoked }) },
  { name: 'token feed', role: null, auth: () => ({ bearer: w.feed }) },
  { name: 'layar', role: 'display', auth: () => ({ bearer: w.display }) },
  ...USER_ROLES.map((role) => ({ name: role, role, auth: () => session(w.t, w.users[role]) })),
];

const POLICY_REFUSAL =
  /^(Silakan masuk terlebih dahulu|Peran .* tidak berwenang untuk |Token keamanan \(CSRF\))/;

describe('role × procedure over HTTP (generated from the router)', () => {
  test('the router names exactly the user roles of the policy and the display role', () => {
    const named = new Set(PROCEDURES.flatMap((p) => (p.roles === 'public' ? [] : [...p.roles])));
    expect([...named].sort()).toEqual([...USER_ROLES, 'display'].sort());
    expect(PROCEDURES.length).toBeGreaterThan(60);
    expect(PROCEDURES.filter((p) => p.roles !== 'public' && p.roles.length === 0)).toEqual([]);
  });

  test.each(PROCEDURES.map((p) => [p.path, p] as const))('%s', async (_path, p: Proc) => {
    const results: string[] = [];
    for (const c of callers()) {
      const auth = c.auth();
      // `{}` never makes a real change: every mutation needs more input than that (logout has
      // none and ends only the fresh session it is called with).
      const out: Outcome = await rpc(w.server, p, {}, auth);
      const allowed = p.roles === 'public' || (c.role !== null && allows(p, c.role));
      let expected: string;
      if (allowed) {
        expected = 'diizinkan';
        if (out.status === 401 || (out.message !== null && POLICY_REFUSAL.test(out.message)))
          expected = `diizinkan, tetapi ${out.status} ${out.message}`;
      } else if (c.role === null) {
        expected =
          out.status === 401 && out.message === 'Silakan masuk terlebih dahulu' ? 'ditolak 401' : 'salah';
      } else {
        const msg = `Peran ${ROLE_LABEL[c.role]} tidak berwenang untuk ${p.path}`;
        expected = out.status === 403 && out.message === msg ? 'ditolak 403' : 'salah';
      }
      results.push(`${c.name}: ${expected}${expected === 'salah' ? ` (${out.status} ${out.message})` : ''}`);
    }
    const want = callers().map((c) => {
      const allowed = p.roles === 'public' || (c.role !== null && allows(p, c.role));
      return `${c.name}: ${allowed ? 'diizinkan' : c.role === null ? 'ditolak 401' : 'ditolak 403'}`;
    });
    expect(results).toEqual(want);
  });
});

/** Mutations an OPD operator may make that write an OPD's data (changing one's password does not). */
const OPD_SCOPED = MUTATIONS.filter(
  (p) => p.roles !== 'public' && p.roles.includes('opd') && p.path !== 'auth.changePassword',
);

describe('one OPD can never write another OPD’s figures', () => {
  test('the OPD-scoped mutations are found in the router', () => {
    expect(OPD_SCOPED.map((p) => p.path).sort()).toEqual(
      expect.arrayContaining(['entry.saveRealisation', 'entry.saveProgress', 'followUp.report']),
    );
  });

  test.each(OPD_SCOPED.map((p) => [p.path, p] as const))(
    `%s: ${OPD}'s operator aiming at ${OTHER_OPD} is refused; its own is written`,
    async (_path, p: Proc) => {
      const prepared = await w.prepare(p.path);
      expect(prepared.crossOpd, `a cross-OPD input for ${p.path} in fixtures.ts`).toBeDefined();
      const auth = session(w.t, w.users.opd);
      const before = totalChanges(w.t);
      const cross = await rpc(w.server, p, prepared.crossOpd, auth);
      expect(cross.status).toBe(403);
      expect(cross.message).toMatch(
        new RegExp(`hanya boleh mengisi data ${OPD}, bukan ${OTHER_OPD}|milik .*; OPD lain tidak dapat`),
      );
      expect(totalChanges(w.t)).toBe(before);
      // The other OPD's own operator may (the input itself was valid).
      const own = await rpc(w.server, p, prepared.input, auth);
      expect([own.status, own.message]).toEqual([200, null]);
      expect(totalChanges(w.t)).toBeGreaterThan(before);
      const other = await rpc(w.server, p, prepared.crossOpd, session(w.t, w.otherOpd));
      expect([other.status, other.message]).toEqual([200, null]);
    },
  );

  test('an operator reads only its own OPD, whatever opdCode it sends', async () => {
    const auth = session(w.t, w.users.opd);
    const home = await rpc(w.server, { path: 'entry.home', type: 'query' }, { opdCode: OTHER_OPD }, auth);
    expect(home.data).toMatchObject({ opd: { code: OPD } });
    const subs = await rpc(
      w.server,
      { path: 'entry.subKegiatan', type: 'query' },
      { opdCode: OTHER_OPD, year: 2026, month: 11 },
      auth,
    );
    expect(subs.data).toMatchObject({ opd: { code: OPD } });
    const audit = await rpc(w.server, { path: 'audit.byOpd', type: 'query' }, { opdCode: OTHER_OPD }, auth);
    expect([audit.status, audit.message]).toEqual([
      403,
      'Akun OPD hanya dapat melihat jejak audit OPD-nya sendiri',
    ]);
    const exp = await fetch(`${w.server.url}/api/export/realisasi?opd=${OTHER_OPD}&year=2026&month=11`, {
      headers: { cookie: auth.cookie },
    });
    expect(exp.status).toBe(403);
  });
});
