import { describe, expect, test } from 'vitest';
import {
  compareIkmPeriodDesc,
  elementKey,
  ikmGradeFor,
  ikmKpi,
  ikmPeriodEnd,
  ikmSummary,
  round2,
} from '../../../server/kpi/ikm';
import type { IkmKpi, IkmSurveyRow } from '../../../server/kpi/types';
import { GRADES, STANDARD } from './ikm-fixtures';

// A unit's report in its own order and wording. NRR sum = 3,45 + 3,32 + 3,18 + 3,60 + 3,25
// + 3,30 + 3,35 + 3,05 + 3,20 = 29,70; mean 3,30; IKM = 3,30 × 25 = 82,50 → B (Baik).
// (The "NRR × 0,111" shortcut would give 29,70 × 0,111 × 25 = 82,42.)
const ELEMENTS = [
  { name: 'Sarana & Prasarana', nrr: 3.2 },
  { name: 'sistem mekanisme & prosedur', nrr: 3.32 },
  { name: 'BIAYA / TARIF', nrr: 3.6 },
  { name: 'Perilaku  Pelaksana', nrr: 3.35 },
  { name: 'Persyaratan', nrr: 3.45 },
  { name: 'Penanganan pengaduan, saran & masukan', nrr: 3.05 },
  { name: 'Kompetensi Pelaksana.', nrr: 3.3 },
  { name: 'Produk spesifikasi jenis pelayanan', nrr: 3.25 },
  { name: 'Waktu penyelesaian', nrr: 3.18 },
];

const survey = (
  elements: { name: string; nrr: number }[],
  over: Partial<IkmSurveyRow> = {},
): IkmSurveyRow => ({
  unitCode: 'MPP',
  unitName: 'Mal Pelayanan Publik',
  period: '2025-S2',
  respondents: 384,
  elements,
  ...over,
});

describe('elementKey', () => {
  test.each([
    ['Sistem, Mekanisme, dan Prosedur', 'sistem mekanisme prosedur'],
    ['sistem mekanisme & prosedur', 'sistem mekanisme prosedur'],
    ['Sistem mekanisme prosedur', 'sistem mekanisme prosedur'], // "dan" is optional
    ['Biaya/Tarif', 'biaya tarif'],
    ['  BIAYA / TARIF ', 'biaya tarif'],
    ['Sarana-Prasarana', 'sarana prasarana'],
    ['Penanganan Pengaduan, Saran dan Masukan', 'penanganan pengaduan saran masukan'],
    ['Kesesuaian Persyaratan', 'kesesuaian persyaratan'], // a different element stays different
  ])('%j → %j', (name, key) => {
    expect(elementKey(name)).toBe(key);
  });
});

describe('round2 and ikmGradeFor', () => {
  test.each([
    [88.305, 88.31], // 88,305 is 88,30499… in binary; half-up on the decimal value
    [88.304999, 88.3],
    [64.995, 65],
    [82.5, 82.5],
  ])('round2(%s) = %s', (x, r) => {
    expect(round2(x)).toBe(r);
  });

  test.each<[number | null, string | null]>([
    [100, 'A'],
    [88.31, 'A'],
    [88.305, 'A'], // rounds to 88,31
    [88.3, 'B'],
    [88.304, 'B'], // rounds to 88,30
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.995, 'C'], // rounds to 65,00
    [64.99, 'D'],
    [25, 'D'],
    [24.5, null], // outside every band
    [null, null],
  ])('%s → grade %s', (value, grade) => {
    expect(ikmGradeFor(value, GRADES)?.grade ?? null).toBe(grade);
  });
});

