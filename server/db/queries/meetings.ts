// High-level meetings: the meeting and its agenda, the walls in its room, the figures frozen when
// it started, its notes, and the follow-ups with every progress report on them.
import type { Db } from '../connection';
import { prep } from '../prepare';

export type MeetingKind = 'hlm' | 'rakor_pok' | 'dewan' | 'lainnya';
export type MeetingState = 'planned' | 'running' | 'closed';
export type ItemKind = 'pillar' | 'opd' | 'followups';
export type NoteKind = 'arahan' | 'keputusan';
export type FollowUpState = 'dalam_proses' | 'selesai';

export interface MeetingRow {
  id: number;
  kind: MeetingKind;
  title: string;
  meetingDate: string;
  chair: string;
  year: number;
  asOf: string;
  state: MeetingState;
  cursorItemId: number | null;
  cursorFocus: string | null;
  startedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  version: number;
}

const MEETING_COLUMNS = `m.id, m.kind, m.title, m.meeting_date AS meetingDate, m.chair, m.year, m.as_of AS asOf,
  m.state, m.cursor_item_id AS cursorItemId, m.cursor_focus AS cursorFocus, m.started_at AS startedAt,
  m.closed_at AS closedAt, m.created_at AS createdAt, m.version`;

export function insertMeeting(
  db: Db,
  m: {
    kind: MeetingKind;
    title: string;
    meetingDate: string;
    chair: string;
    year: number;
    asOf: string;
    at: string;
    by: number | null;
  },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO meeting (kind, title, meeting_date, chair, year, as_of, created_at, created_by)
       VALUES (@kind, @title, @meetingDate, @chair, @year, @asOf, @at, @by)`,
    ).run(m).lastInsertRowid,
  );
}

export function meetingById(db: Db, id: number): MeetingRow | undefined {
  return prep(db, `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.id = ?`).get(id) as
    | MeetingRow
    | undefined;
}

/** Newest first: the meetings page and the chair's list. */
export function listMeetings(db: Db, limit: number): MeetingRow[] {
  return prep(
    db,
    `SELECT ${MEETING_COLUMNS} FROM meeting m ORDER BY m.meeting_date DESC, m.id DESC LIMIT ?`,
  ).all(limit) as MeetingRow[];
}

/** The meeting held last before `date` (for "what the previous meeting promised"). */
export function previousMeeting(db: Db, date: string, exceptId: number): MeetingRow | undefined {
  return prep(
    db,
    `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.meeting_date <= ? AND m.id <> ?
     ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1`,
  ).get(date, exceptId) as MeetingRow | undefined;
}

/** Moves the meeting on (state, cursor) if nobody else did since `version`; false when someone did. */
export function updateMeeting(
  db: Db,
  id: number,
  version: number,
  set: Partial<{
    state: MeetingState;
    cursorItemId: number | null;
    cursorFocus: string | null;
    startedAt: string;
    closedAt: string;
  }>,
): boolean {
  const columns: Record<string, string> = {
    state: 'state',
    cursorItemId: 'cursor_item_id',
    cursorFocus: 'cursor_focus',
    startedAt: 'started_at',
    closedAt: 'closed_at',
  };
  const keys = Object.keys(set).filter((k) => k in columns);
  const assignments = keys.map((k) => `${columns[k]} = @${k}`).join(', ');
  return (
    prep(
      db,
      `UPDATE meeting SET ${assignments}${assignments ? ', ' : ''}version = version + 1
       WHERE id = @id AND version = @version`,
    ).run({ ...set, id, version }).changes === 1
  );
}

export interface ItemRow {
  id: number;
  position: number;
  kind: ItemKind;
  pillarCode: string | null;
  opdCode: string | null;
  opdName: string | null;
  auto: number;
}

export function insertItem(
  db: Db,
  i: {
    meetingId: number;
    position: number;
    kind: ItemKind;
    pillarCode: string | null;
    opdId: number | null;
    auto: boolean;
  },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO meeting_item (meeting_id, position, kind, pillar_code, opd_id, auto)
       VALUES (@meetingId, @position, @kind, @pillarCode, @opdId, @auto)`,
    ).run({ ...i, auto: i.auto ? 1 : 0 }).lastInsertRowid,
  );
}

export function deleteItems(db: Db, meetingId: number): void {
  prep(db, 'DELETE FROM meeting_item WHERE meeting_id = ?').run(meetingId);
}

export function meetingItems(db: Db, meetingId: number): ItemRow[] {
  return prep(
    db,
    `SELECT i.id, i.position, i.kind, i.pillar_code AS pillarCode, o.code AS opdCode, o.short_name AS opdName, i.auto
     FROM meeting_item i LEFT JOIN opd o ON o.id = i.opd_id
     WHERE i.meeting_id = ? ORDER BY i.position`,
  ).all(meetingId) as ItemRow[];
}

