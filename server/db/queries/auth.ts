// Accounts, sessions, login throttling and API tokens.
import type { Db } from '../connection';
import { prep } from '../prepare';

export type Role = 'admin' | 'verifier' | 'opd' | 'executive' | 'display';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  opdId: number | null;
  opdCode: string | null;
  active: number;
  passwordHash: string | null;
}

const USER_COLUMNS = `u.id, u.username, u.display_name AS displayName, u.role, u.opd_id AS opdId,
  o.code AS opdCode, u.active, u.password_hash AS passwordHash`;

export function userByName(db: Db, username: string): UserRow | undefined {
  return prep(
    db,
    `SELECT ${USER_COLUMNS} FROM app_user u LEFT JOIN opd o ON o.id = u.opd_id WHERE u.username = ?`,
  ).get(username) as UserRow | undefined;
}

export function userById(db: Db, id: number): UserRow | undefined {
  return prep(
    db,
    `SELECT ${USER_COLUMNS} FROM app_user u LEFT JOIN opd o ON o.id = u.opd_id WHERE u.id = ?`,
  ).get(id) as UserRow | undefined;
}

export function listUsers(db: Db): Omit<UserRow, 'passwordHash'>[] {
  return prep(
    db,
    `SELECT u.id, u.username, u.display_name AS displayName, u.role, u.opd_id AS opdId, o.code AS opdCode, u.active
     FROM app_user u LEFT JOIN opd o ON o.id = u.opd_id WHERE u.role <> 'system' ORDER BY u.role, u.username`,
  ).all() as Omit<UserRow, 'passwordHash'>[];
}

export function insertUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    role: Role;
    opdId: number | null;
    passwordHash: string;
    at: string;
  },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO app_user (username, display_name, role, opd_id, password_hash, active, created_at, password_changed_at)
       VALUES (@username, @displayName, @role, @opdId, @passwordHash, 1, @at, @at)`,
    ).run(u).lastInsertRowid,
  );
}

export function updateUser(
  db: Db,
  id: number,
  u: { displayName: string; role: Role; opdId: number | null; active: boolean },
): void {
  prep(db, 'UPDATE app_user SET display_name = ?, role = ?, opd_id = ?, active = ? WHERE id = ?').run(
    u.displayName,
    u.role,
    u.opdId,
    u.active ? 1 : 0,
    id,
  );
}

export function setPasswordHash(db: Db, id: number, passwordHash: string, at: string): void {
  prep(db, 'UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(
    passwordHash,
    at,
    id,
  );
}

export function countAdmins(db: Db): number {
  return prep(db, `SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND active = 1`)
    .pluck()
    .get() as number;
}

export interface SessionRow {
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export function insertSession(
  db: Db,
  s: { idHash: string; userId: number; csrfToken: string; at: string; expiresAt: string; ip: string | null },
): void {
  prep(
    db,
    `INSERT INTO session (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip)
     VALUES (@idHash, @userId, @csrfToken, @at, @at, @expiresAt, @ip)`,
  ).run(s);
}

export function sessionByHash(db: Db, idHash: string): SessionRow | undefined {
  return prep(
    db,
    'SELECT user_id AS userId, csrf_token AS csrfToken, created_at AS createdAt, expires_at AS expiresAt FROM session WHERE id_hash = ?',
  ).get(idHash) as SessionRow | undefined;
}

export function touchSession(db: Db, idHash: string, at: string, expiresAt: string): void {
  prep(db, 'UPDATE session SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').run(
    at,
    expiresAt,
    idHash,
  );
}

export function deleteSession(db: Db, idHash: string): void {
  prep(db, 'DELETE FROM session WHERE id_hash = ?').run(idHash);
}

export function deleteUserSessions(db: Db, userId: number, exceptHash: string | null): void {
  prep(db, 'DELETE FROM session WHERE user_id = ? AND id_hash IS NOT ?').run(userId, exceptHash);
}

export function recordLoginFailure(db: Db, keys: string[], atMs: number): void {
  const ins = prep(db, 'INSERT INTO login_attempt (key, at_ms) VALUES (?, ?)');
  for (const k of keys) ins.run(k, atMs);
}

export function loginFailuresSince(db: Db, key: string, sinceMs: number): number {
  return prep(db, 'SELECT COUNT(*) FROM login_attempt WHERE key = ? AND at_ms >= ?')
    .pluck()
    .get(key, sinceMs) as number;
}

export function clearLoginFailures(db: Db, key: string): void {
  prep(db, 'DELETE FROM login_attempt WHERE key = ?').run(key);
}

export function pruneLoginAttempts(db: Db, beforeMs: number): void {
  prep(db, 'DELETE FROM login_attempt WHERE at_ms < ?').run(beforeMs);
}

export interface TokenRow {
  id: number;
  name: string;
  kind: 'feed' | 'display';
  feedSource: string | null;
  opdId: number | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function tokenByHash(db: Db, hash: string): TokenRow | undefined {
  return prep(
    db,
    `SELECT id, name, kind, feed_source AS feedSource, opd_id AS opdId, revoked_at AS revokedAt,
            last_used_at AS lastUsedAt
     FROM api_token WHERE token_hash = ?`,
  ).get(hash) as TokenRow | undefined;
}

export function insertToken(
  db: Db,
  t: {
    name: string;
    kind: 'feed' | 'display';
    hash: string;
    feedSource: string | null;
    opdId: number | null;
    at: string;
    by: number;
  },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO api_token (name, kind, token_hash, feed_source, opd_id, created_at, created_by)
       VALUES (@name, @kind, @hash, @feedSource, @opdId, @at, @by)`,
    ).run(t).lastInsertRowid,
  );
}

export function listTokens(db: Db) {
  return prep(
    db,
    `SELECT t.id, t.name, t.kind, t.feed_source AS feedSource, o.code AS opdCode, t.created_at AS createdAt,
            t.revoked_at AS revokedAt, t.last_used_at AS lastUsedAt
     FROM api_token t LEFT JOIN opd o ON o.id = t.opd_id ORDER BY t.created_at DESC`,
  ).all() as {
    id: number;
    name: string;
    kind: string;
    feedSource: string | null;
    opdCode: string | null;
    createdAt: string;
    revokedAt: string | null;
    lastUsedAt: string | null;
  }[];
}

export function revokeToken(db: Db, id: number, at: string): boolean {
  return (
    prep(db, 'UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id)
      .changes === 1
  );
}

export function touchToken(db: Db, id: number, at: string): void {
  prep(db, 'UPDATE api_token SET last_used_at = ? WHERE id = ?').run(at, id);
}