describe('ikmKpi', () => {
  test('matches elements by name whatever their order and wording: 82,50 Baik', () => {
    const k = ikmKpi(survey(ELEMENTS), STANDARD, GRADES);
    expect(k.ikm).toBeCloseTo(82.5, 9);
    expect([k.grade, k.gradeLabel, k.missingElements]).toEqual(['B', 'Baik', []]);
    expect([k.unitCode, k.unitName, k.period, k.respondents]).toEqual([
      'MPP',
      'Mal Pelayanan Publik',
      '2025-S2',
      384,
    ]);
  });

  test('a shuffled element order gives the same result', () => {
    const reversed = ikmKpi(survey([...ELEMENTS].reverse()), STANDARD, GRADES);
    const rotated = ikmKpi(survey([...ELEMENTS.slice(4), ...ELEMENTS.slice(0, 4)]), STANDARD, GRADES);
    expect(reversed.ikm).toBeCloseTo(82.5, 9);
    expect(rotated.ikm).toBeCloseTo(82.5, 9);
  });

  test('an element the unit adds counts in the mean', () => {
    // (29,70 + 3,90) / 10 = 3,36 × 25 = 84,00
    const k = ikmKpi(survey([...ELEMENTS, { name: 'Kenyamanan Ruang Tunggu', nrr: 3.9 }]), STANDARD, GRADES);
    expect(k.ikm).toBeCloseTo(84, 9);
    expect(k.grade).toBe('B');
  });

  test('a missing standard element makes the index null and is named as the standard words it', () => {
    const without = ELEMENTS.filter((e) => !/tarif|sarana/i.test(e.name));
    const k = ikmKpi(survey(without), STANDARD, GRADES);
    expect(k.ikm).toBeNull();
    expect([k.grade, k.gradeLabel]).toEqual([null, null]);
    expect(k.missingElements).toEqual(['Biaya/Tarif', 'Sarana dan Prasarana']);
  });

  test('position does not stand in for a name: nine elements with one wrong name still miss one', () => {
    const renamed = ELEMENTS.map((e) => (e.name === 'Persyaratan' ? { ...e, name: 'Kemudahan Akses' } : e));
    expect(ikmKpi(survey(renamed), STANDARD, GRADES).missingElements).toEqual(['Persyaratan']);
  });

  test.each([
    // eight elements at 3,53 (28,24) plus one: mean × 25 on either side of the A/B boundary
    [3.5516, 88.31, 'A'], // (28,24 + 3,5516) / 9 = 3,5324 → 88,31
    [3.548, 88.3, 'B'], // (28,24 + 3,548) / 9 = 3,532 → 88,30
  ])('boundary: last NRR %s gives %s (%s)', (last, ikm, grade) => {
    const elements = STANDARD.map((name, i) => ({ name, nrr: i === 8 ? last : 3.53 }));
    const k = ikmKpi(survey(elements), STANDARD, GRADES);
    expect(k.ikm).toBeCloseTo(ikm, 9);
    expect(k.grade).toBe(grade);
  });

  test('an empty survey against an empty standard has no index', () => {
    expect(ikmKpi(survey([]), [], GRADES).ikm).toBeNull();
  });
});

describe('survey periods', () => {
  test.each([
    ['2025', [2025, 12]],
    ['2025-S1', [2025, 6]],
    ['2025-S2', [2025, 12]],
    ['2025-TW3', [2025, 9]],
    ['2025-04', [2025, 4]],
  ])('%s ends at %j', (period, end) => {
    expect(ikmPeriodEnd(period)).toEqual(end);
  });

  test.each(['2025-TW5', '2025-13', '25', '2025-S3'])('%s is rejected', (bad) => {
    expect(() => ikmPeriodEnd(bad)).toThrow(RangeError);
  });

  test('sort latest first, text breaking ties between periods ending together', () => {
    const sorted = ['2024-S2', '2025-TW1', '2025-S1', '2025-TW3', '2025', '2025-S2'].sort(
      compareIkmPeriodDesc,
    );
    expect(sorted).toEqual(['2025-S2', '2025', '2025-TW3', '2025-S1', '2025-TW1', '2024-S2']);
  });
});

describe('ikmSummary', () => {
  const kpi = (unitCode: string, period: string, ikm: number | null): IkmKpi => ({
    unitCode,
    unitName: unitCode,
    period,
    respondents: 100,
    ikm,
    grade: null,
    gradeLabel: null,
    missingElements: ikm === null ? ['Persyaratan'] : [],
  });

  test('mean of the unit values in the latest period that has one', () => {
    const s = ikmSummary(
      [
        kpi('MPP', '2025-S1', 80),
        kpi('RSUD', '2025-S2', 90),
        kpi('DINKES', '2025-S2', 86.6),
        kpi('DISDUK', '2025-S2', null), // incomplete survey: left out, not counted as 0
        kpi('DPMPTSP', '2026-TW1', null), // the newest period has nothing complete yet
      ],
      GRADES,
    );
    // (90 + 86,6) / 2 = 88,30 → B
    expect(s).toEqual({ value: 88.3, grade: 'B', gradeLabel: 'Baik', units: 2, period: '2025-S2' });
  });

  test('no complete survey gives a null summary', () => {
    expect(ikmSummary([kpi('MPP', '2025-S1', null)], GRADES)).toEqual({
      value: null,
      grade: null,
      gradeLabel: null,
      units: 0,
      period: null,
    });
  });
});
