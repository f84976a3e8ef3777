// How many rows the pillar wall lists before it counts the rest ("+3 lainnya"): what fits the
// 1920×1080 canvas at sizes readable from 4 m. Kept apart from Pilar.tsx so tests can import it.

/** Programmes in the progress list (worst deviation first). */
export const PROGRAMME_ROWS = 11;
/** Programmes in the behind-plan list. */
export const BEHIND_ROWS = 5;
