// How long a wall waits before it tries the live connection again: 1 s, 2 s, 4 s … capped, with a
// little jitter so a room of screens does not knock on a restarted server in lockstep.

export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_MAX_MS = 15_000;
/** ± this share of the delay, drawn at random. */
export const RECONNECT_JITTER = 0.2;

/** Delay before the next attempt after `failures` consecutive failed attempts (0 = first retry). */
export function reconnectDelayMs(failures: number, random: () => number = Math.random): number {
  const n = Math.max(0, Math.floor(failures));
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.min(n, 30));
  const jitter = (random() * 2 - 1) * RECONNECT_JITTER * base;
  return Math.round(Math.min(RECONNECT_MAX_MS, Math.max(RECONNECT_BASE_MS / 2, base + jitter)));
}
