// Administration by Dinkominfo: accounts and roles, API tokens for system feeds, reporting
// deadlines and reopening a locked period for one OPD (with a reason). Every change is audited.
import { z } from 'zod';
import { instantSchema } from '../../shared/entry';
import { periodSchema } from '../../shared/schemas';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { randomToken, sha256 } from '../auth/session';
import {
  countAdmins,
  deleteUserSessions,
  insertToken,
  insertUser,
  listTokens,
  listUsers,
  revokeToken,
  setPasswordHash,
  updateUser,
  userById,
  userByName,
} from '../db/queries/auth';
import { allOpds, updateOpd } from '../db/queries/entry';
import { appendAudit, appendChange } from '../db/queries/freshness';
import { reopenPeriod, setDeadline } from '../db/queries/periods';
import { opdByCode } from '../db/queries/reference';
import { type AppContext, procedure, router, TRPCError } from '../trpc';

const ROLE = z.enum(['admin', 'verifier', 'opd', 'executive'], { error: 'Peran tidak dikenal' });
const ADMIN = { roles: ['admin'] as const };

function adminId(ctx: AppContext): number {
  const p = ctx.principal;
  if (p?.kind !== 'user')
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Silakan masuk terlebih dahulu' });
  return p.user.id;
}

function audit(
  ctx: AppContext,
  entity: string,
  entityId: string,
  action: string,
  oldValue: unknown,
  newValue: unknown,
  reason: string | null = null,
  opdId: number | null = null,
) {
  appendAudit(ctx.db, {
    at: new Date(ctx.clock()).toISOString(),
    userId: adminId(ctx),
    entity,
    entityId,
    opdId,
    action,
    oldJson: oldValue === null ? null : JSON.stringify(oldValue),
    newJson: JSON.stringify(newValue),
    reason,
    source: 'manual',
  });
}

function opdIdFor(ctx: AppContext, role: string, opdCode: string | null | undefined): number | null {
  if (role !== 'opd') return null;
  if (!opdCode) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Akun operator OPD wajib memilih OPD' });
  const opd = opdByCode(ctx.db, opdCode);
  if (!opd) throw new TRPCError({ code: 'BAD_REQUEST', message: `Tidak ada OPD dengan kode '${opdCode}'` });
  return opd.id;
}

