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

// Attempts being checked right now, per database (tests run several apps in one process).
const pending = new WeakMap<Db, Map<string, number>>();

function pendingOf(db: Db): Map<string, number> {
  let m = pending.get(db);
  if (!m) {
    m = new Map();
    pending.set(db, m);
  }
  return m;
}

/**
 * Admits one sign-in attempt, or returns null when the account or the address has used up its
 * attempts in the window (finished failures plus attempts still in flight). The caller must call
 * the returned release once the attempt is decided (after recording a failure).
 */
export function admitLogin(
  db: Db,
  keys: { account: string; address: string },
  nowMs: number,
): (() => void) | null {
  const since = nowMs - LOGIN_WINDOW_MS;
  pruneLoginAttempts(db, since);
  const inFlight = pendingOf(db);
  const used = (key: string) => loginFailuresSince(db, key, since) + (inFlight.get(key) ?? 0);
  if (used(keys.account) >= MAX_FAILURES_PER_ACCOUNT || used(keys.address) >= MAX_FAILURES_PER_ADDRESS)
    return null;
  const held = [keys.account, keys.address];
  for (const k of held) inFlight.set(k, (inFlight.get(k) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const k of held) {
      const left = (inFlight.get(k) ?? 1) - 1;
      if (left <= 0) inFlight.delete(k);
      else inFlight.set(k, left);
    }
  };
}
