import { describe, expect, test } from 'vitest';
import {
  exportUrl,
  fileNameHeader,
  isFinished,
  isImportKind,
  jobFraction,
  parseJob,
  templateUrl,
} from '../../client/forms/upload';

describe('parseJob', () => {
  test('a running job', () => {
    expect(parseJob({ state: 'validating', done: 500, total: 2000 })).toEqual({
      state: 'validating',
      done: 500,
      total: 2000,
    });
  });

  test('a failed job keeps every row error', () => {
    const job = parseJob({
      state: 'failed',
      done: 3,
      total: 3,
      errors: [
        { row: 2, column: 'Realisasi SP2D (Rp)', message: 'harus berupa angka' },
        { row: 0, column: '', message: 'Kolom Bulan tidak ada' },
      ],
    });
    expect(job?.errors).toHaveLength(2);
    expect(job?.errors?.[1]).toEqual({ row: 0, column: '', message: 'Kolom Bulan tidak ada' });
    expect(job && isFinished(job)).toBe(true);
  });

  test('a finished job has its summary', () => {
    expect(
      parseJob({ state: 'done', done: 10, total: 10, result: { written: 8, unchanged: 2 } })?.result,
    ).toEqual({
      written: 8,
      unchanged: 2,
    });
  });

  test.each([null, 'x', { state: 'queued' }, { done: 1 }])('%j is not a job', (json) => {
    expect(parseJob(json)).toBeNull();
  });
});

describe('jobFraction', () => {
  test('the bar is indeterminate while the total is unknown', () => {
    expect(jobFraction({ state: 'parsing', done: 0, total: null })).toBeNull();
  });

  test('done over total, within 0–1, and full when done', () => {
    expect(jobFraction({ state: 'writing', done: 250, total: 1000 })).toBe(0.25);
    expect(jobFraction({ state: 'writing', done: 2000, total: 1000 })).toBe(1);
    expect(jobFraction({ state: 'done', done: 0, total: null })).toBe(1);
  });
});

describe('requests', () => {
  test('a plain file name goes as it is; others are percent-encoded for the header', () => {
    expect(fileNameHeader('Realisasi Oktober 2026.xlsx')).toBe('Realisasi Oktober 2026.xlsx');
    expect(fileNameHeader('Rekap – Dinkes.xlsx')).toBe('Rekap%20%E2%80%93%20Dinkes.xlsx');
    expect(fileNameHeader('100%.csv')).toBe('100%25.csv');
  });

  test('only the four form kinds are accepted', () => {
    expect(['realisasi', 'progres', 'layanan', 'aduan', 'spbe', null].map(isImportKind)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  test('template and export URLs follow the contract', () => {
    expect(templateUrl('realisasi', 2026, 'DINKES')).toBe(
      '/api/import/realisasi/template?year=2026&opd=DINKES',
    );
    expect(templateUrl('aduan', 2026, null)).toBe('/api/import/aduan/template?year=2026');
    expect(exportUrl('realisasi', 'xlsx', { year: 2026, month: 10, opd: 'DINKES' })).toBe(
      '/api/export/realisasi?format=xlsx&year=2026&month=10&opd=DINKES',
    );
    expect(exportUrl('kepatuhan', 'csv', { family: 'budget', period: '2026-10', opd: null })).toBe(
      '/api/export/kepatuhan?format=csv&family=budget&period=2026-10',
    );
  });
});
