// The read-model memo: one computation per data version, at most one per interval under a stream of
// writes, and never a value older than the request (read-your-writes).
import { describe, expect, test } from 'vitest';
import { ChangeKeyedMemo } from '../../server/memo';

/** A data source whose version the test moves, and a computation that reads it. */
function source() {
  const s = { version: 1, computed: 0 };
  return {
    s,
    version: () => String(s.version),
    compute: () => {
      s.computed += 1;
      return { seen: s.version };
    },
  };
}

describe('ChangeKeyedMemo', () => {
  test('asks for the same version share one computation', async () => {
    const memo = new ChangeKeyedMemo<{ seen: number }>(8, 50);
    const { s, version, compute } = source();
    const a = await memo.get('slot', version, compute);
    const b = await memo.get('slot', version, compute);
    expect(a).toBe(b);
    expect(s.computed).toBe(1);
  });

  test('a request after a write gets a value that includes it, even inside the interval', async () => {
    const memo = new ChangeKeyedMemo<{ seen: number }>(8, 50);
    const { s, version, compute } = source();
    await memo.get('slot', version, compute);
    s.version = 2; // a commit right after the first computation
    const after = await memo.get('slot', version, compute);
    expect(after.seen).toBe(2);
  });

  test('a burst of writes and reads inside one interval costs one more computation, shared by all', async () => {
    const memo = new ChangeKeyedMemo<{ seen: number }>(8, 60);
    const { s, version, compute } = source();
    await memo.get('slot', version, compute);
    const answers: Promise<{ seen: number }>[] = [];
    for (let i = 0; i < 20; i++) {
      s.version += 1;
      answers.push(memo.get('slot', version, compute));
    }
    const values = await Promise.all(answers);
    expect(s.computed).toBe(2);
    // Everyone waited for the computation that started after the last of those writes.
    expect(values.every((v) => v.seen === s.version)).toBe(true);
  });

  test('a write after the interval has passed is computed at once', async () => {
    let t = 0;
    const memo = new ChangeKeyedMemo<{ seen: number }>(8, 100, () => t);
    const { s, version, compute } = source();
    await memo.get('slot', version, compute);
    t = 150;
    s.version = 2;
    const before = s.computed;
    const p = memo.get('slot', version, compute);
    expect(s.computed).toBe(before + 1); // synchronous: no timer was needed
    expect((await p).seen).toBe(2);
  });

  test('slots are independent, and a failed computation is not kept', async () => {
    const memo = new ChangeKeyedMemo<{ seen: number }>(8, 10);
    const { s, version, compute } = source();
    await expect(
      memo.get('bad', version, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await memo.get('bad', version, compute)).seen).toBe(1);
    expect((await memo.get('other', version, compute)).seen).toBe(1);
    expect(s.computed).toBe(2);
  });

  test('a failure of a shared, scheduled computation reaches every waiter and the next ask retries', async () => {
    const memo = new ChangeKeyedMemo<{ seen: number }>(8, 30);
    const { s, version, compute } = source();
    await memo.get('slot', version, compute);
    s.version = 2;
    let fail = true;
    const flaky = () => {
      if (fail) throw new Error('database busy');
      return compute();
    };
    const waiting = [memo.get('slot', version, flaky), memo.get('slot', version, flaky)];
    const settled = await Promise.allSettled(waiting);
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect((await memo.get('slot', version, flaky)).seen).toBe(2);
  });

  test('old slots are dropped past maxEntries, least recently computed first', async () => {
    const memo = new ChangeKeyedMemo<{ seen: number }>(2, 0);
    const { s, version, compute } = source();
    await memo.get('a', version, compute);
    await memo.get('b', version, compute);
    await memo.get('c', version, compute);
    expect(s.computed).toBe(3);
    await memo.get('b', version, compute);
    await memo.get('c', version, compute);
    expect(s.computed).toBe(3);
    await memo.get('a', version, compute);
    expect(s.computed).toBe(4);
  });
});