export function setMeetingDisplays(db: Db, meetingId: number, displayIds: readonly number[]): void {
  prep(db, 'DELETE FROM meeting_display WHERE meeting_id = ?').run(meetingId);
  const insert = prep(db, 'INSERT INTO meeting_display (meeting_id, display_id) VALUES (?, ?)');
  for (const d of displayIds) insert.run(meetingId, d);
}

export function meetingDisplayIds(db: Db, meetingId: number): number[] {
  return prep(db, 'SELECT display_id FROM meeting_display WHERE meeting_id = ? ORDER BY display_id')
    .pluck()
    .all(meetingId) as number[];
}

/** The running meeting a wall display is part of, if any (the newest, should two overlap). */
export function runningMeetingOfDisplay(db: Db, displayId: number): MeetingRow | undefined {
  return prep(
    db,
    `SELECT ${MEETING_COLUMNS} FROM meeting m JOIN meeting_display d ON d.meeting_id = m.id
     WHERE d.display_id = ? AND m.state = 'running' ORDER BY m.started_at DESC, m.id DESC LIMIT 1`,
  ).get(displayId) as MeetingRow | undefined;
}

export function putSnapshot(db: Db, meetingId: number, key: string, json: string, at: string): void {
  prep(
    db,
    `INSERT INTO meeting_snapshot (meeting_id, key, json, taken_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (meeting_id, key) DO UPDATE SET json = excluded.json, taken_at = excluded.taken_at`,
  ).run(meetingId, key, json, at);
}

export function snapshots(db: Db, meetingId: number): { key: string; json: string; takenAt: string }[] {
  return prep(
    db,
    'SELECT key, json, taken_at AS takenAt FROM meeting_snapshot WHERE meeting_id = ? ORDER BY key',
  ).all(meetingId) as { key: string; json: string; takenAt: string }[];
}

export interface NoteRow {
  id: number;
  itemId: number | null;
  kind: NoteKind;
  text: string;
  createdAt: string;
  createdBy: string | null;
}

export function insertNote(
  db: Db,
  n: {
    meetingId: number;
    itemId: number | null;
    kind: NoteKind;
    text: string;
    at: string;
    by: number | null;
  },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO meeting_note (meeting_id, item_id, kind, text, created_at, created_by)
       VALUES (@meetingId, @itemId, @kind, @text, @at, @by)`,
    ).run(n).lastInsertRowid,
  );
}

export function meetingNotes(db: Db, meetingId: number): NoteRow[] {
  return prep(
    db,
    `SELECT n.id, n.item_id AS itemId, n.kind, n.text, n.created_at AS createdAt, u.display_name AS createdBy
     FROM meeting_note n LEFT JOIN app_user u ON u.id = n.created_by
     WHERE n.meeting_id = ? ORDER BY n.id`,
  ).all(meetingId) as NoteRow[];
}

export interface FollowUpRow {
  id: number;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  itemId: number | null;
  pillarCode: string | null;
  programmeCode: string | null;
  programmeName: string | null;
  ownerOpdCode: string;
  ownerOpdName: string;
  text: string;
  dueDate: string;
  state: FollowUpState;
  progressPct: number | null;
  lastReport: string | null;
  reportedAt: string | null;
  doneAt: string | null;
  createdAt: string;
  version: number;
}

const FOLLOW_UP_COLUMNS = `f.id, f.meeting_id AS meetingId, m.title AS meetingTitle, m.meeting_date AS meetingDate,
  f.item_id AS itemId, f.pillar_code AS pillarCode, p.code AS programmeCode, p.name AS programmeName,
  o.code AS ownerOpdCode, o.short_name AS ownerOpdName, f.text, f.due_date AS dueDate, f.state,
  f.progress_pct AS progressPct, f.last_report AS lastReport, f.reported_at AS reportedAt, f.done_at AS doneAt,
  f.created_at AS createdAt, f.version`;
const FOLLOW_UP_FROM = `follow_up f JOIN meeting m ON m.id = f.meeting_id JOIN opd o ON o.id = f.owner_opd_id
  LEFT JOIN programme p ON p.id = f.programme_id`;

export function insertFollowUp(
  db: Db,
  f: {
    meetingId: number;
    itemId: number | null;
    pillarCode: string | null;
    programmeId: number | null;
    ownerOpdId: number;
    text: string;
    dueDate: string;
    at: string;
    by: number | null;
  },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO follow_up (meeting_id, item_id, pillar_code, programme_id, owner_opd_id, text, due_date,
                              created_at, created_by)
       VALUES (@meetingId, @itemId, @pillarCode, @programmeId, @ownerOpdId, @text, @dueDate, @at, @by)`,
    ).run(f).lastInsertRowid,
  );
}

