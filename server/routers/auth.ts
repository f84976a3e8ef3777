// Signing in and out. Failed logins are throttled per account and per address, attempts still
// being checked included (server/auth/throttle.ts); a success clears the account's counter.
// Sessions live in an httpOnly SameSite=Strict cookie.
import { changePasswordInput, loginInput } from '../../shared/schemas';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords';
import { endSession, startSession } from '../auth/session';
import { admitLogin, loginKeys } from '../auth/throttle';
import type { Role } from '../db/queries/auth';
import {
  clearLoginFailures,
  deleteUserSessions,
  recordLoginFailure,
  setPasswordHash,
  userByName,
} from '../db/queries/auth';
import { appendAudit } from '../db/queries/freshness';
import { procedure, publicProcedure, router, TRPCError } from '../trpc';

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const now = ctx.clock();
    const keys = loginKeys(input.username, ctx.req?.ip ?? 'local');
    const release = await admitLogin(ctx.db, keys, now);
    if (!release) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: 'Terlalu banyak percobaan masuk; coba lagi dalam 15 menit',
      });
    }
    let user: ReturnType<typeof userByName>;
    try {
      user = userByName(ctx.db, input.username);
      const ok = await verifyPassword(user?.active === 1 ? user.passwordHash : null, input.password);
      if (!ok || !user) {
        recordLoginFailure(ctx.db, [keys.account, keys.address], now);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Nama pengguna atau kata sandi salah' });
      }
    } finally {
      release();
    }
    clearLoginFailures(ctx.db, keys.account);
    if (!ctx.req || !ctx.res)
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Masuk hanya melalui HTTP' });
    // A new session id at every sign-in; the session the browser held before ends (fixation).
    const { csrfToken } = startSession(ctx.db, ctx.req, ctx.res, user.id, now);
    return { user: publicUser(user), csrfToken };
  }),

  logout: publicProcedure.mutation(({ ctx }) => {
    if (ctx.req && ctx.res) endSession(ctx.db, ctx.req, ctx.res);
    return { ok: true };
  }),

  /** The signed-in user and the CSRF token the client must send with mutations; null when signed out. */
  me: publicProcedure.query(({ ctx }) => {
    const p = ctx.principal;
    if (p?.kind !== 'user') return null;
    return { user: publicUser(p.user), csrfToken: p.csrfToken };
  }),

  changePassword: procedure
    .meta({ roles: ['admin', 'verifier', 'opd', 'executive'] })
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const p = ctx.principal;
      if (p?.kind !== 'user')
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Silakan masuk terlebih dahulu' });
      if (!(await verifyPassword(p.user.passwordHash, input.current))) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Kata sandi lama salah' });
      }
      const problem = passwordProblem(input.next);
      if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      const at = new Date(ctx.clock()).toISOString();
      const hash = await hashPassword(input.next);
      ctx.db.transaction(() => {
        setPasswordHash(ctx.db, p.user.id, hash, at);
        // Other sessions of this account end: a changed password should lock out whoever knew the old one.
        deleteUserSessions(ctx.db, p.user.id, p.sessionHash);
        appendAudit(ctx.db, {
          at,
          userId: p.user.id,
          entity: 'app_user',
          entityId: String(p.user.id),
          opdId: p.user.opdId,
          action: 'update',
          oldJson: null,
          newJson: JSON.stringify({ password: 'diganti' }),
          reason: null,
          source: 'manual',
        });
      })();
      return { ok: true };
    }),
});

export function publicUser(u: {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  opdId: number | null;
  opdCode: string | null;
}) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    opdId: u.opdId,
    opdCode: u.opdCode,
  };
}
