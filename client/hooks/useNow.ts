import { createContext, createElement, type ReactNode, useContext, useEffect, useState } from 'react';

/** The wall clock ticks once a second; one interval for the whole screen. */
export const CLOCK_TICK_MS = 1_000;

const NowContext = createContext<number>(Date.now());

export function NowProvider({ children }: { children: ReactNode }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => window.clearInterval(id);
  }, []);
  return createElement(NowContext.Provider, { value: now }, children);
}

/** Current time in epoch ms, refreshed every CLOCK_TICK_MS by the NowProvider above. */
export function useNow(): number {
  return useContext(NowContext);
}
