// The display token arrives once in the URL (/layar?t=…). It is taken out of the visible address
// at once (no one should read it off the wall) and kept in sessionStorage so a reload — the
// player reloads itself when the server runs a new build — still knows it.

export const TOKEN_PARAM = 't';
const STORAGE_KEY = 'adiguna.displayToken';

/** The token from the URL (stored, then removed from the address), else the stored one, else null. */
export function takeDisplayToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM)?.trim();
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage refused (private mode): the token still lives in memory for this page.
    }
    url.searchParams.delete(TOKEN_PARAM);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
