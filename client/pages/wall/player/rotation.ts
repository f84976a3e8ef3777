// The player's clock arithmetic, kept pure: which playlist item is on screen given when it was
// entered, its dwell time and "now". A switch moves the entry time forward by exactly the dwell,
// never to the moment a timer happened to fire, so the rotation does not drift.

export interface DwellItem {
  dwellS: number;
}

export interface Position {
  /** Index into the playlist. */
  index: number;
  /** Epoch ms at which this item (nominally) came on screen. */
  enteredAt: number;
}

/** `index + delta` wrapped into 0…length-1 (ArrowRight / ArrowLeft, and the loop at the end). */
export function wrapIndex(index: number, delta: number, length: number): number {
  if (length <= 0) return 0;
  return (((index + delta) % length) + length) % length;
}

/**
 * Where the rotation stands at `now`, having been at `from` (item `from.index` entered at
 * `from.enteredAt`). Skips as many items as have fully elapsed, a whole cycle at a time if the
 * machine slept, and returns the current item with the instant it was due to come on.
 */
export function advance(playlist: readonly DwellItem[], from: Position, now: number): Position {
  const n = playlist.length;
  if (n === 0) return { index: 0, enteredAt: now };
  let index = wrapIndex(from.index, 0, n);
  let enteredAt = from.enteredAt;
  if (now < enteredAt) return { index, enteredAt };
  const cycleMs = playlist.reduce((sum, item) => sum + dwellMs(item), 0);
  if (cycleMs > 0 && now - enteredAt >= cycleMs)
    enteredAt += Math.floor((now - enteredAt) / cycleMs) * cycleMs;
  while (now - enteredAt >= dwellMs(playlist[index] as DwellItem)) {
    enteredAt += dwellMs(playlist[index] as DwellItem);
    index = wrapIndex(index, 1, n);
  }
  return { index, enteredAt };
}

/** The item on screen at `now` for a rotation that started with item 0 at `startedAt`. */
export function positionAt(playlist: readonly DwellItem[], startedAt: number, now: number): Position {
  return advance(playlist, { index: 0, enteredAt: startedAt }, now);
}

/** Milliseconds until the current item gives way (never negative). */
export function remainingMs(item: DwellItem, enteredAt: number, now: number): number {
  return Math.max(0, enteredAt + dwellMs(item) - now);
}

/** Whole seconds shown on the countdown: 10 at entry, 1 in the last second. */
export function countdownSeconds(item: DwellItem, enteredAt: number, now: number): number {
  return Math.ceil(remainingMs(item, enteredAt, now) / 1000);
}

function dwellMs(item: DwellItem): number {
  return Math.max(1, item.dwellS) * 1000;
}
