// The alert ticker that runs along the foot of every wall screen: red-zone OPDs, services breaching
// their on-time standard, OPDs that missed a reporting deadline, programmes far behind plan, and
// meeting follow-ups (tindak lanjut) past their due date.
// Items carry numbers and names only; the client words them in the room's language.
import { worstDeviation } from './budget';
import { compareText } from './order';
import type { BudgetKpi, Colour, OverdueReports, ProgrammeKpi, ServiceKpi } from './types';

export type TickerKind = 'zona_merah' | 'sla' | 'laporan' | 'program' | 'tindak_lanjut';

export interface TickerItem {
  kind: TickerKind;
  colour: Colour;
  /** What the alert is about, by name: an OPD, a service, a programme. */
  name: string;
  opdCode: string | null;
  /** The figure behind it in its unit (deviation poin, % on time, days late); null for a missed report. */
  value: number | null;
  unit: 'poin' | 'pct' | 'hari' | null;
  /** Missed reports: which family and period, and the deadline that passed. */
  family: 'budget' | 'masterplan' | null;
  period: string | null;
  deadline: string | null;
  /** A late follow-up: what was promised, shortened to about FOLLOW_UP_DETAIL_CHARS. */
  detail: string | null;
}

/** A follow-up past its due date, as the ticker needs it. */
export interface LateFollowUp {
  id: number;
  ownerOpdCode: string;
  ownerOpdName: string;
  text: string;
  daysLate: number;
}

export interface TickerSources {
  redZone: readonly BudgetKpi[];
  services: readonly ServiceKpi[];
  programmes: readonly ProgrammeKpi[];
  overdue: readonly OverdueReports[];
  lateFollowUps: readonly LateFollowUp[];
}

export interface Ticker {
  items: TickerItem[];
  /** Every alert counted, including those past the cap. */
  counts: Record<TickerKind, number>;
}

/** A ticker that runs longer than this stops being read; the counts still cover everything. */
export const MAX_TICKER_ITEMS = 40;

const NONE = { family: null, period: null, deadline: null, detail: null } as const;

/** A follow-up's text on the ticker: about this many characters, cut at a word. */
export const FOLLOW_UP_DETAIL_CHARS = 60;

/** `text` on one line, cut at the last word boundary before `max` characters with "…". */
export function shorten(text: string, max = FOLLOW_UP_DETAIL_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

export function buildTicker(s: TickerSources, max = MAX_TICKER_ITEMS): Ticker {
  const redZone = [...s.redZone]
    .map((k) => ({ k, worst: worstDeviation(k) }))
    .sort((a, b) => (a.worst?.poin ?? 0) - (b.worst?.poin ?? 0) || compareText(a.k.key, b.k.key))
    .map(
      ({ k, worst }): TickerItem => ({
        kind: 'zona_merah',
        colour: 'merah',
        name: k.label,
        opdCode: k.key,
        value: worst?.poin ?? null,
        unit: 'poin',
        ...NONE,
      }),
    );
  const sla = s.services
    .filter((v) => v.colour === 'merah' && v.onTimePct !== null)
    .sort((a, b) => (a.onTimePct ?? 0) - (b.onTimePct ?? 0) || compareText(a.serviceCode, b.serviceCode))
    .map(
      (v): TickerItem => ({
        kind: 'sla',
        colour: 'merah',
        name: v.serviceName,
        opdCode: v.opdCode,
        value: v.onTimePct,
        unit: 'pct',
        ...NONE,
      }),
    );
  const laporan = s.overdue.flatMap((o) =>
    o.opds.map(
      (opd): TickerItem => ({
        kind: 'laporan',
        colour: 'kuning',
        name: opd.name,
        opdCode: opd.code,
        value: null,
        unit: null,
        family: o.family,
        period: o.period,
        deadline: o.deadline,
        detail: null,
      }),
    ),
  );
  const program = s.programmes
    .filter((p) => p.colour === 'merah' && p.deviationPoin !== null)
    .sort((a, b) => (a.deviationPoin ?? 0) - (b.deviationPoin ?? 0) || compareText(a.code, b.code))
    .map(
      (p): TickerItem => ({
        kind: 'program',
        colour: 'merah',
        name: p.name,
        opdCode: p.opdCode,
        value: p.deviationPoin,
        unit: 'poin',
        ...NONE,
      }),
    );
  const tindakLanjut = s.lateFollowUps
    .filter((f) => f.daysLate > 0)
    .sort((a, b) => b.daysLate - a.daysLate || compareText(a.ownerOpdCode, b.ownerOpdCode) || a.id - b.id)
    .map(
      (f): TickerItem => ({
        kind: 'tindak_lanjut',
        colour: 'merah',
        name: f.ownerOpdName,
        opdCode: f.ownerOpdCode,
        value: f.daysLate,
        unit: 'hari',
        ...NONE,
        detail: shorten(f.text),
      }),
    );
  const groups = [redZone, sla, laporan, program, tindakLanjut];
  return {
    items: interleave(groups, max),
    counts: {
      zona_merah: redZone.length,
      sla: sla.length,
      laporan: laporan.length,
      program: program.length,
      tindak_lanjut: tindakLanjut.length,
    },
  };
}

/**
 * Round-robin over the groups, worst first within each, so a long list of one kind (30 late
 * reports) never pushes every other kind off the ticker.
 */
function interleave<T>(groups: readonly (readonly T[])[], max: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < max; i++) {
    let any = false;
    for (const g of groups) {
      const item = g[i];
      if (item === undefined) continue;
      any = true;
      if (out.length < max) out.push(item);
    }
    if (!any) break;
  }
  return out;
}
