import { describe, expect, test } from 'vitest';
import { type OfficeKey, officeMessages } from '../../client/office/messages';
import type { TFn } from '../../client/office/useT';
import {
  type DraftItem,
  moveItem,
  newDraftItem,
  parseDraft,
  summarizePlaylist,
  toDraft,
} from '../../client/pages/admin/playlistDraft';
import { interpolate } from '../../shared/i18n';

const t: TFn = (key: OfficeKey, params) =>
  interpolate(
    officeMessages.id[key],
    params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  );

const draft = (patch: Partial<DraftItem>): DraftItem => ({ ...newDraftItem(), ...patch });

describe('playlist draft', () => {
  test('a filter goes to the server only for a screen it applies to', () => {
    const result = parseDraft(
      [
        draft({ screen: 'ringkasan', dwell: '30', opdCode: 'DINKES', pillar: 'GOV' }),
        draft({ screen: 'pilar', dwell: '20', pillar: 'GOV', opdCode: 'DINKES', serviceGroup: 'adminduk' }),
        draft({ screen: 'layanan', dwell: '15', serviceGroup: 'adminduk', opdCode: 'DINKES' }),
        draft({ screen: 'anggaran', dwell: '1.200', opdCode: '' }),
      ],
      'id',
    );
    expect(result).toEqual({
      ok: true,
      playlist: [
        { screen: 'ringkasan', dwellS: 30 },
        { screen: 'pilar', dwellS: 20, pillar: 'GOV', opdCode: 'DINKES' },
        { screen: 'layanan', dwellS: 15, serviceGroup: 'adminduk' },
        { screen: 'anggaran', dwellS: 1200 },
      ],
    });
  });

  test.each([
    ['5', 'Durasi tayang minimal 10 detik'],
    ['', 'Durasi tayang harus berupa angka (detik)'],
    ['tiga puluh', 'Durasi tayang harus berupa angka (detik)'],
    ['12,5', 'Durasi tayang dalam detik bulat'],
  ])('dwell %j is refused with the shared message, keyed like the server', (dwell, message) => {
    expect(parseDraft([draft({ dwell: '30' }), draft({ dwell })], 'id')).toEqual({
      ok: false,
      errors: { 'playlist.1.dwellS': [message] },
    });
  });

  test('one pillar without its pillar is refused on the pillar field', () => {
    expect(parseDraft([draft({ screen: 'pilar', dwell: '20' })], 'id')).toEqual({
      ok: false,
      errors: { 'playlist.0.pillar': ['Layar pilar wajib memilih pilar'] },
    });
  });

  test('a stored playlist comes back as the same items', () => {
    const playlist = [
      { screen: 'kepatuhan' as const, dwellS: 45, opdCode: 'DINKES' },
      { screen: 'pilar' as const, dwellS: 10, pillar: 'ENV' as const },
    ];
    expect(parseDraft(toDraft(playlist), 'id')).toEqual({ ok: true, playlist });
  });

  test('moving swaps neighbours and does nothing past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  test('the summary names each view, its filter and dwell, and counts what it leaves out', () => {
    expect(
      summarizePlaylist(
        [
          { screen: 'ringkasan', dwellS: 30 },
          { screen: 'pilar', dwellS: 20, pillar: 'GOV' },
          { screen: 'anggaran', dwellS: 20, opdCode: 'DINKES' },
          { screen: 'layanan', dwellS: 15, serviceGroup: 'perizinan' },
          { screen: 'layanan', dwellS: 15, serviceGroup: 'baru' },
        ],
        t,
        4,
      ),
    ).toBe(
      'Ringkasan 30 dtk · Pilar GOV 20 dtk · Anggaran (DINKES) 20 dtk · Layanan (Perizinan) 15 dtk · +1 lainnya',
    );
    expect(summarizePlaylist([{ screen: 'layanan', dwellS: 15, serviceGroup: 'baru' }], t)).toBe(
      'Layanan (baru) 15 dtk',
    );
  });
});
