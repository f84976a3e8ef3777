// Who is asking: a cookie session (people) or a bearer token (wall displays, system feeds).
import type { Request } from 'express';
import type { Db } from '../db/connection';
import { tokenByHash, touchToken } from '../db/queries/auth';
import type { Principal } from '../trpc';
import { resolveSession, sha256 } from './session';

export function bearerToken(req: Request): string | null {
  const h = req.get('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1] ?? null;
}

/**
 * The principal of a request. `paramToken` is a token sent in tRPC connectionParams: a wall's
 * EventSource cannot send an Authorization header, so its player passes the token that way.
 */
export function resolvePrincipal(
  db: Db,
  req: Request,
  nowMs: number,
  paramToken?: string | null,
): Principal | null {
  const bearer = bearerToken(req) ?? paramToken ?? null;
  if (bearer) {
    const token = tokenByHash(db, sha256(bearer));
    if (!token || token.revokedAt !== null) return null;
    // A wall polls all day: record use at most once a minute, not a write per request.
    if (token.lastUsedAt === null || nowMs - Date.parse(token.lastUsedAt) > 60_000) {
      touchToken(db, token.id, new Date(nowMs).toISOString());
    }
    return { kind: 'token', token };
  }
  const s = resolveSession(db, req, nowMs);
  return s ? { kind: 'user', user: s.user, csrfToken: s.csrfToken, sessionHash: s.idHash } : null;
}
