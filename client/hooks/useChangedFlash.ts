import { useEffect, useRef, useState } from 'react';

/** How long a tile stays marked after its figures changed under the room's eyes. */
export const CHANGED_FLASH_MS = 6_000;

/**
 * True for a moment after `marker` (a tile's "updated at") changes while the tile is on screen;
 * never on the first render, so a screen coming round in the rotation does not light up.
 */
export function useChangedFlash(marker: string | null | undefined): boolean {
  const seen = useRef(marker);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (marker === seen.current) return;
    seen.current = marker;
    setFlash(true);
    const id = window.setTimeout(() => setFlash(false), CHANGED_FLASH_MS);
    return () => window.clearTimeout(id);
  }, [marker]);
  return flash;
}
