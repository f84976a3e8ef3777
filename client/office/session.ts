// The signed-in user as office pages see it (from auth.me), what each role may open, and where a
// role lands after signing in.

import { createContext, useContext } from 'react';
import type { OfficeRole } from '../App';
import type { RouterOutputs } from '../trpc';
import type { OfficeKey } from './messages';

export type Session = NonNullable<RouterOutputs['auth']['me']>;
export type SessionUser = Session['user'];

export const SessionContext = createContext<Session | null>(null);

/** The session of a page that requires one (the shell renders such pages only when signed in). */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in office page');
  return s;
}

export function useMaybeSession(): Session | null {
  return useContext(SessionContext);
}

export function isOfficeRole(role: string): role is OfficeRole {
  return role === 'admin' || role === 'verifier' || role === 'opd' || role === 'executive';
}

export function homeFor(role: string): string {
  switch (role) {
    case 'opd':
      return '/opd';
    case 'admin':
      return '/admin';
    case 'verifier':
      return '/verifikasi';
    default:
      return '/kepatuhan';
  }
}

export const ROLE_LABEL: Record<OfficeRole, OfficeKey> = {
  admin: 'role.admin',
  verifier: 'role.verifier',
  opd: 'role.opd',
  executive: 'role.executive',
};

/** Who may save figures (the server checks again; this only hides what would be refused). */
export function canWrite(role: string): boolean {
  return role === 'opd' || role === 'admin';
}
