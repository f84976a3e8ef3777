// The player's screens as chunks it can load ahead and load again. React.lazy remembers a failed
// import for ever: a chunk that could not be fetched while the server was down (a screen the
// rotation had not reached yet) would then fail every time it came round, and with no boundary
// take the whole page down with it. Here a failed load is forgotten so the next turn tries again,
// the player fetches every chunk of its playlist soon after it starts (so a later outage finds
// them all in memory), and a slide whose chunk cannot load shows the wall frame with its
// "no data, retrying" message instead of nothing.
import { Component, type ComponentType, type ReactNode, use } from 'react';

export interface ScreenChunk<P extends object> {
  Screen: ComponentType<P>;
  preload: () => void;
}

export function screenChunk<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ScreenChunk<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const get = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m.default;
      },
      (err: unknown) => {
        pending = null;
        throw err;
      },
    );
    return pending;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per chunk at module level, like React.lazy
  function Screen(props: P) {
    const Loaded = loaded ?? use(get());
    return <Loaded {...props} />;
  }
  return {
    Screen,
    preload: () => {
      get().catch(() => {
        // Tried again when the screen comes round.
      });
    },
  };
}

/** Catches a slide that failed to render (a chunk that would not load) and shows `fallback`. */
export class SlideBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
