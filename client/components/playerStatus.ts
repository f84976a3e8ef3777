// Where the player's rotation stands (3/8, the screen's name, seconds to the next), handed to the
// wall frame so it sits in the frame's foot beside the ticker instead of over the tiles. Absent
// (null) on a wall URL opened directly.
import { createContext, useContext } from 'react';

export interface PlayerStatus {
  position: number; // 1-based
  total: number;
  screen: string; // the playlist item's screen key
  name: string; // what the room reads: "Serapan Anggaran"
  seconds: number; // to the next screen
  paused: boolean;
}

export const PlayerStatusContext = createContext<PlayerStatus | null>(null);

export function usePlayerStatus(): PlayerStatus | null {
  return useContext(PlayerStatusContext);
}
