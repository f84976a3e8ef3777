// The meeting loop on the server: an agenda refused by name when it names what does not exist, a
// start that freezes the figures (later writes do not change the meeting's view), the chair's
// cursor guarded by a version, the walls of the room told which meeting they follow, and
// follow-ups that carry over into the next meeting, opening its agenda when they are overdue.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../../server/auth/session';
import { tokenByHash } from '../../server/db/queries/auth';
import { wibToMs } from '../../shared/time';
import { makeTestDb, type TestDb } from '../helpers/db';
import { callerAs, createUser, principalFor } from '../helpers/users';
import { saveFirstRealisation } from '../helpers/writes';

const NOW = Date.parse('2026-11-23T03:00:00.000Z'); // Senin, 23 November 2026 10.00 WIB

let t: TestDb;
let chair: ReturnType<typeof callerAs>;
let operator: ReturnType<typeof callerAs>;
let displayId: number;
let wall: ReturnType<typeof callerAs>;

beforeAll(async () => {
  t = makeTestDb({ demo: 'small', nowMs: NOW });
  createUser(t, 'sekda', 'executive');
  createUser(t, 'admin-rapat', 'admin');
  createUser(t, 'op-dlh', 'opd', 'DLH');
  chair = callerAs(t, principalFor(t, 'sekda'));
  operator = callerAs(t, principalFor(t, 'op-dlh'));
  const admin = callerAs(t, principalFor(t, 'admin-rapat'));
  const d = await admin.display.create({
    name: 'OR Graha Adiguna',
    playlist: [{ screen: 'ringkasan', dwellS: 30 }],
  });
  displayId = d.id;
  // The demo's HLM left follow-ups open (one overdue): close them, so these tests start from a
  // regency with nothing carried over and every follow-up below is one they made.
  for (const f of (await admin.followUp.board()).items)
    await admin.followUp.report({
      id: f.id,
      state: 'selesai',
      text: 'Ditutup untuk uji',
      expectedVersion: f.version,
    });
  const token = tokenByHash(t.db, sha256(d.token));
  if (!token) throw new Error('display token not stored');
  wall = callerAs(t, { kind: 'token', token });
});
afterAll(() => t.close());

