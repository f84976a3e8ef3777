// Accounts for tests: create a user of a role and get a caller acting as that user (a real
// session row, the CSRF header sent or not), or as a display token.
import { hashSync } from '@node-rs/argon2';
import { createApp } from '../../server/app';
import { sha256 } from '../../server/auth/session';
import {
  insertSession,
  insertToken,
  insertUser,
  type Role,
  tokenByHash,
  userByName,
} from '../../server/db/queries/auth';
import type { ChangeBus } from '../../server/live';
import { appRouter } from '../../server/routers/_app';
import { createCallerFactory, type Principal } from '../../server/trpc';
import type { TestDb } from './db';

export const PASSWORD = 'Sandi-Uji-12345';
const HASH = hashSync(PASSWORD);

export function createUser(
  t: Pick<TestDb, 'db' | 'nowMs'>,
  username: string,
  role: Role,
  opdCode: string | null = null,
): number {
  const opdId = opdCode
    ? (t.db.prepare('SELECT id FROM opd WHERE code = ?').pluck().get(opdCode) as number)
    : null;
  return insertUser(t.db, {
    username,
    displayName: username,
    role,
    opdId,
    passwordHash: HASH,
    at: new Date(t.nowMs).toISOString(),
  });
}

export function principalFor(t: Pick<TestDb, 'db' | 'nowMs'>, username: string): Principal {
  const user = userByName(t.db, username);
  if (!user) throw new Error(`no user ${username}`);
  const csrfToken = `csrf-${username}`;
  const idHash = sha256(`session-${username}-${Math.random()}`);
  insertSession(t.db, {
    idHash,
    userId: user.id,
    csrfToken,
    at: new Date(t.nowMs).toISOString(),
    expiresAt: new Date(t.nowMs + 3_600_000).toISOString(),
    ip: null,
  });
  return { kind: 'user', user, csrfToken, sessionHash: idHash };
}

export function displayPrincipal(t: Pick<TestDb, 'db' | 'nowMs'>, by: number): Principal {
  const hash = sha256(`display-${Math.random()}`);
  insertToken(t.db, {
    name: 'Layar uji',
    kind: 'display',
    hash,
    feedSource: null,
    opdId: null,
    at: new Date(t.nowMs).toISOString(),
    by,
  });
  const token = tokenByHash(t.db, hash);
  if (!token) throw new Error('token');
  return { kind: 'token', token };
}

/**
 * A caller acting as `principal`; mutations carry the right CSRF header unless `csrf` says
 * otherwise. Pass a running server's `bus` so its subscribers hear what this caller commits.
 */
export function callerAs(
  t: Pick<TestDb, 'db' | 'nowMs'>,
  principal: Principal | null,
  csrf?: string,
  bus?: ChangeBus,
) {
  const { context } = createApp({ db: t.db, clock: () => t.nowMs, log: () => {}, ...(bus ? { bus } : {}) });
  const csrfHeader = csrf ?? (principal?.kind === 'user' ? principal.csrfToken : undefined);
  return createCallerFactory(appRouter)({ ...context, principal, csrfHeader });
}
