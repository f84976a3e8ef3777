// JSON text for fuzzed inputs. Generated values can hold keys JavaScript objects treat specially
// (`__proto__`), nesting too deep for JSON.stringify, or raw text; they are written out here exactly
// as sent, and the oracle parses that same text the way the server does.
import fc from 'fast-check';

/** JSON text inserted verbatim (deep nesting, prototype-pollution payloads). */
export class Raw {
  constructor(readonly text: string) {}
}

/** An object as ordered entries, so any key (`__proto__`, `constructor`, '') survives to the wire. */
export class Obj {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

export function toJson(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (v instanceof Obj) {
    const parts: string[] = [];
    for (const [k, x] of v.entries) if (x !== undefined) parts.push(`${JSON.stringify(k)}:${toJson(x)}`);
    return `{${parts.join(',')}}`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : toJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') return toJson(new Obj(Object.entries(v)));
  if (typeof v === 'bigint') return v.toString();
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null';
  return JSON.stringify(v);
}

/** A generated case: what it is (for the report on failure) and its JSON text (undefined: no input). */
export interface Case {
  label: string;
  json: string | undefined;
}

/** Short description for fast-check's failure report (the text itself can be a megabyte). */
export function describeCase(c: Case): string {
  const t = c.json ?? '(tanpa input)';
  return `${c.label} ${t.length > 300 ? `${t.slice(0, 300)}… (${t.length} karakter)` : t}`;
}

export function asCase(label: string, value: unknown): Case {
  const json = value === undefined ? undefined : toJson(value);
  return Object.assign({ label, json }, { [fc.toStringMethod]: () => describeCase({ label, json }) });
}
