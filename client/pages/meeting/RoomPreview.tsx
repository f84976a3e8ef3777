// The room view on an office page: the very wall canvas (1920×1080 logical) scaled down to the
// width it is given, so the chair and the secretary see what the walls of the room show.

import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { STAGE_HEIGHT, STAGE_WIDTH } from '../../components/Stage';
import { WallInputContext } from '../../components/wallInput';
import { MeetingRoom } from './room/MeetingRoom';
import type { MeetingView } from './room/scene';

function ScaledCanvas({ label, children }: { label: string; children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.5);
  useEffect(() => {
    const el = outer.current;
    if (!el) return;
    const measure = () => setScale(el.clientWidth > 0 ? el.clientWidth / STAGE_WIDTH : 0.5);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <section
      className="room-preview"
      ref={outer}
      style={{ height: STAGE_HEIGHT * scale }}
      aria-label={label}
      data-testid="room-preview"
      data-scale={scale}
    >
      <div
        className="room-canvas wall-palette"
        style={{ width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: `scale(${scale})` }}
      >
        {children}
      </div>
    </section>
  );
}

export function RoomPreview({
  view,
  itemId,
  focus,
  label,
}: {
  view: MeetingView;
  itemId: number | null;
  focus: string | null;
  label: string;
}) {
  // The ticker in the frame's foot reads the alerts of the meeting's date, as on the walls.
  const input = useMemo(
    () => ({ year: view.snapshot.year, asOf: view.snapshot.asOf }),
    [view.snapshot.year, view.snapshot.asOf],
  );
  return (
    <ScaledCanvas label={label}>
      <WallInputContext.Provider value={input}>
        <MeetingRoom view={view} itemId={itemId} focus={focus} />
      </WallInputContext.Provider>
    </ScaledCanvas>
  );
}
