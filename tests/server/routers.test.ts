// Family procedures through createCaller on the small demo database: the slices of one figure
// must add up, whichever way a screen cuts it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let caller: ReturnType<typeof callerFor>;

beforeAll(() => {
  t = makeTestDb({ demo: 'small', nowMs: Date.parse('2026-11-23T03:00:00.000Z') });
  caller = callerFor(t);
});
afterAll(() => t.close());

describe('services.summary', () => {
  test('the 18 kecamatan add up to the per-service totals of the same month', async () => {
    const s = await caller.services.summary();
    expect(s.byKecamatan).toHaveLength(18);
    const sum = (
      xs: { submitted: number; completed: number; onTime?: number }[],
      k: 'submitted' | 'completed',
    ) => xs.reduce((a, x) => a + x[k], 0);
    expect(sum(s.byKecamatan, 'submitted')).toBe(sum(s.services, 'submitted'));
    expect(sum(s.byKecamatan, 'completed')).toBe(sum(s.services, 'completed'));
    for (const k of s.byKecamatan) {
      if (k.completed > 0) expect(k.onTimePct).toBeCloseTo((k.onTime / k.completed) * 100, 9);
      else expect(k.onTimePct).toBeNull();
    }
  });

  test('complaints by channel, topic, OPD and kecamatan each add up to the total received', async () => {
    const s = await caller.services.summary();
    const total = s.complaints.total[0]?.received ?? 0;
    expect(total).toBeGreaterThan(0);
    for (const dim of ['channel', 'topic', 'kecamatan'] as const) {
      expect(s.complaints[dim].reduce((a, c) => a + c.received, 0)).toBe(total);
    }
    // WhatsApp dominates, as in the 2025 Lapor MasBuP figures (83,7 %).
    const wa = s.complaints.channel.find((c) => c.key === 'whatsapp');
    expect((wa?.received ?? 0) / total).toBeGreaterThan(0.75);
  });
});

describe('budget.absorption', () => {
  test('OPD, spending-group and funding-source slices each add up to the regency pagu and realisation', async () => {
    const b = await caller.budget.absorption();
    for (const slices of [b.byOpd, b.byGroup, b.bySource]) {
      expect(slices.reduce((a, k) => a + k.paguRp, 0)).toBe(b.total.paguRp);
      expect(slices.reduce((a, k) => a + k.realKeuRp, 0)).toBe(b.total.realKeuRp);
    }
    expect(b.total.paguRp).toBe(2_180_000_000_000); // APBD 2026 (projection) to the Rupiah
    expect(b.bySource.some((k) => k.key === 'DAK_FISIK')).toBe(true);
  });
});

describe('masterplan.programmes', () => {
  test('pillar programme counts match the programme list', async () => {
    const m = await caller.masterplan.programmes();
    for (const p of m.pillars.items) {
      expect(p.programmes).toBe(m.programmes.filter((x) => x.pillarCode === p.code).length);
    }
  });
});

describe('spbe.results', () => {
  test('regression: the SPBE wall and the executive summary show the same latest result and trend', async () => {
    const [screen, summary] = await Promise.all([caller.spbe.results(), caller.dashboard.overview()]);
    // Before, the SPBE screen picked the 2026 self-assessment while the summary showed 2025 verified.
    expect(screen.latest).toEqual(summary.spbe.latest);
    expect(screen.latest).toMatchObject({ year: 2025, kind: 'verified' });
    expect(screen.trend).toEqual(summary.spbe.trend);
  });
});
