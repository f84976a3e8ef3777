// The alert strip of the executive summary: the red items by name, worst first. Items of different
// families carry different units (deviation poin vs % on time), so they are ranked by how far each
// lies beyond its own red line (the yellow threshold), in percentage points: a programme 25 poin
// behind against a −10 line (15 beyond) outranks a service at 70 % on time against an 80 % line
// (10 beyond). Equal depth: anggaran, then pilar, then layanan; then by code.
import { worstDeviation } from './budget';
import type { PctThresholds } from './colour';
import { compareText } from './order';
import type { AlertItem, BudgetKpi, DeviationThresholds, ProgrammeKpi, ServiceKpi } from './types';

export const MAX_ALERTS = 8;

export interface AlertSources {
  /** OPD budget KPIs; only those coloured merah become alerts. */
  opds: readonly BudgetKpi[];
  budgetThresholds: DeviationThresholds;
  /** Programme KPIs; only those coloured merah become alerts. */
  programmes: readonly ProgrammeKpi[];
  programmeThresholds: DeviationThresholds;
  /** Service KPIs; only those coloured merah become alerts. */
  services: readonly ServiceKpi[];
  onTimeThresholds: PctThresholds;
}

interface Ranked {
  item: AlertItem;
  depth: number;
  familyRank: number;
  code: string;
}

export function buildAlerts(s: AlertSources): AlertItem[] {
  const ranked: Ranked[] = [];
  for (const k of s.opds) {
    const worst = worstDeviation(k);
    if (k.colour !== 'merah' || worst === null) continue;
    ranked.push({
      item: {
        family: 'anggaran',
        name: k.label,
        opdCode: k.key,
        value: worst.poin,
        unit: 'poin',
        colour: 'merah',
        detail: worst.kind === 'keuangan' ? 'deviasi keuangan' : 'deviasi fisik',
      },
      depth: s.budgetThresholds.yellowMinPoin - worst.poin,
      familyRank: 0,
      code: k.key,
    });
  }
  for (const p of s.programmes) {
    if (p.colour !== 'merah' || p.deviationPoin === null) continue;
    ranked.push({
      item: {
        family: 'pilar',
        name: p.name,
        opdCode: p.opdCode,
        value: p.deviationPoin,
        unit: 'poin',
        colour: 'merah',
        detail: 'progres di bawah rencana',
      },
      depth: s.programmeThresholds.yellowMinPoin - p.deviationPoin,
      familyRank: 1,
      code: p.code,
    });
  }
  for (const v of s.services) {
    if (v.colour !== 'merah' || v.onTimePct === null) continue;
    ranked.push({
      item: {
        family: 'layanan',
        name: v.serviceName,
        opdCode: v.opdCode,
        value: v.onTimePct,
        unit: 'pct',
        colour: 'merah',
        detail: 'penyelesaian tepat waktu',
      },
      depth: s.onTimeThresholds.yellowMinPct - v.onTimePct,
      familyRank: 2,
      code: v.serviceCode,
    });
  }
  return ranked
    .sort((a, b) => b.depth - a.depth || a.familyRank - b.familyRank || compareText(a.code, b.code))
    .slice(0, MAX_ALERTS)
    .map((r) => r.item);
}
