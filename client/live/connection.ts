// The state of a wall's one live connection (live.changes over server-sent events), kept outside
// React so the EventSource can report to it the instant the socket opens or drops. The wall frame
// reads it to show "terputus sejak 14.32 WIB" as soon as the server goes away, not at the next poll.

export type LiveStatus = 'connecting' | 'open' | 'down';

export interface LiveSnapshot {
  status: LiveStatus;
  /** Epoch ms when the connection was first lost (kept through every retry); null while open. */
  downSince: number | null;
  /** Failed attempts since the last successful open: drives the reconnect backoff. */
  failures: number;
  /** How many times the connection has opened; a second open is a reconnect (catch up). */
  opens: number;
}

export class LiveConnection {
  private snapshot: LiveSnapshot = { status: 'connecting', downSince: null, failures: 0, opens: 0 };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LiveSnapshot => this.snapshot;

  markOpen(): void {
    this.set({ status: 'open', downSince: null, failures: 0, opens: this.snapshot.opens + 1 });
  }

  markDown(now: number): void {
    const s = this.snapshot;
    this.set({ status: 'down', downSince: s.downSince ?? now, failures: s.failures + 1, opens: s.opens });
  }

  private set(next: LiveSnapshot): void {
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}

/** The page's live connection: one per page, because a wall page holds one subscription. */
export const liveConnection = new LiveConnection();

let wallEventSourceClass: typeof EventSource | null = null;

/**
 * An EventSource that reports to liveConnection and closes itself on the first error instead of
 * letting the browser retry every 3 s forever: tRPC then sees a closed stream, and the retry link
 * in trpc.ts reconnects with backoff, resuming after the last event id it saw. Listeners added
 * here run before tRPC's own, so tRPC already finds the stream closed. Built on first use: Node
 * (the unit tests) has no EventSource.
 */
export function wallEventSource(): typeof EventSource {
  wallEventSourceClass ??= class WallEventSource extends EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.addEventListener('open', () => liveConnection.markOpen());
      this.addEventListener('error', () => {
        liveConnection.markDown(Date.now());
        this.close();
      });
    }
  };
  return wallEventSourceClass;
}