export const adminRouter = router({
  users: procedure.meta(ADMIN).query(({ ctx }) => listUsers(ctx.db)),

  createUser: procedure
    .meta(ADMIN)
    .input(
      z
        .object({
          username: z
            .string()
            .trim()
            .regex(/^[a-z0-9._-]{3,40}$/, 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis'),
          displayName: z.string().trim().min(1, 'Nama tampilan wajib diisi').max(120),
          role: ROLE,
          opdCode: z.string().max(40).nullish(),
          password: z.string().max(200),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const problem = passwordProblem(input.password);
      if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      if (userByName(ctx.db, input.username))
        throw new TRPCError({ code: 'CONFLICT', message: `Nama pengguna '${input.username}' sudah dipakai` });
      const opdId = opdIdFor(ctx, input.role, input.opdCode);
      const passwordHash = await hashPassword(input.password);
      const at = new Date(ctx.clock()).toISOString();
      const id = ctx.db.transaction(() => {
        const newId = insertUser(ctx.db, {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          opdId,
          passwordHash,
          at,
        });
        audit(
          ctx,
          'app_user',
          String(newId),
          'insert',
          null,
          { username: input.username, role: input.role, opdCode: input.opdCode ?? null },
          null,
          opdId,
        );
        return newId;
      })();
      return { id };
    }),

  updateUser: procedure
    .meta(ADMIN)
    .input(
      z
        .object({
          id: z.number().int().positive(),
          displayName: z.string().trim().min(1, 'Nama tampilan wajib diisi').max(120),
          role: ROLE,
          opdCode: z.string().max(40).nullish(),
          active: z.boolean(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const before = userById(ctx.db, input.id);
      if (!before)
        throw new TRPCError({ code: 'NOT_FOUND', message: `Pengguna ${input.id} tidak ditemukan` });
      const opdId = opdIdFor(ctx, input.role, input.opdCode);
      ctx.db.transaction(() => {
        updateUser(ctx.db, input.id, {
          displayName: input.displayName,
          role: input.role,
          opdId,
          active: input.active,
        });
        if (countAdmins(ctx.db) === 0)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'Harus tetap ada paling sedikit satu admin aktif',
          });
        if (!input.active || input.role !== before.role) deleteUserSessions(ctx.db, input.id, null);
        audit(
          ctx,
          'app_user',
          String(input.id),
          'update',
          { role: before.role, active: before.active === 1, opdCode: before.opdCode },
          { role: input.role, active: input.active, opdCode: input.opdCode ?? null },
          null,
          opdId,
        );
      })();
      return { ok: true };
    }),

  resetPassword: procedure
    .meta(ADMIN)
    .input(z.object({ id: z.number().int().positive(), password: z.string().max(200) }).strict())
    .mutation(async ({ ctx, input }) => {
      const problem = passwordProblem(input.password);
      if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      if (!userById(ctx.db, input.id))
        throw new TRPCError({ code: 'NOT_FOUND', message: `Pengguna ${input.id} tidak ditemukan` });
      const hash = await hashPassword(input.password);
      ctx.db.transaction(() => {
        setPasswordHash(ctx.db, input.id, hash, new Date(ctx.clock()).toISOString());
        deleteUserSessions(ctx.db, input.id, null);
        audit(ctx, 'app_user', String(input.id), 'update', null, { password: 'diatur ulang oleh admin' });
      })();
      return { ok: true };
    }),

  opds: procedure.meta(ADMIN).query(({ ctx }) => allOpds(ctx.db)),

  /** Rename an OPD or deactivate it (reorganisation); its figures and history stay. */
  updateOpd: procedure
    .meta(ADMIN)
    .input(
      z
        .object({
          code: z.string().min(1).max(40),
          name: z.string().trim().min(3, 'Nama OPD minimal 3 karakter').max(200),
          shortName: z.string().trim().min(2, 'Singkatan minimal 2 karakter').max(60),
          active: z.boolean(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const before = opdByCode(ctx.db, input.code);
      if (!before)
        throw new TRPCError({ code: 'NOT_FOUND', message: `Tidak ada OPD dengan kode '${input.code}'` });
      ctx.db.transaction(() => {
        updateOpd(ctx.db, input.code, input);
        audit(
          ctx,
          'opd',
          input.code,
          'update',
          { name: before.name, shortName: before.shortName },
          input,
          null,
          before.id,
        );
      })();
      return { ok: true };
    }),

  tokens: procedure.meta(ADMIN).query(({ ctx }) => listTokens(ctx.db)),

  /** A token for a system feed (queue system, Lapor MasBuP). The token is shown once. */
  createToken: procedure
    .meta(ADMIN)
    .input(
      z
        .object({
          name: z.string().trim().min(1, 'Nama token wajib diisi').max(120),
          kind: z.enum(['feed', 'display']),
          feedSource: z
            .string()
            .trim()
            .regex(/^[a-z0-9-]{2,40}$/, 'Sumber feed: 2–40 huruf kecil, angka atau tanda hubung')
            .nullish(),
          opdCode: z.string().max(40).nullish(),
        })
        .strict()
        .refine((t) => t.kind !== 'feed' || !!t.feedSource, {
          message: 'Token feed wajib menyebut sumbernya',
          path: ['feedSource'],
        }),
    )
    .mutation(({ ctx, input }) => {
      const opd = input.opdCode ? opdByCode(ctx.db, input.opdCode) : undefined;
      if (input.opdCode && !opd)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Tidak ada OPD dengan kode '${input.opdCode}'` });
      const token = randomToken();
      const at = new Date(ctx.clock()).toISOString();
      const id = ctx.db.transaction(() => {
        const newId = insertToken(ctx.db, {
          name: input.name,
          kind: input.kind,
          hash: sha256(token),
          feedSource: input.kind === 'feed' ? (input.feedSource ?? null) : null,
          opdId: opd?.id ?? null,
          at,
          by: adminId(ctx),
        });
        audit(ctx, 'api_token', String(newId), 'insert', null, {
          name: input.name,
          kind: input.kind,
          feedSource: input.feedSource ?? null,
        });
        return newId;
      })();
      return { id, token };
    }),

  revokeToken: procedure
    .meta(ADMIN)
    .input(z.object({ id: z.number().int().positive() }).strict())
    .mutation(({ ctx, input }) => {
      const at = new Date(ctx.clock()).toISOString();
      const change = ctx.db.transaction(() => {
        if (!revokeToken(ctx.db, input.id, at)) return null;
        audit(ctx, 'api_token', String(input.id), 'revoke', null, { revokedAt: at });
        // A revoked display token must turn its wall into the "no longer registered" message at
        // once: players re-read their configuration on topic 'display'.
        const summary = `Token ${input.id} dicabut`;
        const id = appendChange(ctx.db, { at, topic: 'display', year: null, opdId: null, summary });
        return { id, at, topic: 'display', year: null, opdId: null, summary };
      })();
      if (!change)
        throw new TRPCError({ code: 'NOT_FOUND', message: `Token ${input.id} tidak ada atau sudah dicabut` });
      ctx.bus.publish(change);
      return { ok: true };
    }),

  setDeadline: procedure
    .meta(ADMIN)
    .input(
      z
        .object({ family: z.enum(['budget', 'masterplan']), period: periodSchema, deadlineAt: instantSchema })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const at = new Date(ctx.clock()).toISOString();
      ctx.db.transaction(() => {
        setDeadline(
          ctx.db,
          input.family,
          input.period,
          new Date(Date.parse(input.deadlineAt)).toISOString(),
          adminId(ctx),
          at,
        );
        audit(ctx, 'reporting_deadline', `${input.family}:${input.period}`, 'update', null, input);
      })();
      return { ok: true };
    }),

  /** Reopen a locked period for one OPD until a time, with the reason (audited). */
  reopenPeriod: procedure
    .meta(ADMIN)
    .input(
      z
        .object({
          family: z.enum(['budget', 'masterplan']),
          period: periodSchema,
          opdCode: z.string().min(1, 'OPD wajib dipilih').max(40),
          untilAt: instantSchema,
          reason: z
            .string()
            .trim()
            .min(5, 'Alasan membuka kembali wajib diisi (minimal 5 karakter)')
            .max(500),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      const opd = opdByCode(ctx.db, input.opdCode);
      if (!opd)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Tidak ada OPD dengan kode '${input.opdCode}'` });
      const at = new Date(ctx.clock()).toISOString();
      if (Date.parse(input.untilAt) <= ctx.clock())
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Batas waktu buka kembali harus di masa depan' });
      ctx.db.transaction(() => {
        reopenPeriod(ctx.db, {
          family: input.family,
          period: input.period,
          opdId: opd.id,
          untilAt: new Date(Date.parse(input.untilAt)).toISOString(),
          reason: input.reason,
          by: adminId(ctx),
          at,
        });
        audit(
          ctx,
          'period_reopen',
          `${input.family}:${input.period}:${opd.code}`,
          'update',
          null,
          { untilAt: input.untilAt },
          input.reason,
          opd.id,
        );
      })();
      return { ok: true };
    }),
});
