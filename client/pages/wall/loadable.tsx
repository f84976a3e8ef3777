// A code-split wall screen that can start loading before React renders it (client/main.tsx does,
// from the URL, in parallel with the data) and, once its chunk is in, renders at once.
//
// Not React.lazy/Suspense: React throttles revealing a Suspense boundary to 300 ms after its
// fallback was shown, so a screen whose chunk arrived 20 ms after the first render would still
// wait 0,3 s. Until the chunk is in, the fallback is rendered as plain content instead.

import { type ComponentType, type ReactNode, useEffect, useState } from 'react';

/** After a failed chunk load (a server restarting on a new build), try again this much later. */
export const CHUNK_RETRY_MS = 5_000;

export interface Chunk<P> {
  /** The component once its chunk is in, else null. */
  loaded: () => ComponentType<P> | null;
  /** Starts loading the chunk (once; again after a failure). */
  preload: () => Promise<ComponentType<P>>;
}

export function chunk<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Chunk<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return {
    loaded: () => loaded,
    preload: () => {
      loading ??= load().then(
        (m) => {
          loaded = m.default;
          return m.default;
        },
        (err: unknown) => {
          loading = null;
          throw err;
        },
      );
      return loading;
    },
  };
}

/** The chunk's component with `props`; `fallback` until the chunk is in (retried after a failure). */
export function Loaded<P extends object>({
  chunk: c,
  props,
  fallback,
}: {
  chunk: Chunk<P>;
  props: P;
  fallback: ReactNode;
}) {
  const [Screen, setScreen] = useState<ComponentType<P> | null>(c.loaded);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the load after a failure
  useEffect(() => {
    if (Screen) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    c.preload().then(
      (s) => {
        if (live) setScreen(() => s);
      },
      () => {
        if (live) retry = setTimeout(() => setAttempt((n) => n + 1), CHUNK_RETRY_MS);
      },
    );
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [Screen, c, attempt]);
  return Screen ? <Screen {...props} /> : fallback;
}
