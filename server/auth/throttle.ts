// Login throttling: failed sign-ins are counted per account and per address over a window (in the
// database, so a restart does not reset them), and so are the attempts still being checked. A
// password check takes tens of milliseconds; counting only finished failures let a burst of
// parallel guesses all pass the gate before the first failure was recorded.
import type { Db } from '../db/connection';
import { loginFailuresSince, pruneLoginAttempts } from '../db/queries/auth';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** The throttle keys of an attempt: the account (case-insensitive) and the client address. */
export function loginKeys(username: string, ip: string): { account: string; address: string } {
  return { account: `user:${username.trim().toLowerCase()}`, address: `ip:${ip}` };
}

// Attempts being checked right now, per database (tests run several apps in one process), and
// the attempts waiting for one of them to be decided.
interface Gate {
  inFlight: Map<string, number>;
  waiting: Set<() => void>;
}
const gates = new WeakMap<Db, Gate>();

function gateOf(db: Db): Gate {
  let g = gates.get(db);
  if (!g) {
    g = { inFlight: new Map(), waiting: new Set() };
    gates.set(db, g);
  }
  return g;
}

/** How long an attempt waits for a turn before it is refused (a password check takes ~12 ms). */
export const LOGIN_QUEUE_MS = 10_000;

/**
 * Admits one sign-in attempt, or resolves null when the account or the address has used up its
 * failures in the window. Attempts still in flight count against what is left: when they could
 * use it all up, the next attempt waits for one of them to be decided instead of being checked
 * in parallel (a burst of guesses gets no more checks than the limit allows), and is refused only
 * if the failures then reach the limit. So forty colleagues signing in at 07.30 from the office's
 * one address all get in, one batch after the other. The caller must call the returned release
 * once the attempt is decided (after recording a failure).
 */
export async function admitLogin(
  db: Db,
  keys: { account: string; address: string },
  nowMs: number,
  maxWaitMs = LOGIN_QUEUE_MS,
): Promise<(() => void) | null> {
  const since = nowMs - LOGIN_WINDOW_MS;
  pruneLoginAttempts(db, since);
  const gate = gateOf(db);
  const limits: [string, number][] = [
    [keys.account, MAX_FAILURES_PER_ACCOUNT],
    [keys.address, MAX_FAILURES_PER_ADDRESS],
  ];
  const deadline = performance.now() + maxWaitMs;
  for (;;) {
    const failures = limits.map(([k]) => loginFailuresSince(db, k, since));
    if (limits.some(([, max], i) => (failures[i] as number) >= max)) return null;
    const free = limits.every(([k, max], i) => (failures[i] as number) + (gate.inFlight.get(k) ?? 0) < max);
    if (free) break;
    const left = deadline - performance.now();
    if (left <= 0) return null;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        gate.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, left);
      gate.waiting.add(wake);
    });
  }
  const held = limits.map(([k]) => k);
  for (const k of held) gate.inFlight.set(k, (gate.inFlight.get(k) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const k of held) {
      const left = (gate.inFlight.get(k) ?? 1) - 1;
      if (left <= 0) gate.inFlight.delete(k);
      else gate.inFlight.set(k, left);
    }
    for (const wake of [...gate.waiting]) wake();
  };
}
