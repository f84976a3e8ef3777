// In-app navigation without a router library: the location lives in React state, history.pushState
// moves it, the back button (popstate) restores it. Walls never navigate; office pages do.

import { createContext, createElement, type MouseEvent, type ReactNode, useContext } from 'react';

export interface AppLocation {
  pathname: string;
  search: URLSearchParams;
}

export interface Navigation {
  location: AppLocation;
  /** Go to an in-app path ('/opd/realisasi?year=2026'); `replace` leaves no history entry. */
  navigate: (to: string, opts?: { replace?: boolean }) => void;
}

export const NavigationContext = createContext<Navigation>({
  location: { pathname: '/', search: new URLSearchParams() },
  navigate: () => {},
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

export function currentLocation(): AppLocation {
  return { pathname: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

/**
 * Only same-site paths may be a redirect target (`?next=` after signing in): '/x' yes,
 * '//evil.example', 'https://…' and '/\evil' no.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  for (let i = 0; i < next.length; i++) if (next.charCodeAt(i) < 0x20) return null;
  return next;
}

/** A path with query parameters; empty and null values are left out. */
export function pathWith(
  pathname: string,
  params: Record<string, string | number | null | undefined>,
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${pathname}?${s}` : pathname;
}

interface LinkProps {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
  'data-testid'?: string;
}

/** An ordinary link (open in new tab works) that navigates in place on a plain click. */
export function Link({ to, children, ...rest }: LinkProps) {
  const { navigate } = useNavigation();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return createElement('a', { href: to, onClick, ...rest }, children);
}
