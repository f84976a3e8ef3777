import { describe, expect, test } from 'vitest';
import { auditChanges, auditValueText } from '../../client/forms/audit';

describe('auditChanges', () => {
  test('each field shows old → new, money in Rupiah and numbers grouped', () => {
    const changes = auditChanges(
      JSON.stringify({ sp2dRp: 1_000_000, fisikPct: 40 }),
      JSON.stringify({ sp2dRp: 1_250_000_000, fisikPct: 84.5 }),
    );
    expect(changes).toEqual([
      { field: 'sp2dRp', before: 'Rp1.000.000', after: 'Rp1.250.000.000' },
      { field: 'fisikPct', before: '40', after: '84,5' },
    ]);
  });

  test('a new figure has no old values and a field only on one side shows a dash on the other', () => {
    expect(auditChanges(null, JSON.stringify({ verification: 'verified' }))).toEqual([
      { field: 'verification', before: '—', after: 'verified' },
    ]);
    expect(auditChanges('{"a":1}', '{"b":2}')).toEqual([
      { field: 'a', before: '1', after: '—' },
      { field: 'b', before: '—', after: '2' },
    ]);
  });

  test('markup an operator typed comes back as the same characters, to be rendered as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const [change] = auditChanges(null, JSON.stringify({ kendala: evil }));
    expect(change?.after).toBe(evil);
  });

  test('text that is not JSON shows as it is', () => {
    expect(auditChanges('rusak{', null)).toEqual([{ field: '', before: 'rusak{', after: '—' }]);
  });

  test('nested values and booleans are written out', () => {
    expect(auditValueText('x', { a: [1] })).toBe('{"a":[1]}');
    expect(auditValueText('active', true)).toBe('true');
    expect(auditValueText('spentRp', 1500, 'en')).toBe('Rp1,500');
  });
});
