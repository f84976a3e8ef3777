// The wall's logical canvas: 1080 logical pixels high, laid out once and scaled to the screen with
// a CSS transform. At 16:9 it is 1920 wide (×1 at 1920×1080, ×2 at 3840×2160). On a wider wall
// the canvas widens with it, up to 3840 (a 32:9 video wall), so the screens compose across the
// whole width instead of sitting in a letterbox; from 2880 wide the screens take their wide
// layouts (the stage--wide class). Narrower than 16:9 it stays 1920 wide, with bars above and below.

import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;
/** The widest logical canvas: two 16:9 screens side by side. */
export const STAGE_MAX_WIDTH = 3840;
/** From this logical width on (a 24:9 wall and wider) the screens use their wide layouts. */
export const WIDE_FROM = 2880;

export interface Fit {
  /** Logical width of the canvas (1920 … 3840); the height is always STAGE_HEIGHT. */
  width: number;
  scale: number;
  x: number;
  y: number;
}

export function fitStage(viewportWidth: number, viewportHeight: number): Fit {
  if (!(viewportWidth > 0 && viewportHeight > 0)) return { width: STAGE_WIDTH, scale: 1, x: 0, y: 0 };
  const width = Math.min(
    STAGE_MAX_WIDTH,
    Math.max(STAGE_WIDTH, Math.round((STAGE_HEIGHT * viewportWidth) / viewportHeight)),
  );
  const scale = Math.min(viewportWidth / width, viewportHeight / STAGE_HEIGHT);
  return {
    width,
    scale,
    x: (viewportWidth - width * scale) / 2,
    y: (viewportHeight - STAGE_HEIGHT * scale) / 2,
  };
}

const StageScaleContext = createContext(1);

/** How many device-independent pixels one logical stage pixel covers (charts render at this). */
export function useStageScale(): number {
  return useContext(StageScaleContext);
}

function viewportFit(): Fit {
  return fitStage(window.innerWidth, window.innerHeight);
}

export function Stage({ children }: { children: ReactNode }) {
  const [fit, setFit] = useState(viewportFit);
  useEffect(() => {
    const onResize = () => setFit(viewportFit());
    window.addEventListener('resize', onResize);
    onResize();
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <div className="stage-viewport">
      <div
        className={fit.width >= WIDE_FROM ? 'stage stage--wide' : 'stage'}
        data-scale={fit.scale}
        data-width={fit.width}
        style={{
          width: fit.width,
          height: STAGE_HEIGHT,
          transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.scale})`,
        }}
      >
        <StageScaleContext.Provider value={fit.scale}>{children}</StageScaleContext.Provider>
      </div>
    </div>
  );
}
