// Free text drops Unicode bidi controls: an unclosed override would reverse what follows it on the
// walls, in exports and in the briefing.
import { describe, expect, test } from 'vitest';
import { realisationEntry } from '../../shared/entry';
import { withoutBidiControls } from '../../shared/format';
import { meetingCreateInput } from '../../shared/meetings';

const RLO = '\u202E';
const LRI = '\u2066';

describe('bidi controls in free text', () => {
  test('every embedding, override and isolate control is removed, nothing else', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(withoutBidiControls(`a${all}b`)).toBe('ab');
    // Arabic/Hebrew letters and the plain LRM/RLM marks stay: they are text, not overrides.
    expect(withoutBidiControls('שלום \u200F مرحبا')).toBe('שלום \u200F مرحبا');
  });

  test('an OPD reason and a meeting title arrive without them', () => {
    const r = realisationEntry.parse({
      subKegiatanId: 1,
      month: 11,
      sp2dRp: 1,
      spjRp: 0,
      fisikPct: 1,
      expectedVersion: null,
      reason: `Koreksi ${RLO}txt.exe`,
    });
    expect(r.reason).toBe('Koreksi txt.exe');
    const m = meetingCreateInput.parse({
      kind: 'hlm',
      title: `${LRI}HLM Desember`,
      meetingDate: '2026-12-08',
      chair: 'Sekda',
      items: [{ kind: 'pillar', pillarCode: 'GOV' }],
      displayIds: [],
    });
    expect(m.title).toBe('HLM Desember');
  });

  test('text that is only controls is empty, so a required field still says it is required', () => {
    const res = meetingCreateInput.safeParse({
      kind: 'hlm',
      title: `${RLO}${RLO}`,
      meetingDate: '2026-12-08',
      chair: 'Sekda',
      items: [{ kind: 'pillar', pillarCode: 'GOV' }],
      displayIds: [],
    });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => i.message)).toContain('Judul rapat wajib diisi');
  });
});
