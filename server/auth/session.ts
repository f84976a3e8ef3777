// Cookie sessions: a random token in an httpOnly, SameSite=Strict cookie (only its SHA-256 is
// stored), a per-session CSRF token the client echoes in the x-csrf-token header on every
// mutation, 12 hours sliding expiry and 24 hours at most from the sign-in.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Db } from '../db/connection';
import {
  deleteSession,
  insertSession,
  sessionByHash,
  touchSession,
  type UserRow,
  userById,
} from '../db/queries/auth';

export const SESSION_COOKIE = 'adiguna_sesi';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/**
 * However busy, a session ends this long after its sign-in: a stolen cookie kept in use cannot
 * slide for ever, and signing in once a working day costs no one anything.
 */
export const SESSION_MAX_MS = 24 * 60 * 60 * 1000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function cookieHeader(req: Request, value: string, maxAgeS: number): string {
  const secure = req.secure ? '; Secure' : '';
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure}`;
}

export function startSession(
  db: Db,
  req: Request,
  res: Response,
  userId: number,
  nowMs: number,
): { csrfToken: string } {
  // Never carry a session over a sign-in: whatever session the browser held ends here, and the
  // new one gets a fresh random id (session fixation).
  const previous = readCookie(req, SESSION_COOKIE);
  if (previous) deleteSession(db, sha256(previous));
  const token = randomToken();
  const csrfToken = randomToken(24);
  insertSession(db, {
    idHash: sha256(token),
    userId,
    csrfToken,
    at: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + SESSION_TTL_MS).toISOString(),
    ip: req.ip ?? null,
  });
  res.append('Set-Cookie', cookieHeader(req, token, SESSION_TTL_MS / 1000));
  return { csrfToken };
}

export function endSession(db: Db, req: Request, res: Response): void {
  const token = readCookie(req, SESSION_COOKIE);
  if (token) deleteSession(db, sha256(token));
  res.append('Set-Cookie', cookieHeader(req, '', 0));
}

export interface ResolvedSession {
  user: UserRow;
  csrfToken: string;
  idHash: string;
}

/** The live session of a request, extending it (sliding expiry); null when absent or expired. */
export function resolveSession(db: Db, req: Request, nowMs: number): ResolvedSession | null {
  const token = readCookie(req, SESSION_COOKIE);
  if (!token) return null;
  const idHash = sha256(token);
  const s = sessionByHash(db, idHash);
  if (!s) return null;
  const endsAt = Math.min(Date.parse(s.expiresAt), Date.parse(s.createdAt) + SESSION_MAX_MS);
  if (endsAt <= nowMs) {
    deleteSession(db, idHash);
    return null;
  }
  const user = userById(db, s.userId);
  if (user?.active !== 1) return null;
  // Extend at most once a minute: a busy page should not write on every request.
  if (Date.parse(s.expiresAt) - nowMs < SESSION_TTL_MS - 60_000) {
    const extended = Math.min(nowMs + SESSION_TTL_MS, Date.parse(s.createdAt) + SESSION_MAX_MS);
    touchSession(db, idHash, new Date(nowMs).toISOString(), new Date(extended).toISOString());
  }
  return { user, csrfToken: s.csrfToken, idHash };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
