// What a meeting shows, built from the same read models the walls use: the executive summary, each
// agenda pillar in depth, each agenda OPD's budget and programmes, and the follow-ups carried over
// from earlier meetings. Taken once when the meeting starts and stored with it (the frozen
// figures); a meeting not started yet is shown live, labelled so.
import type { Db } from './db/connection';
import { programmeBudgetSlices } from './db/queries/budget';
import {
  type FollowUpRow,
  followUpsBefore,
  followUpsOfMeeting,
  type ItemRow,
  lastFollowUpChange,
  type MeetingRow,
  meetingItems,
  meetingNotes,
  openFollowUps,
  putSnapshot,
  snapshots,
} from './db/queries/meetings';
import { opdByCode } from './db/queries/reference';
import { budgetKpi, budgetSCurve } from './kpi/budget';
import { byUrgency, countFollowUps, daysLate, followUpStateOn } from './kpi/followups';
import { programmeKpi } from './kpi/masterplan';
import { buildOverview, type OverviewInput } from './kpi/overview';
import { pillarView } from './routers/families';
import { summaryInput } from './routers/resolve';
import type { AppContext } from './trpc';

/** A follow-up as a screen shows it on a given day. */
export function followUpView(f: FollowUpRow, day: string) {
  const state = followUpStateOn(f, day);
  return {
    id: f.id,
    meetingId: f.meetingId,
    meetingTitle: f.meetingTitle,
    meetingDate: f.meetingDate,
    itemId: f.itemId,
    pillarCode: f.pillarCode,
    programmeCode: f.programmeCode,
    programmeName: f.programmeName,
    ownerOpdCode: f.ownerOpdCode,
    ownerOpdName: f.ownerOpdName,
    text: f.text,
    dueDate: f.dueDate,
    state,
    daysLate: daysLate(f, day),
    progressPct: f.progressPct,
    lastReport: f.lastReport,
    reportedAt: f.reportedAt,
    doneAt: f.doneAt,
    version: f.version,
  };
}

export type FollowUpView = ReturnType<typeof followUpView>;

export function followUpList(rows: readonly FollowUpRow[], day: string) {
  const items = rows.map((f) => followUpView(f, day)).sort(byUrgency);
  return { day, items, counts: countFollowUps(items.map((i) => i.state)) };
}

type OverviewRows = OverviewInput;

/**
 * One OPD as the meeting reviews it: its serapan with its own S-curve (as budget.absorption's
 * `focus`), the programmes it coordinates each with the serapan of the sub kegiatan behind it, and
 * its follow-ups from earlier meetings. `data` and `asOfMonth` are the snapshot's own, read once.
 */
function opdReview(
  ctx: AppContext,
  m: MeetingRow,
  opdCode: string,
  data: OverviewRows,
  asOfMonth: number | null,
) {
  const opd = opdByCode(ctx.db, opdCode);
  const { stage, slices, thresholds } = data.budget;
  const mine = data.pillars.programmes.filter((p) => p.coordinatorOpdCode === opdCode);
  const programmeSlices = new Map(
    programmeBudgetSlices(
      ctx.db,
      m.year,
      stage,
      mine.map((p) => p.code),
    ).map((s) => [s.key, s]),
  );
  // As masterplan.pillar shows them: a programme with no sub kegiatan linked has a zero pagu.
  const programmes = mine.map((p) => ({
    ...programmeKpi(p, data.pillars.thresholds),
    budget: budgetKpi(
      programmeSlices.get(p.code) ?? {
        dim: 'programme',
        key: p.code,
        label: p.name,
        paguRp: 0,
        subKegiatan: 0,
        months: [],
      },
      asOfMonth,
      thresholds,
    ),
  }));
  // An OPD without sub kegiatan this year (a kecamatan with none yet) has no budget to show.
  const slice = slices.find((s) => s.dim === 'opd' && s.key === opdCode);
  const budget = slice
    ? { stage, ...budgetKpi(slice, asOfMonth, thresholds), sCurve: budgetSCurve(slice, asOfMonth) }
    : null;
  return {
    opdCode,
    opdName: opd?.shortName ?? opdCode,
    budget,
    programmes,
    followUps: followUpList(followUpsBefore(ctx.db, m.meetingDate, m.id, opd?.id), m.meetingDate),
  };
}

/** Everything the meeting shows, computed now at the meeting's as-of date. */
export function buildSnapshot(ctx: AppContext, m: MeetingRow, items: readonly ItemRow[]) {
  // Read once for the summary and every pillar and OPD below.
  const data = summaryInput(ctx, m.year, m.asOf);
  const overview = buildOverview(data);
  const month = overview.budget.asOfMonth;
  const pillars: Record<string, ReturnType<typeof pillarView>> = {};
  const opds: Record<string, ReturnType<typeof opdReview>> = {};
  for (const i of items) {
    if (i.kind === 'pillar' && i.pillarCode && !pillars[i.pillarCode])
      pillars[i.pillarCode] = pillarView(ctx, { code: i.pillarCode }, data);
    if (i.kind === 'opd' && i.opdCode && !opds[i.opdCode])
      opds[i.opdCode] = opdReview(ctx, m, i.opdCode, data, month);
  }
  // The chair may open, inside a pillar, any OPD that coordinates one of its programmes: their
  // reviews are frozen with the meeting too.
  for (const p of Object.values(pillars))
    for (const prog of p.programmes)
      if (!opds[prog.opdCode]) opds[prog.opdCode] = opdReview(ctx, m, prog.opdCode, data, month);
  return {
    asOf: m.asOf,
    year: m.year,
    takenAt: new Date(ctx.clock()).toISOString(),
    overview,
    pillars,
    opds,
    carriedOver: followUpList(followUpsBefore(ctx.db, m.meetingDate, m.id), m.meetingDate),
  };
}

export type MeetingSnapshot = ReturnType<typeof buildSnapshot>;

const SNAPSHOT_KEY = 'view';

/** Freezes the meeting's figures (inside the caller's transaction). */
export function freezeSnapshot(ctx: AppContext, m: MeetingRow): MeetingSnapshot {
  const snap = buildSnapshot(ctx, m, meetingItems(ctx.db, m.id));
  putSnapshot(ctx.db, m.id, SNAPSHOT_KEY, JSON.stringify(snap), snap.takenAt);
  return snap;
}

/** The frozen figures of a started meeting; null before it started. */
export function frozenSnapshot(db: Db, meetingId: number): MeetingSnapshot | null {
  const row = snapshots(db, meetingId).find((s) => s.key === SNAPSHOT_KEY);
  return row ? (JSON.parse(row.json) as MeetingSnapshot) : null;
}

/** A meeting with its agenda, notes and the follow-ups decided in it, their state on `day`. */
export function meetingDetail(db: Db, m: MeetingRow, day: string) {
  return {
    ...m,
    items: meetingItems(db, m.id),
    notes: meetingNotes(db, m.id),
    followUps: followUpList(followUpsOfMeeting(db, m.id), day),
  };
}

/**
 * The "Tindak Lanjut HLM" board: every open follow-up, late first, as of `day`, and when any
 * follow-up last changed (a report that closes one drops it from the board, yet the board moved).
 */
export function followUpBoard(db: Db, day: string) {
  return { ...followUpList(openFollowUps(db), day), updatedAt: lastFollowUpChange(db) };
}
