// OPD data entry: each save checks, on the server, that the account may write this OPD's figure
// for this period (scope and deadline), that nobody saved a newer version meanwhile (conflict),
// then writes the figure, its audit row and its rollups in one transaction and announces it.
import { z } from 'zod';
import {
  complaintEntry,
  ikmEntry,
  progressEntry,
  realisationEntry,
  serviceRecordEntry,
  spbeLevelEntry,
} from '../../shared/entry';
import { periodSchema, yearSchema } from '../../shared/schemas';
import { monthKey, parseMonth, wibParts } from '../../shared/time';
import { assertCanWrite, assertVersion, budgetPeriod, deadlineOf, lockReason } from '../auth/policy';
import { getRealisation, stageOn } from '../db/queries/budget';
import {
  complaintCodeExists,
  frameworkForYear,
  ikmSurveyExists,
  indexScoreVersion,
  indicatorIdByNo,
  kecamatanIdByCode,
  opdById,
  opdProgrammesForPeriod,
  opdSubKegiatanForMonth,
  programmeMeta,
  returnedFigures,
  selfAssessmentId,
  serviceByCode,
  spbeSelfAssessment,
  subKegiatanMeta,
} from '../db/queries/entry';
import type { ChangeRow } from '../db/queries/freshness';
import { getProgress } from '../db/queries/masterplan';
import { opdReports } from '../db/queries/periods';
import { opdByCode } from '../db/queries/reference';
import { type AppContext, procedure, router, TRPCError } from '../trpc';
import {
  type Actor,
  recordComplaint,
  saveIkmSurvey,
  saveIndexScore,
  saveProgress,
  saveRealisation,
} from '../writes';
import { recordServiceBatch } from '../writes/batch';

const WRITERS = ['admin', 'opd'] as const;

function actorOf(ctx: AppContext, reason: string | null = null): Actor {
  const p = ctx.principal;
  return { userId: p?.kind === 'user' ? p.user.id : null, source: 'manual', reason };
}

function publish(ctx: AppContext, change: ChangeRow | null): void {
  if (change) ctx.bus.publish(change);
}

/** The OPD the page is about: an operator's own, or one an admin/verifier picks. */
function opdOf(ctx: AppContext, opdCode: string | undefined): { id: number; code: string } {
  const p = ctx.principal;
  if (p?.kind === 'user' && p.user.role === 'opd') {
    if (p.user.opdId === null || p.user.opdCode === null)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Akun OPD tanpa OPD' });
    return { id: p.user.opdId, code: p.user.opdCode };
  }
  if (!opdCode) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Pilih OPD terlebih dahulu' });
  const o = opdByCode(ctx.db, opdCode);
  if (!o) throw new TRPCError({ code: 'NOT_FOUND', message: `Tidak ada OPD dengan kode '${opdCode}'` });
  return { id: o.id, code: o.code };
}

const lastMonthPeriod = (nowMs: number) => {
  const p = wibParts(nowMs);
  return p.month === 1 ? monthKey(p.year - 1, 12) : monthKey(p.year, p.month - 1);
};

