// fast-check arbitraries for procedure inputs. "url" inputs travel in a GET query string (Node
// refuses a request line over 16 KB before the app sees it), "body" inputs in a POST body (up to
// the 1 MB limit; bigger bodies are bodies.test.ts's business).
import fc from 'fast-check';
import { asCase, type Case, Obj, Raw } from './wire';

export type Channel = 'url' | 'body';

/** Encoded characters a GET input may spend on one huge value. */
const URL_BUDGET = 6_000;

const encodedLength = (s: string) => encodeURIComponent(s).length;

export function hugeString(channel: Channel): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('x', '9', ' ', 'é', '\u0000', '<b>', '🙂', "'"),
      fc.double({ min: 0.2, max: 1, noNaN: true }),
    )
    .map(([c, f]) => {
      const n =
        channel === 'url'
          ? Math.floor((URL_BUDGET / encodedLength(JSON.stringify(c))) * f)
          : Math.floor((100_000 / Buffer.byteLength(JSON.stringify(c))) * f);
      return c.repeat(Math.max(250, n));
    });
}

export function hugeArray(channel: Channel): fc.Arbitrary<unknown[]> {
  return channel === 'url'
    ? fc
        .tuple(fc.constantFrom(0, null, 'x'), fc.integer({ min: 100, max: 600 }))
        .map(([v, n]) => Array(n).fill(v))
    : fc
        .tuple(fc.constantFrom(0, null, 'x', {}, [1]), fc.integer({ min: 2_000, max: 30_000 }))
        .map(([v, n]) => Array(n).fill(v));
}

/** Nesting written as text: deeper than JSON.stringify (or a recursive validator) could follow. */
const NESTING = {
  array: ['[', ']'],
  object: ['{"a":', '}'],
  mixed: ['[{"a":', '}]'],
} as const;

export function deepNesting(channel: Channel): fc.Arbitrary<Raw> {
  return fc
    .tuple(
      fc.constantFrom('array', 'object', 'mixed' as const),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
    )
    .map(([kind, f]) => {
      const [open, close] = NESTING[kind];
      const depth =
        channel === 'url'
          ? Math.floor(((URL_BUDGET * 1.5) / encodedLength(open + close)) * f)
          : Math.floor((200_000 / (open.length + close.length)) * f);
      return new Raw(`${open.repeat(Math.max(20, depth))}0${close.repeat(Math.max(20, depth))}`);
    });
}

export const PROTO_PAYLOADS = [
  '{"__proto__":{"polluted":"ya"}}',
  '{"constructor":{"prototype":{"polluted":"ya"}}}',
  '{"__proto__":{"__proto__":{"polluted":"ya"}},"toString":"x"}',
  '[{"__proto__":{"polluted":"ya"}}]',
];

export const protoPayload: fc.Arbitrary<Raw> = fc.constantFrom(...PROTO_PAYLOADS).map((t) => new Raw(t));

/** Strings that look like numbers, dates or code to a careless parser. */
export const trickyString: fc.Arbitrary<string> = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x1F',
  '١٢٣',
  ' 12 ',
  '12abc',
  '',
  '   ',
  'null',
  'true',
  'undefined',
  '2026-13-45',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '<script>alert(1)</script>',
  "'; DROP TABLE opd;--",
  '../../etc/passwd',
  '\u0000',
  '\uFEFF2026',
  '%00',
);

/** Numbers outside every range the schemas allow, and ones JSON cannot carry (they arrive as null). */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    0.5,
    1.5,
    -0.0001,
    1e21,
    2 ** 53 + 2,
    -(2 ** 31),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.integer(),
  fc.double(),
);

export function wrongValue(channel: Channel): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4 }), weight: 3 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
    { arbitrary: oddNumber, weight: 3 },
    { arbitrary: trickyString, weight: 3 },
    { arbitrary: fc.constantFrom(true, false, null, [], {}), weight: 2 },
    { arbitrary: hugeString(channel), weight: 1 },
    { arbitrary: hugeArray(channel), weight: 1 },
    { arbitrary: deepNesting(channel), weight: 1 },
    { arbitrary: protoPayload, weight: 1 },
  );
}

/** Keys no schema declares, prototype-pollution keys among them. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineSetter__',
    'isAdmin',
    '$where',
    '',
    ' ',
  ),
  fc.string({ minLength: 1, maxLength: 24 }),
);

type Path = readonly (string | number)[];

/** Every place in an example a value sits (object keys and array elements, three levels deep). */
export function pathsOf(value: unknown, depth = 3, at: Path = []): Path[] {
  if (depth === 0 || value === null || typeof value !== 'object') return [];
  const kids: [string | number, unknown][] = Array.isArray(value)
    ? value.slice(0, 3).map((v, i) => [i, v])
    : Object.entries(value);
  return kids.flatMap(([k, v]) => [[...at, k], ...pathsOf(v, depth - 1, [...at, k])]);
}

/** The example with the value at `path` replaced (`remove`: the key dropped), keys kept in order. */
function replaceAt(value: unknown, path: Path, next: unknown, remove = false): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, next, remove);
    return copy;
  }
  const entries = Object.entries(value as Record<string, unknown>).flatMap(([k, v]): [string, unknown][] => {
    if (k !== head) return [[k, v]];
    if (rest.length === 0 && remove) return [];
    return [[k, replaceAt(v, rest, next, remove)]];
  });
  return new Obj(entries);
}

function withExtraKey(value: unknown, key: string, extra: unknown): Obj {
  const entries = value !== null && typeof value === 'object' ? Object.entries(value) : [];
  return new Obj([...entries, [key, extra]]);
}

/**
 * Inputs for one procedure: wrong JSON as the whole input, and — given a valid example — the
 * example with one field replaced by a wrong value, one field dropped, an unknown key added.
 */
export function inputCases(example: unknown, channel: Channel): fc.Arbitrary<Case> {
  const whole = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => asCase('json', v)),
    fc.anything({ maxDepth: 3 }).map((v) => asCase('anything', v)),
    wrongValue(channel).map((v) => asCase('whole', v)),
  );
  const paths = pathsOf(example);
  if (example === undefined || paths.length === 0) return whole;
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    { arbitrary: whole, weight: 2 },
    {
      arbitrary: fc
        .tuple(path, wrongValue(channel))
        .map(([p, v]) => asCase(`field ${p.join('.')}`, replaceAt(example, p, v))),
      weight: 6,
    },
    {
      arbitrary: fc
        .tuple(path, oddNumber)
        .map(([p, v]) => asCase(`number ${p.join('.')}`, replaceAt(example, p, v))),
      weight: 2,
    },
    {
      arbitrary: path.map((p) => asCase(`missing ${p.join('.')}`, replaceAt(example, p, undefined, true))),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(extraKey, fc.jsonValue({ maxDepth: 2 }))
        .map(([k, v]) => asCase(`extra ${JSON.stringify(k)}`, withExtraKey(example, k, v))),
      weight: 2,
    },
  );
}