const counts = () =>
  t.db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM meeting) || '/' || (SELECT COUNT(*) FROM meeting_item) || '/' ||
              (SELECT COUNT(*) FROM follow_up) || '/' || (SELECT COUNT(*) FROM audit_log)`,
    )
    .pluck()
    .get();

describe('planning a meeting', () => {
  test('an agenda naming an unknown pillar or OPD is refused by field, and nothing is written', async () => {
    const before = counts();
    await expect(
      chair.meeting.create({
        kind: 'hlm',
        title: 'HLM salah',
        meetingDate: '2026-11-23',
        chair: 'Sekda',
        items: [
          { kind: 'pillar', pillarCode: 'GOV' },
          { kind: 'pillar', pillarCode: 'XYZ' },
        ],
        displayIds: [],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining("items.1.pillarCode: Tidak ada pilar dengan kode 'XYZ'"),
    });
    await expect(
      chair.meeting.create({
        kind: 'hlm',
        title: 'HLM salah',
        meetingDate: '2026-11-23',
        chair: 'Sekda',
        items: [{ kind: 'opd', opdCode: 'TIDAKADA' }],
        displayIds: [],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Tidak ada OPD dengan kode 'TIDAKADA'") });
    await expect(
      chair.meeting.create({
        kind: 'hlm',
        title: 'HLM tanpa layar',
        meetingDate: '2026-11-23',
        chair: 'Sekda',
        items: [{ kind: 'pillar', pillarCode: 'GOV' }],
        displayIds: [999_999],
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('displayIds.0: Layar 999999 tidak ditemukan'),
    });
    expect(counts()).toBe(before);
  });

  test('an operator cannot plan a meeting', async () => {
    await expect(
      operator.meeting.create({
        kind: 'hlm',
        title: 'HLM',
        meetingDate: '2026-11-23',
        chair: 'Sekda',
        items: [{ kind: 'pillar', pillarCode: 'GOV' }],
        displayIds: [],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('one meeting, start to close, and the next one', () => {
  let first: number;

  test('starting freezes the figures: a later write changes the summary but not the meeting', async () => {
    ({ id: first } = await chair.meeting.create({
      kind: 'hlm',
      title: 'HLM November',
      meetingDate: '2026-11-23',
      chair: 'Sekda',
      items: [
        { kind: 'pillar', pillarCode: 'GOV' },
        { kind: 'opd', opdCode: 'DLH' },
      ],
      displayIds: [displayId],
    }));
    const planned = await chair.meeting.get({ id: first });
    expect(planned.items.map((i) => i.kind)).toEqual(['pillar', 'opd']);
    expect(planned.state).toBe('planned');
    // Before the start the view is live and says so.
    expect((await chair.meeting.view({ id: first })).frozen).toBe(false);

    await chair.meeting.start({ id: first, expectedVersion: planned.version });
    const view = await chair.meeting.view({ id: first });
    expect(view.frozen).toBe(true);
    expect(view.meeting.cursorItemId).toBe(planned.items[0]?.id);
    const frozenSerapan = view.snapshot.overview.budget.total.serapanPct;
    expect(Object.keys(view.snapshot.pillars)).toEqual(['GOV']);
    expect(view.snapshot.opds.DLH?.opdName).toBe('DLH');

    saveFirstRealisation(t, { sp2dRp: 80_000_000_000, fisikPct: 80 }, { nowMs: NOW });
    const live = await chair.dashboard.overview({ year: 2026, asOf: '2026-11-23' });
    expect(live.budget.total.serapanPct).not.toBe(frozenSerapan);
    const again = await chair.meeting.view({ id: first });
    expect(again.snapshot.overview.budget.total.serapanPct).toBe(frozenSerapan);
    expect(again.snapshot.takenAt).toBe(view.snapshot.takenAt);
  });

  test('the wall of the room is told which meeting it follows, and where the chair stands', async () => {
    const config = await wall.display.config();
    const m = await chair.meeting.get({ id: first });
    expect(config.meeting).toEqual({
      id: first,
      title: 'HLM November',
      asOf: '2026-11-23',
      itemId: m.items[0]?.id,
      focus: null,
      version: m.version,
    });
    // A display token reads the room's view, not the office's meeting detail.
    await expect(wall.meeting.view({ id: first })).resolves.toMatchObject({ frozen: true });
    await expect(wall.meeting.get({ id: first })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('a display token cannot read a meeting of another room, planned or running', async () => {
    const other = await chair.meeting.create({
      kind: 'hlm',
      title: 'Rapat terbatas',
      meetingDate: '2026-11-24',
      chair: 'Bupati',
      items: [{ kind: 'pillar', pillarCode: 'ENV' }],
      displayIds: [],
    });
    await expect(wall.meeting.view({ id: other.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Layar ini tidak termasuk ruang rapat tersebut',
    });
    // The office still reads it; the wall of the room still reads its own.
    await expect(chair.meeting.view({ id: other.id })).resolves.toMatchObject({ frozen: false });
    await expect(wall.meeting.view({ id: first })).resolves.toMatchObject({ frozen: true });
  });

  test('the chair moves with the current version; a stale one is a CONFLICT; a foreign item is refused', async () => {
    const m = await chair.meeting.get({ id: first });
    const opdItem = m.items[1];
    if (!opdItem) throw new Error('no second item');
    await chair.meeting.navigate({ id: first, itemId: opdItem.id, focus: 'DLH', expectedVersion: m.version });
    await expect(
      chair.meeting.navigate({ id: first, itemId: opdItem.id, expectedVersion: m.version }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await chair.meeting.get({ id: first });
    expect([after.cursorItemId, after.cursorFocus]).toEqual([opdItem.id, 'DLH']);
    await expect(
      chair.meeting.navigate({ id: first, itemId: 999_999, expectedVersion: after.version }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('itemId') });
    expect((await wall.display.config()).meeting?.focus).toBe('DLH');
  });

  test('the secretary records directions, decisions and follow-ups; a due date before the meeting is refused', async () => {
    const m = await chair.meeting.get({ id: first });
    await chair.meeting.addNote({
      meetingId: first,
      itemId: m.items[0]?.id,
      kind: 'arahan',
      text: 'Percepat integrasi data',
    });
    await chair.meeting.addNote({
      meetingId: first,
      kind: 'keputusan',
      text: 'Anggaran TPS3R digeser ke TW IV',
    });
    await expect(
      chair.meeting.addFollowUp({
        meetingId: first,
        ownerOpdCode: 'DLH',
        text: 'Laporkan progres TPS3R',
        dueDate: '2026-11-01',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('dueDate') });
    await chair.meeting.addFollowUp({
      meetingId: first,
      itemId: m.items[1]?.id,
      ownerOpdCode: 'dlh',
      text: 'Laporkan progres TPS3R',
      dueDate: '2026-11-30',
    });
    const detail = await chair.meeting.get({ id: first });
    expect(detail.notes.map((n) => [n.kind, n.text])).toEqual([
      ['arahan', 'Percepat integrasi data'],
      ['keputusan', 'Anggaran TPS3R digeser ke TW IV'],
    ]);
    expect(detail.followUps.items).toEqual([
      expect.objectContaining({ ownerOpdCode: 'DLH', dueDate: '2026-11-30', state: 'dalam_proses' }),
    ]);
    // The OPD sees it as its own.
    const mine = await operator.followUp.ofOpd();
    expect(mine.items.map((f) => f.text)).toContain('Laporkan progres TPS3R');
  });

  test('closing hands the wall back to its playlist; a closed meeting takes no more notes', async () => {
    const m = await chair.meeting.get({ id: first });
    await chair.meeting.close({ id: first, expectedVersion: m.version });
    expect((await wall.display.config()).meeting).toBeNull();
    await expect(
      chair.meeting.addNote({ meetingId: first, kind: 'arahan', text: 'terlambat' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: "Rapat 'HLM November' sudah ditutup: tidak dapat diberi catatan",
    });
    const view = await chair.meeting.view({ id: first });
    expect(view.frozen).toBe(true);
    expect(view.decided.followUps.items).toHaveLength(1);
  });

  test('the follow-up is reviewed by the next meeting; once overdue it opens that agenda by itself', async () => {
    // Next week, before the due date: carried over, in progress, no automatic item.
    const { id: soon } = await chair.meeting.create({
      kind: 'rakor_pok',
      title: 'Rakor POK TW IV',
      meetingDate: '2026-11-27',
      chair: 'Sekda',
      items: [{ kind: 'pillar', pillarCode: 'ENV' }],
      displayIds: [],
    });
    const soonView = await chair.meeting.view({ id: soon });
    expect(soonView.items.map((i) => i.kind)).toEqual(['pillar']);
    const mine = (list: { items: { text: string }[] }) =>
      list.items.filter((f) => f.text === 'Laporkan progres TPS3R');
    expect(mine(soonView.snapshot.carriedOver)).toEqual([
      expect.objectContaining({ text: 'Laporkan progres TPS3R', state: 'dalam_proses', daysLate: 0 }),
    ]);
    // In December, past the due date and not reported: late, and the agenda opens with it.
    const { id: later } = await chair.meeting.create({
      kind: 'hlm',
      title: 'HLM Desember',
      meetingDate: '2026-12-07',
      chair: 'Bupati',
      items: [{ kind: 'pillar', pillarCode: 'GOV' }],
      displayIds: [],
    });
    const laterDetail = await chair.meeting.get({ id: later });
    expect(laterDetail.items.map((i) => [i.kind, i.auto])).toEqual([
      ['followups', 1],
      ['pillar', 0],
    ]);
    const laterView = await chair.meeting.view({ id: later });
    expect(mine(laterView.snapshot.carriedOver)).toEqual([
      expect.objectContaining({ text: 'Laporkan progres TPS3R', state: 'terlambat', daysLate: 7 }),
    ]);
    expect(laterView.snapshot.carriedOver.counts.terlambat).toBe(1);
    expect(laterView.snapshot.carriedOver.counts.dalam_proses).toBe(0);
  });

  test('an OPD reports its follow-up done: another OPD cannot, a stale version is a CONFLICT', async () => {
    const f = (await operator.followUp.ofOpd()).items.find((x) => x.text === 'Laporkan progres TPS3R');
    if (!f) throw new Error('follow-up missing');
    createUser(t, 'op-dinkes', 'opd', 'DINKES');
    const other = callerAs(t, principalFor(t, 'op-dinkes'));
    await expect(
      other.followUp.report({ id: f.id, state: 'selesai', text: 'Sudah', expectedVersion: f.version }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await operator.followUp.report({
      id: f.id,
      state: 'selesai',
      text: 'TPS3R Kalimanah beroperasi',
      expectedVersion: f.version,
    });
    await expect(
      operator.followUp.report({ id: f.id, state: 'selesai', text: 'lagi', expectedVersion: f.version }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const history = await operator.followUp.history({ id: f.id });
    expect(history).toEqual([
      expect.objectContaining({ state: 'selesai', progressPct: 100, text: 'TPS3R Kalimanah beroperasi' }),
    ]);
    // Off the board of open follow-ups, and done as of today.
    const board = await chair.followUp.board();
    expect(board.items.map((x) => x.id)).not.toContain(f.id);
    const mine = await operator.followUp.ofOpd();
    expect(mine.items.find((x) => x.id === f.id)?.state).toBe('selesai');
    // Its audit row is on the OPD's trail.
    const trail = await chair.audit.byOpd({ opdCode: 'DLH' });
    expect(trail.some((a) => a.entity === 'follow_up' && a.action === 'report')).toBe(true);
  });
});

describe('judging a follow-up per WIB day', () => {
  test('due on the meeting day is not late yet; the next day it is', async () => {
    const { followUpStateOn } = await import('../../server/kpi/followups');
    const f = { dueDate: '2026-11-30', doneAt: null };
    expect(followUpStateOn(f, '2026-11-30')).toBe('dalam_proses');
    expect(followUpStateOn(f, '2026-12-01')).toBe('terlambat');
    // Done at 23.59 WIB on the 30th (16.59 UTC) is done that day, in the room's calendar.
    const done = { dueDate: '2026-11-30', doneAt: new Date(wibToMs('2026-11-30', 23, 59)).toISOString() };
    expect(followUpStateOn(done, '2026-11-30')).toBe('selesai');
    expect(followUpStateOn(done, '2026-11-29')).toBe('dalam_proses');
  });
});
