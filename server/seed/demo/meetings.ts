// Demo meetings, so a fresh start has one to open and a briefing to print: an HLM five weeks
// before the demo's "now", held and closed, its figures frozen on its date, with directions,
// decisions and three follow-ups (one done, one in progress, one overdue by now); and the next
// meeting, planned two weeks ahead, whose agenda opens with the overdue follow-up. Synthetic
// (titles say "data contoh"); chairs are roles, never people.
import { addDays, weekdayOf, wibDate, wibToMs } from '../../../shared/time';
import type { Db } from '../../db/connection';
import {
  followUpsBefore,
  type ItemKind,
  insertFollowUp,
  insertItem,
  insertMeeting,
  insertNote,
  meetingById,
  meetingItems,
  programmeIdByCode,
  reportFollowUp,
  updateMeeting,
} from '../../db/queries/meetings';
import { ChangeBus } from '../../live';
import { followUpView, freezeSnapshot } from '../../meetings';
import type { AppContext } from '../../trpc';
import type { DemoContext } from './context';

/** The Tuesday on or before `date` (an HLM day in the demo's story). */
function tuesdayOnOrBefore(date: string): string {
  return addDays(date, -((weekdayOf(date) - 2 + 7) % 7));
}

const iso = (date: string, hour: number, minute = 0) => new Date(wibToMs(date, hour, minute)).toISOString();

const TRIWULAN = ['I', 'II', 'III', 'IV'] as const;

/** A read-model context for the server's snapshot code, its clock stopped at `ms`. */
function contextAt(db: Db, ms: number): AppContext {
  return {
    db,
    clock: () => ms,
    bus: new ChangeBus(),
    buildId: 'seed',
    overviewMemo: null,
    memos: null,
    principal: null,
    csrfHeader: undefined,
  };
}

interface AgendaItem {
  kind: ItemKind;
  pillarCode?: string;
  opdCode?: string;
}

function writeItems(ctx: DemoContext, meetingId: number, items: readonly AgendaItem[], auto: boolean) {
  let position = 1;
  if (auto)
    insertItem(ctx.db, {
      meetingId,
      position: position++,
      kind: 'followups',
      pillarCode: null,
      opdId: null,
      auto: true,
    });
  for (const i of items) {
    const opdId = i.opdCode ? (ctx.opdByCode.get(i.opdCode)?.id ?? null) : null;
    if (i.kind === 'opd' && opdId === null) throw new Error(`demo meeting: unknown OPD ${i.opdCode}`);
    insertItem(ctx.db, {
      meetingId,
      position: position++,
      kind: i.kind,
      pillarCode: i.pillarCode ?? null,
      opdId,
      auto: false,
    });
  }
}