export function followUpById(db: Db, id: number): FollowUpRow | undefined {
  return prep(db, `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM} WHERE f.id = ?`).get(id) as
    | FollowUpRow
    | undefined;
}

/** The follow-ups decided in one meeting. */
export function followUpsOfMeeting(db: Db, meetingId: number): FollowUpRow[] {
  return prep(
    db,
    `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM} WHERE f.meeting_id = ? ORDER BY f.due_date, f.id`,
  ).all(meetingId) as FollowUpRow[];
}

/**
 * Follow-ups decided in meetings held before `date` that were still open on it, or closed on or
 * after it (so a meeting sees what it had to review, as it stood then). Optionally one OPD's.
 */
export function followUpsBefore(
  db: Db,
  date: string,
  exceptMeetingId: number | null,
  opdId?: number,
): FollowUpRow[] {
  return prep(
    db,
    `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM}
     WHERE m.meeting_date <= @date AND m.id <> @except
       AND (f.state = 'dalam_proses' OR f.done_at >= @date)
       AND (@opd IS NULL OR f.owner_opd_id = @opd)
     ORDER BY f.due_date, f.id`,
  ).all({ date, except: exceptMeetingId ?? -1, opd: opdId ?? null }) as FollowUpRow[];
}

/** Every open follow-up (for the "Tindak Lanjut HLM" wall), optionally of one OPD, due date first. */
export function openFollowUps(db: Db, opdId?: number): FollowUpRow[] {
  return prep(
    db,
    `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM}
     WHERE f.state = 'dalam_proses' AND (@opd IS NULL OR f.owner_opd_id = @opd)
     ORDER BY f.due_date, f.id`,
  ).all({ opd: opdId ?? null }) as FollowUpRow[];
}

/** When any follow-up was last decided or reported on (ISO), null before the first: the board's freshness. */
export function lastFollowUpChange(db: Db): string | null {
  return prep(
    db,
    `SELECT MAX(at) FROM (SELECT MAX(created_at) AS at FROM follow_up
                          UNION ALL SELECT MAX(reported_at) FROM follow_up)`,
  )
    .pluck()
    .get() as string | null;
}

/** One OPD's follow-ups, open first then the latest done, for its own page. */
export function followUpsOfOpd(db: Db, opdId: number, limit: number): FollowUpRow[] {
  return prep(
    db,
    `SELECT ${FOLLOW_UP_COLUMNS} FROM ${FOLLOW_UP_FROM} WHERE f.owner_opd_id = ?
     ORDER BY f.state = 'selesai', f.due_date, f.id LIMIT ?`,
  ).all(opdId, limit) as FollowUpRow[];
}

/** The OPD's report on a follow-up, if nobody changed it since `version`; false when someone did. */
export function reportFollowUp(
  db: Db,
  id: number,
  version: number,
  r: { state: FollowUpState; progressPct: number | null; text: string; at: string; by: number | null },
): boolean {
  const done =
    prep(
      db,
      `UPDATE follow_up SET state = @state, progress_pct = @progressPct, last_report = @text, reported_at = @at,
         done_at = CASE WHEN @state = 'selesai' THEN COALESCE(done_at, @at) ELSE NULL END, version = version + 1
       WHERE id = @id AND version = @version`,
    ).run({ ...r, id, version }).changes === 1;
  if (done)
    prep(
      db,
      `INSERT INTO follow_up_report (follow_up_id, at, by, state, progress_pct, text)
       VALUES (@id, @at, @by, @state, @progressPct, @text)`,
    ).run({ ...r, id });
  return done;
}

export interface FollowUpReportRow {
  at: string;
  by: string | null;
  state: FollowUpState;
  progressPct: number | null;
  text: string;
}

export function followUpReports(db: Db, id: number): FollowUpReportRow[] {
  return prep(
    db,
    `SELECT r.at, u.display_name AS by, r.state, r.progress_pct AS progressPct, r.text
     FROM follow_up_report r LEFT JOIN app_user u ON u.id = r.by WHERE r.follow_up_id = ? ORDER BY r.id`,
  ).all(id) as FollowUpReportRow[];
}

export function programmeIdByCode(db: Db, code: string): { id: number; pillarCode: string } | undefined {
  return prep(
    db,
    'SELECT p.id, l.code AS pillarCode FROM programme p JOIN pillar l ON l.id = p.pillar_id WHERE p.code = ?',
  ).get(code) as { id: number; pillarCode: string } | undefined;
}
