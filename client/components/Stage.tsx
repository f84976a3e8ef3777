// The wall's fixed logical canvas: everything is laid out at 1920×1080 and scaled to the viewport
// with a CSS transform, letterboxed and centred on other aspect ratios. At 3840×2160 it is ×2.

import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

interface Fit {
  scale: number;
  x: number;
  y: number;
}

export function fitStage(viewportWidth: number, viewportHeight: number): Fit {
  const scale = Math.min(viewportWidth / STAGE_WIDTH, viewportHeight / STAGE_HEIGHT);
  if (!(scale > 0)) return { scale: 1, x: 0, y: 0 };
  return {
    scale,
    x: (viewportWidth - STAGE_WIDTH * scale) / 2,
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
        className="stage"
        data-scale={fit.scale}
        style={{
          width: STAGE_WIDTH,
          height: STAGE_HEIGHT,
          transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.scale})`,
        }}
      >
        <StageScaleContext.Provider value={fit.scale}>{children}</StageScaleContext.Provider>
      </div>
    </div>
  );
}