export function seedMeetings(ctx: DemoContext): void {
  const { db } = ctx;
  const today = wibDate(ctx.nowMs);
  const held = tuesdayOnOrBefore(addDays(today, -35));
  const next = tuesdayOnOrBefore(addDays(today, 20));
  const opd = (code: string) => {
    const o = ctx.opdByCode.get(code);
    if (!o) throw new Error(`demo meeting: unknown OPD ${code}`);
    return o.id;
  };

  db.transaction(() => {
    // ── The HLM that was held: agenda GOV, ENV and DLH (deep red in serapan), closed the same morning.
    const heldYear = Number(held.slice(0, 4));
    const quarter = TRIWULAN[Math.floor((Number(held.slice(5, 7)) - 1) / 3)];
    const hlm = insertMeeting(db, {
      kind: 'hlm',
      title: `HLM Smart City Triwulan ${quarter} ${heldYear} (data contoh)`,
      meetingDate: held,
      chair: 'Bupati',
      year: heldYear,
      asOf: held,
      at: iso(addDays(held, -7), 9),
      by: null,
    });
    writeItems(
      ctx,
      hlm,
      [
        { kind: 'pillar', pillarCode: 'GOV' },
        { kind: 'pillar', pillarCode: 'ENV' },
        { kind: 'opd', opdCode: 'DLH' },
      ],
      false,
    );
    const [gov, env, dlh] = meetingItems(db, hlm);
    if (!gov || !env || !dlh) throw new Error('demo meeting: agenda not written');
    const startedMs = wibToMs(held, 9);
    const m = meetingById(db, hlm);
    if (!m) throw new Error('demo meeting missing');
    updateMeeting(db, hlm, m.version, {
      state: 'running',
      startedAt: new Date(startedMs).toISOString(),
      cursorItemId: gov.id,
      cursorFocus: null,
    });
    // The figures as the room saw them that morning, through the same code a real start uses.
    freezeSnapshot(contextAt(db, startedMs), { ...m, state: 'running' });

    const notes: [number, 'arahan' | 'keputusan', string, number][] = [
      [
        gov.id,
        'arahan',
        'Seluruh OPD memutakhirkan progres program masterplan paling lambat tanggal 5 setiap bulan.',
        9 * 60 + 40,
      ],
      [
        env.id,
        'arahan',
        'DLH berkoordinasi dengan camat untuk lokasi TPS3R yang lahannya belum siap.',
        10 * 60 + 20,
      ],
      [
        gov.id,
        'keputusan',
        'Paket pengadaan yang tertunda diselesaikan melalui LPSE sebelum akhir triwulan.',
        10 * 60 + 5,
      ],
      [
        dlh.id,
        'keputusan',
        'Program dengan deviasi lebih dari 10 poin dibahas khusus pada rapat berikutnya.',
        10 * 60 + 50,
      ],
    ];
    for (const [itemId, kind, text, min] of notes)
      insertNote(db, {
        meetingId: hlm,
        itemId,
        kind,
        text,
        at: iso(held, Math.floor(min / 60), min % 60),
        by: null,
      });

    const followUp = (itemId: number, owner: string, programme: string, text: string, due: string) => {
      const p = programmeIdByCode(db, programme);
      return insertFollowUp(db, {
        meetingId: hlm,
        itemId,
        pillarCode: p?.pillarCode ?? null,
        programmeId: p?.id ?? null,
        ownerOpdId: opd(owner),
        text,
        dueDate: due,
        at: iso(held, 11),
        by: null,
      });
    };
    const done = followUp(
      gov.id,
      'DINKOMINFO',
      'GOV-03',
      'Tetapkan walidata dan jadwal pemutakhiran Satu Data Purbalingga di setiap OPD',
      addDays(held, 21),
    );
    const running = followUp(
      env.id,
      'DLH',
      'ENV-02',
      'Percepat pembangunan TPS3R di desa prioritas dan laporkan progresnya tiap dua minggu',
      addDays(next, 14),
    );
    const late = followUp(
      gov.id,
      'SETDA',
      'GOV-10',
      'Selesaikan tender paket pekerjaan yang tertunda melalui LPSE',
      addDays(today, -10),
    );
    const closed = meetingById(db, hlm);
    if (!closed) throw new Error('demo meeting missing');
    updateMeeting(db, hlm, closed.version, { state: 'closed', closedAt: iso(held, 11, 30) });

    // What the OPDs reported since: done, under way, and a partial report before the due date passed.
    reportFollowUp(db, done, 1, {
      state: 'selesai',
      progressPct: 100,
      text: 'SK walidata ditetapkan; jadwal pemutakhiran berlaku untuk seluruh OPD',
      at: iso(addDays(held, 18), 14),
      by: null,
    });
    reportFollowUp(db, running, 1, {
      state: 'dalam_proses',
      progressPct: 60,
      text: 'Tiga dari lima TPS3R prioritas sudah dibangun',
      at: iso(addDays(today, -3), 15),
      by: null,
    });
    reportFollowUp(db, late, 1, {
      state: 'dalam_proses',
      progressPct: 40,
      text: 'Dua paket masih menunggu jawaban sanggah',
      at: iso(addDays(today, -17), 13),
      by: null,
    });

    // ── The next meeting, planned: overdue follow-ups open its agenda by themselves (as the router does).
    const nextYear = Number(next.slice(0, 4));
    const planned = insertMeeting(db, {
      kind: 'hlm',
      title: `HLM Smart City lanjutan ${nextYear} (data contoh)`,
      meetingDate: next,
      chair: 'Bupati',
      year: nextYear,
      asOf: next,
      at: iso(today, 8),
      by: null,
    });
    const overdue = followUpsBefore(db, next, planned).some(
      (f) => followUpView(f, next).state === 'terlambat',
    );
    writeItems(
      ctx,
      planned,
      [
        { kind: 'pillar', pillarCode: 'GOV' },
        { kind: 'pillar', pillarCode: 'ECO' },
        { kind: 'opd', opdCode: 'SETDA' },
      ],
      overdue,
    );
  })();
  ctx.log(`meetings: HLM ${held} (closed, frozen), next ${next} (planned)`);
}
