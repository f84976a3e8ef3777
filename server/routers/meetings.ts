// High-level meetings. Executives and admins plan a meeting (date, kind, chair, agenda of pillars
// and OPDs, the walls in the room), start it (its figures are frozen then), step through the
// agenda from the chair (the walls follow), record directions, decisions and follow-ups, and close
// it. OPDs report on their follow-ups; the board of open follow-ups feeds a wall screen.
import { z } from 'zod';
import {
  followUpCreateInput,
  followUpReportInput,
  meetingAgendaInput,
  meetingCreateInput,
  meetingIdInput,
  meetingStepInput,
  navigateInput,
  noteInput,
} from '../../shared/meetings';
import { wibDate } from '../../shared/time';
import { ConflictError } from '../auth/policy';
import { displayById, displayByToken } from '../db/queries/displays';
import { appendAudit, appendChange, type ChangeRow } from '../db/queries/freshness';
import {
  deleteItems,
  followUpById,
  followUpReports,
  followUpsBefore,
  followUpsOfOpd,
  insertFollowUp,
  insertItem,
  insertMeeting,
  insertNote,
  listMeetings,
  type MeetingRow,
  meetingById,
  meetingDisplayIds,
  meetingItems,
  programmeIdByCode,
  reportFollowUp,
  setMeetingDisplays,
  updateMeeting,
} from '../db/queries/meetings';
import { listPillars, opdByCode } from '../db/queries/reference';
import {
  buildSnapshot,
  followUpBoard,
  followUpList,
  followUpView,
  freezeSnapshot,
  frozenSnapshot,
  meetingDetail,
} from '../meetings';
import { type AppContext, procedure, publicProcedure, router, TRPCError } from '../trpc';

const CHAIRS = { roles: ['admin', 'executive'] as const };
const READERS = { roles: ['admin', 'executive', 'verifier'] as const };

function userId(ctx: AppContext): number | null {
  return ctx.principal?.kind === 'user' ? ctx.principal.user.id : null;
}

function nowIso(ctx: AppContext): string {
  return new Date(ctx.clock()).toISOString();
}

function today(ctx: AppContext): string {
  return wibDate(ctx.clock());
}

function mustMeeting(ctx: AppContext, id: number): MeetingRow {
  const m = meetingById(ctx.db, id);
  if (!m) throw new TRPCError({ code: 'NOT_FOUND', message: `Rapat ${id} tidak ditemukan` });
  return m;
}

function conflict(m: MeetingRow): TRPCError {
  return new TRPCError({
    code: 'CONFLICT',
    message: `Rapat '${m.title}' baru saja diubah orang lain; muat ulang lalu coba lagi`,
  });
}

/** Audit row and a 'meeting' change row, inside the caller's transaction; publish after commit. */
function record(
  ctx: AppContext,
  entity: string,
  entityId: number,
  action: string,
  value: unknown,
  opdId: number | null = null,
  oldValue: unknown = null,
): ChangeRow {
  const at = nowIso(ctx);
  appendAudit(ctx.db, {
    at,
    userId: userId(ctx),
    entity,
    entityId: String(entityId),
    opdId,
    action,
    oldJson: oldValue === null ? null : JSON.stringify(oldValue),
    newJson: JSON.stringify(value),
    reason: null,
    source: 'manual',
  });
  const topic = entity === 'follow_up' ? 'followup' : 'meeting';
  const summary = `${entity} ${entityId} ${action}`;
  const id = appendChange(ctx.db, { at, topic, year: null, opdId, summary });
  return { id, at, topic, year: null, opdId, summary };
}

type AgendaInput = z.infer<typeof meetingAgendaInput>['items'];

/**
 * Writes the agenda: overdue follow-ups from earlier meetings open it by themselves (an automatic
 * first item), then the pillars and OPDs as given. Unknown codes are refused by name.
 */
function writeAgenda(
  ctx: AppContext,
  m: Pick<MeetingRow, 'id' | 'year' | 'meetingDate'>,
  items: AgendaInput,
) {
  const pillars = new Set(listPillars(ctx.db, m.year).map((p) => p.code));
  const resolved = items.map((i, n) => {
    if (i.kind === 'pillar') {
      const code = (i.pillarCode ?? '').toUpperCase();
      if (!pillars.has(code))
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Masukan tidak valid: items.${n}.pillarCode: Tidak ada pilar dengan kode '${i.pillarCode}'`,
        });
      return { kind: 'pillar' as const, pillarCode: code, opdId: null };
    }
    const opd = opdByCode(ctx.db, (i.opdCode ?? '').toUpperCase());
    if (!opd)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Masukan tidak valid: items.${n}.opdCode: Tidak ada OPD dengan kode '${i.opdCode}'`,
      });
    return { kind: 'opd' as const, pillarCode: null, opdId: opd.id };
  });
  deleteItems(ctx.db, m.id);
  const overdue = followUpsBefore(ctx.db, m.meetingDate, m.id).some(
    (f) => followUpView(f, m.meetingDate).state === 'terlambat',
  );
  let position = 1;
  if (overdue)
    insertItem(ctx.db, {
      meetingId: m.id,
      position: position++,
      kind: 'followups',
      pillarCode: null,
      opdId: null,
      auto: true,
    });
  for (const r of resolved) insertItem(ctx.db, { meetingId: m.id, position: position++, ...r, auto: false });
}

