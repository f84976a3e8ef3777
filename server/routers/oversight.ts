// Read-side oversight: the append-only audit trail (per figure, per OPD) and reporting discipline
// (which OPDs reported a period on time, late, or not at all).
import { z } from 'zod';
import { periodSchema } from '../../shared/schemas';
import { complianceOf } from '../compliance';
import { opdByCode } from '../db/queries/reference';
import { auditForFigure, auditForOpd, auditTouchesOpd } from '../db/queries/verification';
import { type AppContext, procedure, publicProcedure, router, TRPCError } from '../trpc';

/** An OPD operator sees only its own OPD's trail; admins, verifiers and executives see all. */
function assertOpdVisible(ctx: AppContext, opdId: number | null): void {
  const p = ctx.principal;
  if (p?.kind === 'user' && p.user.role === 'opd' && p.user.opdId !== opdId) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Akun OPD hanya dapat melihat jejak audit OPD-nya sendiri',
    });
  }
}

export const auditRouter = router({
  byFigure: procedure
    .meta({ roles: ['admin', 'verifier', 'executive', 'opd'] })
    .input(
      z
        .object({
          entity: z.enum([
            'budget_realisation',
            'programme_progress',
            'index_score',
            'service_record',
            'complaint',
            'ikm_survey',
          ]),
          entityId: z.string().min(1).max(60),
        })
        .strict(),
    )
    .query(({ ctx, input }) => {
      const rows = auditForFigure(ctx.db, input.entity, input.entityId);
      const p = ctx.principal;
      // An operator sees a figure's trail only when the figure belongs to its OPD.
      if (
        p?.kind === 'user' &&
        p.user.role === 'opd' &&
        rows.length > 0 &&
        !auditTouchesOpd(ctx.db, input.entity, input.entityId, p.user.opdId)
      ) {
        assertOpdVisible(ctx, null);
      }
      return rows;
    }),

  byOpd: procedure
    .meta({ roles: ['admin', 'verifier', 'executive', 'opd'] })
    .input(
      z
        .object({ opdCode: z.string().min(1).max(40), limit: z.number().int().min(1).max(1000).default(200) })
        .strict(),
    )
    .query(({ ctx, input }) => {
      const opd = opdByCode(ctx.db, input.opdCode);
      if (!opd)
        throw new TRPCError({ code: 'NOT_FOUND', message: `Tidak ada OPD dengan kode '${input.opdCode}'` });
      assertOpdVisible(ctx, opd.id);
      return auditForOpd(ctx.db, opd.id, input.limit);
    }),
});

export const complianceRouter = router({
  /** Per OPD: reported on time, late, or not yet, for a family and period (a wall KPI). */
  byPeriod: publicProcedure
    .input(z.object({ family: z.enum(['budget', 'masterplan']), period: periodSchema }).strict())
    .query(({ ctx, input }) => complianceOf(ctx.db, input.family, input.period, ctx.clock())),
});
