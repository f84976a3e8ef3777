// An audit row's old and new values (JSON text as the server stored it) as plain lines of text,
// one per field: "sp2dRp: Rp1.000 → Rp2.000". The result is only ever rendered as text, so an
// operator's "<script>" in a kendala stays inert.

import { formatNumber, formatRupiah, type Locale } from '../../shared/format';

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

const DASH = '—';

function parse(json: unknown): unknown {
  if (json === null || json === undefined || json === '') return undefined;
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function decimalsOf(n: number): number {
  const frac = String(n).split('.')[1] ?? '';
  return /e/i.test(String(n)) ? 0 : Math.min(frac.length, 6);
}

/** One value as text: money fields (named …Rp) in Rupiah, numbers grouped, the rest as written. */
export function auditValueText(field: string, value: unknown, locale: Locale = 'id'): string {
  if (value === undefined || value === null) return DASH;
  if (typeof value === 'number') {
    return /Rp$/.test(field) ? formatRupiah(value, locale) : formatNumber(value, decimalsOf(value), locale);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Field by field, old → new; a value that is not a JSON object shows as one unnamed field. */
export function auditChanges(oldJson: unknown, newJson: unknown, locale: Locale = 'id'): AuditChange[] {
  const before = parse(oldJson);
  const after = parse(newJson);
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if ((before === undefined || isObj(before)) && (after === undefined || isObj(after))) {
    const b = before ?? {};
    const a = after ?? {};
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return fields.map((field) => ({
      field,
      before: field in b ? auditValueText(field, b[field], locale) : DASH,
      after: field in a ? auditValueText(field, a[field], locale) : DASH,
    }));
  }
  return [
    { field: '', before: auditValueText('', before, locale), after: auditValueText('', after, locale) },
  ];
}