function checkDisplays(ctx: AppContext, ids: readonly number[]): void {
  ids.forEach((id, n) => {
    if (!displayById(ctx.db, id))
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Masukan tidak valid: displayIds.${n}: Layar ${id} tidak ditemukan`,
      });
  });
}

function assertState(m: MeetingRow, allowed: readonly MeetingRow['state'][], doing: string): void {
  if (!allowed.includes(m.state)) {
    const word = { planned: 'belum dimulai', running: 'sedang berlangsung', closed: 'sudah ditutup' }[
      m.state
    ];
    throw new TRPCError({ code: 'CONFLICT', message: `Rapat '${m.title}' ${word}: tidak dapat ${doing}` });
  }
}

export const meetingRouter = router({
  list: procedure
    .meta(READERS)
    .input(
      z
        .object({ limit: z.number().int().min(1).max(200).default(50) })
        .strict()
        .optional(),
    )
    .query(({ ctx, input }) => listMeetings(ctx.db, input?.limit ?? 50)),

  get: procedure
    .meta(READERS)
    .input(meetingIdInput)
    .query(({ ctx, input }) => {
      const m = mustMeeting(ctx, input.id);
      return { ...meetingDetail(ctx.db, m, today(ctx)), displayIds: meetingDisplayIds(ctx.db, m.id) };
    }),

  create: procedure
    .meta(CHAIRS)
    .input(meetingCreateInput)
    .mutation(({ ctx, input }) => {
      checkDisplays(ctx, input.displayIds);
      const at = nowIso(ctx);
      const year = input.year ?? Number(input.meetingDate.slice(0, 4));
      const asOf = input.asOf ?? input.meetingDate;
      const { id, change } = ctx.db.transaction(() => {
        const newId = insertMeeting(ctx.db, {
          kind: input.kind,
          title: input.title,
          meetingDate: input.meetingDate,
          chair: input.chair,
          year,
          asOf,
          at,
          by: userId(ctx),
        });
        writeAgenda(ctx, { id: newId, year, meetingDate: input.meetingDate }, input.items);
        setMeetingDisplays(ctx.db, newId, input.displayIds);
        return { id: newId, change: record(ctx, 'meeting', newId, 'insert', input) };
      })();
      ctx.bus.publish(change);
      return { id };
    }),

  /** A planned meeting's agenda and walls can still change. */
  setAgenda: procedure
    .meta(CHAIRS)
    .input(meetingAgendaInput)
    .mutation(({ ctx, input }) => {
      checkDisplays(ctx, input.displayIds);
      const change = ctx.db.transaction(() => {
        const m = mustMeeting(ctx, input.id);
        assertState(m, ['planned'], 'mengubah agenda');
        if (!updateMeeting(ctx.db, m.id, input.expectedVersion, {})) throw conflict(m);
        writeAgenda(ctx, m, input.items);
        setMeetingDisplays(ctx.db, m.id, input.displayIds);
        return record(ctx, 'meeting', m.id, 'agenda', input);
      })();
      ctx.bus.publish(change);
      return { ok: true };
    }),

  /** Starts the meeting: its figures are frozen now, the walls of the room follow the chair. */
  start: procedure
    .meta(CHAIRS)
    .input(meetingStepInput)
    .mutation(({ ctx, input }) => {
      const change = ctx.db.transaction(() => {
        const m = mustMeeting(ctx, input.id);
        assertState(m, ['planned'], 'dimulai lagi');
        const first = meetingItems(ctx.db, m.id)[0];
        const ok = updateMeeting(ctx.db, m.id, input.expectedVersion, {
          state: 'running',
          startedAt: nowIso(ctx),
          cursorItemId: first?.id ?? null,
          cursorFocus: null,
        });
        if (!ok) throw conflict(m);
        freezeSnapshot(ctx, m);
        return record(ctx, 'meeting', m.id, 'start', { asOf: m.asOf });
      })();
      ctx.bus.publish(change);
      return { ok: true };
    }),

  /** The chair moves to an agenda item, or opens a programme / OPD inside it. */
  navigate: procedure
    .meta(CHAIRS)
    .input(navigateInput)
    .mutation(({ ctx, input }) => {
      const change = ctx.db.transaction(() => {
        const m = mustMeeting(ctx, input.id);
        assertState(m, ['running'], 'dipandu');
        if (!meetingItems(ctx.db, m.id).some((i) => i.id === input.itemId))
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Masukan tidak valid: itemId: Butir agenda ${input.itemId} bukan bagian rapat ini`,
          });
        const ok = updateMeeting(ctx.db, m.id, input.expectedVersion, {
          cursorItemId: input.itemId,
          cursorFocus: input.focus ?? null,
        });
        if (!ok) throw conflict(m);
        return record(ctx, 'meeting', m.id, 'navigate', { itemId: input.itemId, focus: input.focus ?? null });
      })();
      ctx.bus.publish(change);
      return { ok: true };
    }),

  close: procedure
    .meta(CHAIRS)
    .input(meetingStepInput)
    .mutation(({ ctx, input }) => {
      const change = ctx.db.transaction(() => {
        const m = mustMeeting(ctx, input.id);
        assertState(m, ['running'], 'ditutup');
        if (!updateMeeting(ctx.db, m.id, input.expectedVersion, { state: 'closed', closedAt: nowIso(ctx) }))
          throw conflict(m);
        return record(ctx, 'meeting', m.id, 'close', {});
      })();
      ctx.bus.publish(change);
      return { ok: true };
    }),

  addNote: procedure
    .meta(CHAIRS)
    .input(noteInput)
    .mutation(({ ctx, input }) => {
      const { id, change } = ctx.db.transaction(() => {
        const m = mustMeeting(ctx, input.meetingId);
        assertState(m, ['planned', 'running'], 'diberi catatan');
        if (input.itemId && !meetingItems(ctx.db, m.id).some((i) => i.id === input.itemId))
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Masukan tidak valid: itemId: Butir agenda ${input.itemId} bukan bagian rapat ini`,
          });
        const noteId = insertNote(ctx.db, {
          meetingId: m.id,
          itemId: input.itemId ?? null,
          kind: input.kind,
          text: input.text,
          at: nowIso(ctx),
          by: userId(ctx),
        });
        return { id: noteId, change: record(ctx, 'meeting', m.id, `note:${input.kind}`, input) };
      })();
      ctx.bus.publish(change);
      return { id };
    }),

  addFollowUp: procedure
    .meta(CHAIRS)
    .input(followUpCreateInput)
    .mutation(({ ctx, input }) => {
      const { id, change } = ctx.db.transaction(() => {
        const m = mustMeeting(ctx, input.meetingId);
        assertState(m, ['planned', 'running'], 'diberi tindak lanjut');
        const opd = opdByCode(ctx.db, input.ownerOpdCode.toUpperCase());
        if (!opd)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Masukan tidak valid: ownerOpdCode: Tidak ada OPD dengan kode '${input.ownerOpdCode}'`,
          });
        const programme = input.programmeCode ? programmeIdByCode(ctx.db, input.programmeCode) : undefined;
        if (input.programmeCode && !programme)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Masukan tidak valid: programmeCode: Tidak ada program dengan kode '${input.programmeCode}'`,
          });
        const item = input.itemId ? meetingItems(ctx.db, m.id).find((i) => i.id === input.itemId) : undefined;
        if (input.itemId && !item)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Masukan tidak valid: itemId: Butir agenda ${input.itemId} bukan bagian rapat ini`,
          });
        if (input.dueDate < m.meetingDate)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Masukan tidak valid: dueDate: Batas waktu tidak boleh sebelum tanggal rapat (${m.meetingDate})`,
          });
        const fuId = insertFollowUp(ctx.db, {
          meetingId: m.id,
          itemId: item?.id ?? null,
          pillarCode: programme?.pillarCode ?? item?.pillarCode ?? null,
          programmeId: programme?.id ?? null,
          ownerOpdId: opd.id,
          text: input.text,
          dueDate: input.dueDate,
          at: nowIso(ctx),
          by: userId(ctx),
        });
        return { id: fuId, change: record(ctx, 'follow_up', fuId, 'insert', input, opd.id) };
      })();
      ctx.bus.publish(change);
      return { id };
    }),

  /**
   * What the room sees: the agenda, where the chair stands, and the figures frozen when the
   * meeting started (computed live, and said so, before it starts). Walls read it with their token.
   */
  view: procedure
    .meta({ roles: ['admin', 'executive', 'verifier', 'display'] })
    .input(meetingIdInput)
    .query(({ ctx, input }) => {
      const m = mustMeeting(ctx, input.id);
      // A wall reads only the meetings held in its own room (the meeting names its walls): a
      // display token elsewhere learns nothing of another meeting's agenda or notes.
      if (ctx.principal?.kind === 'token') {
        const display = displayByToken(ctx.db, ctx.principal.token.id);
        if (!display || !meetingDisplayIds(ctx.db, m.id).includes(display.id))
          throw new TRPCError({
            code: 'FORBIDDEN',
            message: 'Layar ini tidak termasuk ruang rapat tersebut',
          });
      }
      const frozen = frozenSnapshot(ctx.db, m.id);
      const items = meetingItems(ctx.db, m.id);
      return {
        meeting: m,
        items,
        frozen: frozen !== null,
        snapshot: frozen ?? buildSnapshot(ctx, m, items),
        // Decided in this meeting: live, so the room sees each follow-up as the secretary adds it,
        // and a past meeting's briefing says which of its follow-ups are late or done by now.
        decided: meetingDetail(ctx.db, m, today(ctx)),
      };
    }),
});

export const followUpRouter = router({
  /** Every open follow-up, late first: the "Tindak Lanjut HLM" wall. */
  board: publicProcedure.query(({ ctx }) => followUpBoard(ctx.db, today(ctx))),

  /** An OPD's own follow-ups (admins and readers name the OPD). */
  ofOpd: procedure
    .meta({ roles: ['opd', 'admin', 'executive', 'verifier'] })
    .input(
      z
        .object({ opdCode: z.string().trim().min(1).max(40).optional() })
        .strict()
        .optional(),
    )
    .query(({ ctx, input }) => {
      const p = ctx.principal;
      const own = p?.kind === 'user' && p.user.role === 'opd';
      const opdId = own
        ? p.user.opdId
        : input?.opdCode
          ? opdByCode(ctx.db, input.opdCode.toUpperCase())?.id
          : undefined;
      if (!opdId)
        throw new TRPCError({
          code: own ? 'FORBIDDEN' : 'BAD_REQUEST',
          message: own
            ? 'Akun ini tidak terhubung ke OPD'
            : `Tidak ada OPD dengan kode '${input?.opdCode ?? ''}'`,
        });
      return followUpList(followUpsOfOpd(ctx.db, opdId, 200), today(ctx));
    }),

  history: procedure
    .meta({ roles: ['opd', 'admin', 'executive', 'verifier'] })
    .input(z.object({ id: z.number().int().positive() }).strict())
    .query(({ ctx, input }) => followUpReports(ctx.db, input.id)),

  /** The owner OPD reports progress (or done); admins may report for it. */
  report: procedure
    .meta({ roles: ['opd', 'admin'] })
    .input(followUpReportInput)
    .mutation(({ ctx, input }) => {
      const change = ctx.db.transaction(() => {
        const f = followUpById(ctx.db, input.id);
        if (!f)
          throw new TRPCError({ code: 'NOT_FOUND', message: `Tindak lanjut ${input.id} tidak ditemukan` });
        const p = ctx.principal;
        if (p?.kind === 'user' && p.user.role === 'opd') {
          const own = opdByCode(ctx.db, f.ownerOpdCode)?.id === p.user.opdId;
          if (!own)
            throw new TRPCError({
              code: 'FORBIDDEN',
              message: `Tindak lanjut ini milik ${f.ownerOpdName}; OPD lain tidak dapat melaporkannya`,
            });
        }
        const ok = reportFollowUp(ctx.db, f.id, input.expectedVersion, {
          state: input.state,
          progressPct: input.state === 'selesai' ? 100 : (input.progressPct ?? null),
          text: input.text,
          at: nowIso(ctx),
          by: userId(ctx),
        });
        const before = {
          state: f.state,
          progressPct: f.progressPct,
          report: f.lastReport,
          reportedAt: f.reportedAt,
        };
        if (!ok)
          // The form shows what is there now (data.conflict.current) beside what the OPD typed.
          throw new TRPCError({
            code: 'CONFLICT',
            message: 'Tindak lanjut ini baru saja dilaporkan orang lain; periksa laporan terbaru di bawah',
            cause: new ConflictError(before, f.version),
          });
        return record(
          ctx,
          'follow_up',
          f.id,
          'report',
          input,
          opdByCode(ctx.db, f.ownerOpdCode)?.id ?? null,
          before,
        );
      })();
      ctx.bus.publish(change);
      return { ok: true };
    }),
});
