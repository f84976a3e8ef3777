import { useCallback } from 'react';
import { pathWith, useNavigation } from '../navigation';

/**
 * The page's query parameters and a setter that merges a patch into them (null removes one),
 * replacing the history entry so a filter change does not pile up back-button steps.
 */
export function useSearch(): [URLSearchParams, (patch: Record<string, string | number | null>) => void] {
  const { location, navigate } = useNavigation();
  const set = useCallback(
    (patch: Record<string, string | number | null>) => {
      const next: Record<string, string | number | null> = Object.fromEntries(location.search.entries());
      Object.assign(next, patch);
      navigate(pathWith(location.pathname, next), { replace: true });
    },
    [location, navigate],
  );
  return [location.search, set];
}

/** An integer query parameter within bounds, else null. */
export function intParam(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}
