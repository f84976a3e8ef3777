import { describe, expect, test } from 'vitest';
import {
  describeError,
  fieldError,
  firstInvalid,
  issuesToFieldErrors,
  otherFieldMessages,
} from '../../client/forms/errors';
import { realisationEntry } from '../../shared/entry';

const NETWORK = 'Server tidak dapat dihubungi';

describe('describeError', () => {
  test('field errors from the server go next to their fields', () => {
    const err = {
      message: 'Masukan tidak valid: sp2dRp: SP2D tidak boleh negatif',
      data: {
        code: 'BAD_REQUEST',
        fieldErrors: { sp2dRp: ['SP2D tidak boleh negatif'], fisikPct: ['Realisasi fisik paling besar 100'] },
        conflict: null,
      },
    };
    const info = describeError(err, NETWORK);
    expect(info.code).toBe('BAD_REQUEST');
    expect(info.message).toBe(err.message);
    expect(fieldError(info.fieldErrors, 'sp2dRp')).toBe('SP2D tidak boleh negatif');
    expect(info.conflict).toBeNull();
  });

  test('a conflict carries the current value and version', () => {
    const info = describeError(
      {
        message: 'Data ini diubah orang lain',
        data: {
          code: 'CONFLICT',
          fieldErrors: null,
          conflict: { current: { sp2dRp: 5, spjRp: 4, fisikPct: 10 }, version: 3 },
        },
      },
      NETWORK,
    );
    expect(info.code).toBe('CONFLICT');
    expect(info.conflict).toEqual({ current: { sp2dRp: 5, spjRp: 4, fisikPct: 10 }, version: 3 });
    expect(info.fieldErrors).toEqual({});
  });

  test.each([
    ['a fetch failure', new TypeError('Failed to fetch')],
    ['a string', 'boom'],
    ['null', null],
    ['an error without data', { message: 'Unexpected token <' }],
  ])('%s (no server answer) reads as the network message', (_name, err) => {
    expect(describeError(err, NETWORK)).toEqual({
      code: null,
      message: NETWORK,
      fieldErrors: {},
      conflict: null,
    });
  });

  test('malformed error data is ignored, not trusted', () => {
    const info = describeError(
      {
        message: 'x',
        data: { code: 7, fieldErrors: { a: 'not a list', b: [1, 'ok'] }, conflict: { current: 1 } },
      },
      NETWORK,
    );
    expect(info.code).toBeNull();
    expect(info.fieldErrors).toEqual({ b: ['ok'] });
    expect(info.conflict).toBeNull();
  });
});

describe('issuesToFieldErrors', () => {
  test('the shared schema’s issues are keyed like the server keys them', () => {
    const parsed = realisationEntry.safeParse({
      subKegiatanId: 1,
      month: 10,
      sp2dRp: Number.NaN,
      spjRp: -1,
      fisikPct: 120,
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errs = issuesToFieldErrors(parsed.error.issues);
    expect(Object.keys(errs).sort()).toEqual(['fisikPct', 'sp2dRp', 'spjRp']);
    expect(errs.sp2dRp?.[0]).toMatch(/harus berupa angka/);
    expect(errs.spjRp?.[0]).toMatch(/tidak boleh negatif/);
    expect(errs.fisikPct?.[0]).toMatch(/paling besar 100/);
  });

  test('nested paths join with dots and a whole-input issue is "(input)"', () => {
    expect(
      issuesToFieldErrors([
        { path: ['elements', 3, 'nrr'], message: 'Nilai unsur 1–4' },
        { path: [], message: 'Masukan tidak valid' },
        { path: ['elements', 3, 'nrr'], message: 'lagi' },
      ]),
    ).toEqual({ 'elements.3.nrr': ['Nilai unsur 1–4', 'lagi'], '(input)': ['Masukan tidak valid'] });
  });
});

describe('which field to focus and what goes in the summary', () => {
  const errs = { fisikPct: ['a'], spjRp: ['b'], '(input)': ['c'] };

  test('the first invalid field in form order is focused', () => {
    expect(firstInvalid(errs, ['sp2dRp', 'spjRp', 'fisikPct'] as const)).toBe('spjRp');
    expect(firstInvalid({}, ['sp2dRp'] as const)).toBeNull();
  });

  test('messages about fields the form does not show go into the summary', () => {
    expect(otherFieldMessages(errs, ['sp2dRp', 'spjRp', 'fisikPct'])).toEqual(['c']);
  });
});
