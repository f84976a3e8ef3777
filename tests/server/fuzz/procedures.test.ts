// Property-based fuzzing of every procedure's input over real HTTP, the procedure list walked
// from the router: wrong JSON, one field of a valid input replaced by a wrong type, numbers out of
// range, NaN-like strings, huge strings and arrays, deep nesting, unknown and prototype-pollution
// keys. Never a 5xx, never a hung request, never a change to data; every invalid input is a 400 whose
// Indonesian message names the field at fault (the input's own schema, run on the same JSON text,
// says which). Signed in with a role that may call the procedure, so validation is what answers.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inputCases } from './arbitraries';
import { EXAMPLES } from './examples';
import {
  call,
  callerOf,
  emptyTally,
  type Fuzzer,
  invalidFields,
  judge,
  PROCEDURES,
  type Proc,
  seedOf,
  startFuzzer,
  type Tally,
} from './harness';
import { asCase, type Case, toJson } from './wire';

/** Cases per procedure with an input, and per procedure without one (its input is ignored). */
const RUNS_WITH_INPUT = 22;
const RUNS_WITHOUT_INPUT = 3;
const RUNS_ANONYMOUS = 2;

let fz: Fuzzer;
const tallies = new Map<string, Tally>();

beforeAll(async () => {
  fz = await startFuzzer();
});
afterAll(async () => {
  await fz.close();
  const total = [...tallies.values()].reduce(
    (a, b) => ({
      rejected: a.rejected + b.rejected,
      refused: a.refused + b.refused,
      accepted: a.accepted + b.accepted,
    }),
    emptyTally(),
  );
  console.info(
    `fuzz: ${tallies.size} procedures, ${total.rejected + total.refused + total.accepted} cases: ` +
      `${total.rejected} rejected as invalid, ${total.refused} refused by a rule, ${total.accepted} accepted`,
  );
});

const channelOf = (p: Proc) => (p.type === 'mutation' ? 'body' : 'url');

async function runCase(p: Proc, c: Case, who = callerOf(p)): Promise<void> {
  const tally = tallies.get(p.path) ?? emptyTally();
  tallies.set(p.path, tally);
  const answer = await call(fz, p, c.json, who);
  tally[judge(fz, p, c, who, answer)] += 1;
}

describe('the fuzzed procedures are the router’s procedures', () => {
  test('every procedure is fuzzed, and every one with an input has a valid example', () => {
    expect(PROCEDURES.length).toBeGreaterThan(60);
    const withInput = PROCEDURES.filter((p) => p.input).map((p) => p.path);
    expect(withInput.filter((path) => !(path in EXAMPLES))).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((path) => !withInput.includes(path))).toEqual([]);
    for (const p of PROCEDURES.filter((x) => x.input)) {
      expect(invalidFields(p, toJson(EXAMPLES[p.path])), `example of ${p.path}`).toBeNull();
    }
  });
});

describe.each(PROCEDURES.map((p) => [p.path, p] as const))('%s', (path, p) => {
  test('fuzzed input: 4xx naming the field, no change to data, never a 5xx', async () => {
    const before = { ...(tallies.get(path) ?? emptyTally()) };
    await fc.assert(
      fc.asyncProperty(inputCases(EXAMPLES[path], channelOf(p)), (c) => runCase(p, c)),
      {
        numRuns: p.input ? RUNS_WITH_INPUT : RUNS_WITHOUT_INPUT,
        seed: seedOf(`procedure ${path}`),
        endOnFailure: true,
      },
    );
    const after = tallies.get(path) ?? emptyTally();
    const rejected = after.rejected - before.rejected;
    const ran =
      after.rejected + after.refused + after.accepted - (before.rejected + before.refused + before.accepted);
    // The generators must really produce bad input, or this would pass without testing anything
    // (an all-optional input such as followUp.ofOpd's takes many strings: 0.6 each, 0.8 overall).
    if (p.input)
      expect(rejected / ran, `${path}: share of cases rejected as invalid`).toBeGreaterThanOrEqual(0.6);
  });

  test('anonymous, fuzzed input: refused or rejected, no change to data', async () => {
    await fc.assert(
      fc.asyncProperty(inputCases(EXAMPLES[path], channelOf(p)), (c) => runCase(p, c, 'anonim')),
      { numRuns: RUNS_ANONYMOUS, seed: seedOf(`anonymous ${path}`), endOnFailure: true },
    );
  });
});

describe('the example inputs themselves', () => {
  // Sent as they are: valid, so no field is at fault; they may be accepted or refused by a rule
  // (most name something that does not exist), and a refusal writes nothing.
  test.each(PROCEDURES.filter((p) => p.input).map((p) => [p.path, p] as const))('%s', async (path, p) => {
    await runCase(p, asCase('example', EXAMPLES[path]));
  });
});

describe('the fuzzing itself', () => {
  test('every procedure ran, and most generated cases were really rejected as invalid', () => {
    expect([...tallies.keys()].sort()).toEqual(PROCEDURES.map((p) => p.path).sort());
    let rejected = 0;
    let ran = 0;
    for (const p of PROCEDURES.filter((x) => x.input)) {
      const t = tallies.get(p.path) ?? emptyTally();
      rejected += t.rejected;
      ran += t.rejected + t.refused + t.accepted;
    }
    expect(ran).toBeGreaterThan(1_000);
    expect(rejected / ran).toBeGreaterThanOrEqual(0.8);
  });
});
