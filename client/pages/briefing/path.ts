// Where a meeting's briefing lives: the print view /rapat/<id>/briefing (matched before any other
// /rapat/<id> route) and the PDF the server renders from it.

const BRIEFING_RE = /^\/rapat\/([1-9]\d{0,9})\/briefing$/;

/** The meeting id of a briefing path, or null when the path is not one. */
export function briefingMeetingId(path: string): number | null {
  const m = BRIEFING_RE.exec(path);
  return m ? Number(m[1]) : null;
}

export function briefingPath(id: number): string {
  return `/rapat/${id}/briefing`;
}

export function briefingPdfUrl(id: number): string {
  return `/api/meetings/${id}/briefing.pdf`;
}
