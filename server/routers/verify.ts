// Verification by Bappelitbangda: submitted → verified, or returned with a note. Every decision
// is audited and announced; screens can tell verified figures from unverified ones.
import { z } from 'zod';
import { appendAudit, appendChange } from '../db/queries/freshness';
import { opdByCode } from '../db/queries/reference';
import {
  bumpBudgetVerified,
  figureState,
  setVerification,
  verificationQueue,
} from '../db/queries/verification';
import { procedure, router, TRPCError } from '../trpc';

const family = z.enum(['budget', 'masterplan'], { error: 'Jenis data harus budget atau masterplan' });

export const verifyRouter = router({
  queue: procedure
    .meta({ roles: ['admin', 'verifier'] })
    .input(
      z
        .object({
          family,
          opdCode: z.string().max(40).optional(),
          limit: z.number().int().min(1).max(500).default(200),
        })
        .strict(),
    )
    .query(({ ctx, input }) => {
      const opd = input.opdCode ? opdByCode(ctx.db, input.opdCode) : undefined;
      if (input.opdCode && !opd)
        throw new TRPCError({ code: 'NOT_FOUND', message: `Tidak ada OPD dengan kode '${input.opdCode}'` });
      return verificationQueue(ctx.db, input.family, opd?.id ?? null, input.limit);
    }),

  decide: procedure
    .meta({ roles: ['admin', 'verifier'] })
    .input(
      z
        .object({
          family,
          id: z.number().int().positive(),
          decision: z.enum(['verified', 'returned'], { error: 'Keputusan harus verified atau returned' }),
          note: z.string().trim().max(1000, 'Catatan paling panjang 1000 karakter').optional(),
        })
        .strict()
        .refine((d) => d.decision === 'verified' || (d.note ?? '').length > 0, {
          message: 'Catatan wajib diisi saat mengembalikan data',
          path: ['note'],
        }),
    )
    .mutation(({ ctx, input }) => {
      const p = ctx.principal;
      if (p?.kind !== 'user')
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Silakan masuk terlebih dahulu' });
      const at = new Date(ctx.clock()).toISOString();
      const change = ctx.db.transaction(() => {
        const fig = figureState(ctx.db, input.family, input.id);
        if (!fig) throw new TRPCError({ code: 'NOT_FOUND', message: `Data ${input.id} tidak ditemukan` });
        if (fig.verification === input.decision) {
          throw new TRPCError({
            code: 'CONFLICT',
            message: `Data ${fig.label} sudah berstatus ${input.decision}`,
          });
        }
        setVerification(ctx.db, input.family, input.id, {
          state: input.decision,
          note: input.note ?? null,
          by: p.user.id,
          at,
        });
        if (input.family === 'budget' && fig.subKegiatanId !== null && fig.month !== null) {
          const delta = (input.decision === 'verified' ? 1 : 0) - (fig.verification === 'verified' ? 1 : 0);
          if (delta !== 0) bumpBudgetVerified(ctx.db, fig.subKegiatanId, fig.month, delta);
        }
        appendAudit(ctx.db, {
          at,
          userId: p.user.id,
          entity: input.family === 'budget' ? 'budget_realisation' : 'programme_progress',
          entityId: fig.entityId,
          opdId: fig.opdId,
          action: input.decision === 'verified' ? 'verify' : 'return',
          oldJson: JSON.stringify({ verification: fig.verification }),
          newJson: JSON.stringify({ verification: input.decision }),
          reason: input.note ?? null,
          source: 'manual',
        });
        const summary = `${input.decision === 'verified' ? 'Terverifikasi' : 'Dikembalikan'}: ${fig.label}`;
        const id = appendChange(ctx.db, {
          at,
          topic: input.family,
          year: fig.year,
          opdId: fig.opdId,
          summary,
        });
        return { id, at, topic: input.family, year: fig.year, opdId: fig.opdId, summary };
      })();
      ctx.bus.publish(change);
      return { ok: true };
    }),
});