export const entryRouter = router({
  /** What is due this period, what is late, and what came back from the verifier. */
  home: procedure
    .meta({ roles: ['admin', 'verifier', 'opd'] })
    .input(
      z
        .object({ opdCode: z.string().max(40).optional() })
        .strict()
        .optional(),
    )
    .query(({ ctx, input }) => {
      const opd = opdOf(ctx, input?.opdCode);
      const now = ctx.clock();
      // Last month is due until its deadline; after that the month in progress is the one to fill.
      const lastMonth = lastMonthPeriod(now);
      const current =
        now <= deadlineOf(ctx.db, 'budget', lastMonth)
          ? lastMonth
          : monthKey(wibParts(now).year, wibParts(now).month);
      // The period due now and the two before it (regression: after the 10th the page said
      // "November is due" but listed only August–October).
      const { year: cy, month: cm } = parseMonth(current);
      const periods = [0, 1, 2].map((back) => {
        const idx = cy * 12 + (cm - 1) - back;
        return monthKey(Math.floor(idx / 12), (idx % 12) + 1);
      });
      const status = (['budget', 'masterplan'] as const).flatMap((family) =>
        periods.map((period) => {
          const row = opdReports(ctx.db, family, period).find((r) => r.opdId === opd.id);
          const deadline = deadlineOf(ctx.db, family, period);
          return {
            family,
            period,
            deadline: new Date(deadline).toISOString(),
            expected: row?.expected ?? 0,
            reported: row?.rows ?? 0,
            firstAt: row?.firstAt ?? null,
            locked: lockReason(ctx.db, family, period, opd.id, now) !== null,
            state:
              (row?.expected ?? 0) === 0
                ? ('tidak_wajib' as const)
                : (row?.rows ?? 0) >= (row?.expected ?? 0)
                  ? ('lengkap' as const)
                  : now > deadline
                    ? ('terlambat' as const)
                    : ('belum' as const),
          };
        }),
      );
      return { opd, currentPeriod: current, status, returned: returnedFigures(ctx.db, opd.id) };
    }),

  /** The OPD's sub kegiatan with one month's realisation, for the form. */
  subKegiatan: procedure
    .meta({ roles: ['admin', 'verifier', 'opd'] })
    .input(
      z
        .object({
          opdCode: z.string().max(40).optional(),
          year: yearSchema,
          month: z.number().int().min(1).max(12),
        })
        .strict(),
    )
    .query(({ ctx, input }) => {
      const opd = opdOf(ctx, input.opdCode);
      const now = ctx.clock();
      const period = budgetPeriod(input.year, input.month);
      const stage = stageOn(ctx.db, input.year, new Date(now).toISOString().slice(0, 10));
      return {
        opd,
        period,
        stage,
        locked: lockReason(ctx.db, 'budget', period, opd.id, now),
        rows: opdSubKegiatanForMonth(ctx.db, opd.id, input.year, input.month, stage),
      };
    }),

  /** The programmes the OPD coordinates with one period's progress, for the form. */
  programmes: procedure
    .meta({ roles: ['admin', 'verifier', 'opd'] })
    .input(z.object({ opdCode: z.string().max(40).optional(), period: periodSchema }).strict())
    .query(({ ctx, input }) => {
      const opd = opdOf(ctx, input.opdCode);
      return {
        opd,
        period: input.period,
        locked: lockReason(ctx.db, 'masterplan', input.period, opd.id, ctx.clock()),
        rows: opdProgrammesForPeriod(ctx.db, opd.id, input.period),
      };
    }),

  saveRealisation: procedure
    .meta({ roles: WRITERS })
    .input(realisationEntry)
    .mutation(({ ctx, input }) => {
      const sub = subKegiatanMeta(ctx.db, input.subKegiatanId);
      if (!sub)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `Sub kegiatan ${input.subKegiatanId} tidak ditemukan`,
        });
      const now = ctx.clock();
      const period = budgetPeriod(sub.year, input.month);
      assertCanWrite(
        ctx.db,
        ctx.principal,
        { opdId: sub.opdId, opdCode: sub.opdCode, family: 'budget', period, reason: input.reason },
        now,
      );
      const current = getRealisation(ctx.db, sub.id, input.month);
      assertVersion(
        current,
        input.expectedVersion,
        current && { sp2dRp: current.sp2dRp, spjRp: current.spjRp, fisikPct: current.fisikPct },
      );
      const change = saveRealisation(
        ctx.db,
        {
          subKegiatanId: sub.id,
          month: input.month,
          sp2dRp: input.sp2dRp,
          spjRp: input.spjRp,
          fisikPct: input.fisikPct,
        },
        actorOf(ctx, input.reason),
        now,
      );
      publish(ctx, change);
      return { version: getRealisation(ctx.db, sub.id, input.month)?.version ?? 1, changeId: change.id };
    }),

  saveProgress: procedure
    .meta({ roles: WRITERS })
    .input(progressEntry)
    .mutation(({ ctx, input }) => {
      const prog = programmeMeta(ctx.db, input.programmeId);
      if (!prog)
        throw new TRPCError({ code: 'NOT_FOUND', message: `Program ${input.programmeId} tidak ditemukan` });
      const now = ctx.clock();
      assertCanWrite(
        ctx.db,
        ctx.principal,
        {
          opdId: prog.opdId,
          opdCode: prog.opdCode,
          family: 'masterplan',
          period: input.period,
          reason: input.reason,
        },
        now,
      );
      const current = getProgress(ctx.db, prog.id, input.period);
      assertVersion(current, input.expectedVersion, current);
      const { expectedVersion: _v, reason, ...w } = input;
      const change = saveProgress(ctx.db, w, actorOf(ctx, reason), now);
      publish(ctx, change);
      return { version: getProgress(ctx.db, prog.id, input.period)?.version ?? 1, changeId: change.id };
    }),

  saveServiceRecord: procedure
    .meta({ roles: WRITERS })
    .input(serviceRecordEntry)
    .mutation(({ ctx, input }) => {
      const svc = serviceByCode(ctx.db, input.serviceCode);
      if (!svc)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Kode layanan '${input.serviceCode}' tidak dikenal`,
        });
      const kec = input.kecamatanCode ? kecamatanIdByCode(ctx.db, input.kecamatanCode) : null;
      if (kec === undefined)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Kode kecamatan '${input.kecamatanCode}' tidak dikenal`,
        });
      assertCanWrite(
        ctx.db,
        ctx.principal,
        { opdId: svc.opdId, opdCode: svc.opdCode, family: null, period: null, reason: null },
        ctx.clock(),
      );
      const r = recordServiceBatch(
        ctx.db,
        [
          {
            serviceId: svc.id,
            kecamatanId: kec,
            submittedMs: Date.parse(input.submittedAt),
            completedMs: input.completedAt === null ? null : Date.parse(input.completedAt),
            sourceId: input.sourceId,
          },
        ],
        actorOf(ctx),
        ctx.clock(),
      );
      publish(ctx, r.change);
      return { inserted: r.inserted, completed: r.completed, unchanged: r.unchanged };
    }),

  saveComplaint: procedure
    .meta({ roles: WRITERS })
    .input(complaintEntry)
    .mutation(({ ctx, input }) => {
      const p = ctx.principal;
      const opdCode = input.opdCode ?? (p?.kind === 'user' ? p.user.opdCode : null);
      const opd = opdCode ? opdByCode(ctx.db, opdCode) : undefined;
      if (!opd)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Kode OPD '${opdCode ?? ''}' tidak dikenal` });
      assertCanWrite(
        ctx.db,
        ctx.principal,
        { opdId: opd.id, opdCode: opd.code, family: null, period: null, reason: null },
        ctx.clock(),
      );
      if (!complaintCodeExists(ctx.db, 'channel', input.channel))
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Kanal '${input.channel}' tidak dikenal` });
      if (!complaintCodeExists(ctx.db, 'topic', input.topic))
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Topik '${input.topic}' tidak dikenal` });
      if (!complaintCodeExists(ctx.db, 'category', input.category))
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Kategori '${input.category}' tidak dikenal` });
      if (input.kecamatanCode && kecamatanIdByCode(ctx.db, input.kecamatanCode) === undefined) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Kode kecamatan '${input.kecamatanCode}' tidak dikenal`,
        });
      }
      const change = recordComplaint(
        ctx.db,
        {
          channel: input.channel,
          topic: input.topic,
          category: input.category,
          opdCode: opd.code,
          kecamatanCode: input.kecamatanCode,
          receivedMs: Date.parse(input.receivedAt),
          firstResponseMs: input.firstResponseAt === null ? null : Date.parse(input.firstResponseAt),
          resolvedMs: input.resolvedAt === null ? null : Date.parse(input.resolvedAt),
          sourceId: input.sourceId,
        },
        actorOf(ctx),
        ctx.clock(),
      );
      publish(ctx, change);
      return { changeId: change.id };
    }),

  saveIkm: procedure
    .meta({ roles: WRITERS })
    .input(ikmEntry)
    .mutation(({ ctx, input }) => {
      const opd = opdById(ctx.db, input.opdId);
      if (!opd)
        throw new TRPCError({ code: 'NOT_FOUND', message: `Unit layanan ${input.opdId} tidak ditemukan` });
      assertCanWrite(
        ctx.db,
        ctx.principal,
        { opdId: opd.id, opdCode: opd.code, family: null, period: null, reason: null },
        ctx.clock(),
      );
      if (ikmSurveyExists(ctx.db, opd.id, input.period))
        throw new TRPCError({
          code: 'CONFLICT',
          message: `Survei ${input.period} untuk ${opd.code} sudah ada`,
        });
      const change = saveIkmSurvey(ctx.db, { ...input, serviceId: null }, actorOf(ctx), ctx.clock());
      publish(ctx, change);
      return { changeId: change.id };
    }),

  /** The year's SPBE self-assessment: every indicator of the framework in force, with level and evidence. */
  spbe: procedure
    .meta({ roles: ['admin', 'verifier', 'executive'] })
    .input(z.object({ year: yearSchema }).strict())
    .query(({ ctx, input }) => {
      const fw = frameworkForYear(ctx.db, input.year);
      if (fw === undefined)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Tidak ada kerangka indeks untuk tahun ${input.year}`,
        });
      return { year: input.year, rows: spbeSelfAssessment(ctx.db, fw, input.year) };
    }),

  /** SPBE self-assessment level of one indicator (Dinkominfo's administrators). */
  saveSpbeLevel: procedure
    .meta({ roles: ['admin'] })
    .input(spbeLevelEntry)
    .mutation(({ ctx, input }) => {
      const now = ctx.clock();
      const fw = frameworkForYear(ctx.db, input.year);
      if (fw === undefined)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Tidak ada kerangka indeks untuk tahun ${input.year}`,
        });
      const indicator = indicatorIdByNo(ctx.db, fw, input.indicatorNo);
      if (indicator === undefined)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Indikator nomor ${input.indicatorNo} tidak ada`,
        });
      const at = new Date(now).toISOString();
      const assessment = ctx.db.transaction(() => selfAssessmentId(ctx.db, fw, input.year, at))();
      const current = indexScoreVersion(ctx.db, assessment, indicator);
      assertVersion(current, input.expectedVersion, current && { level: current.level });
      const change = saveIndexScore(
        ctx.db,
        { assessmentId: assessment, indicatorId: indicator, level: input.level, evidence: input.evidence },
        actorOf(ctx),
        now,
      );
      publish(ctx, change);
      return { changeId: change.id, version: indexScoreVersion(ctx.db, assessment, indicator)?.version ?? 1 };
    }),
});
