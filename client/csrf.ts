// The session's CSRF token, held in memory only: auth.login and auth.me hand it over, every tRPC
// call and upload echoes it in x-csrf-token, logout clears it. The session cookie itself is
// httpOnly and never visible here.

export const CSRF_HEADER = 'x-csrf-token';

let token: string | null = null;

export function setCsrfToken(value: string | null): void {
  token = value;
}

export function csrfToken(): string | null {
  return token;
}

/** Headers for a request: the token when signed in, nothing otherwise. */
export function csrfHeaders(): Record<string, string> {
  return token ? { [CSRF_HEADER]: token } : {};
}
