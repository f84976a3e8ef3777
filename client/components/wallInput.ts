// The year and as-of date a wall page was opened with (?year=&asOf=), for the parts of the frame
// that fetch on their own (the ticker), so they show the same moment as the screen's tiles.
import { createContext, useContext } from 'react';
import type { OverviewInput } from '../trpc';

export const WallInputContext = createContext<OverviewInput>(undefined);

export function useWallInput(): OverviewInput {
  return useContext(WallInputContext);
}
