// The state of a wall's one live connection (live.changes over server-sent events), kept outside
// React so the EventSource can report to it the instant the socket opens or drops. The wall frame
// reads it to show "terputus sejak 14.32 WIB" as soon as the server goes away, not at the next poll.
//
// Three ways a connection is lost, each dated when it happened rather than when it was noticed:
// the socket errors (a killed server: now), the browser reports the network gone (the 'offline'
// event: now), or the stream falls silent and tRPC abandons it after its inactivity timeout (a
// pulled cable, a sleeping Wi-Fi: the last moment anything arrived, not 25 s later).

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

/** What the live connection needs of an EventSource to abandon it. */
interface Source {
  readyState: number;
  close(): void;
  fail(): void;
}

export class LiveConnection {
  private snapshot: LiveSnapshot = { status: 'connecting', downSince: null, failures: 0, opens: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly reconnectListeners = new Set<() => void>();
  /** Epoch ms of the last thing the open stream delivered (an event, a ping, the handshake). */
  private lastHeardAt: number | null = null;
  private source: Source | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LiveSnapshot => this.snapshot;

  markOpen(now: number = Date.now()): void {
    this.lastHeardAt = now;
    this.set({ status: 'open', downSince: null, failures: 0, opens: this.snapshot.opens + 1 });
  }

  markDown(now: number): void {
    const s = this.snapshot;
    this.set({ status: 'down', downSince: s.downSince ?? now, failures: s.failures + 1, opens: s.opens });
  }

  /** The open stream delivered something: it is alive as of `now`. */
  heard(now: number): void {
    this.lastHeardAt = now;
  }

  /**
   * The open stream was abandoned without an error (tRPC's inactivity timeout): it has been dead
   * since it last delivered something. Counts as a failed attempt like any other loss.
   */
  markSilent(now: number): void {
    if (this.snapshot.status !== 'open') return;
    this.markDown(Math.min(now, this.lastHeardAt ?? now));
  }

  /**
   * The browser says the network is gone: the wall is disconnected from this moment, and the
   * current stream (which may sit half-open for a long time) is failed at once so the retry
   * loop takes over instead of waiting for the inactivity timeout.
   */
  networkLost(now: number): void {
    const source = this.source;
    // Failing the stream reports the loss through its own error path (dated now).
    if (source && source.readyState !== 2) source.fail();
    else if (this.snapshot.status !== 'down') this.markDown(now);
  }

  /** Asks the page's subscription to try again now rather than after the backoff (network back). */
  requestReconnect(): void {
    if (this.snapshot.status !== 'down') return;
    for (const l of this.reconnectListeners) l();
  }

  onReconnectRequest(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** The EventSource now carrying the connection (one at a time). */
  attach(source: Source): void {
    this.source = source;
  }

  detach(source: Source): void {
    if (this.source === source) this.source = null;
  }

  private set(next: LiveSnapshot): void {
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}

/** The page's live connection: one per page, because a wall page holds one subscription. */
export const liveConnection = new LiveConnection();

/** Events tRPC's SSE stream sends besides plain messages: the handshake and the keep-alive. */
const ALIVE_EVENTS = ['connected', 'ping', 'message'] as const;

let wallEventSourceClass: typeof EventSource | null = null;

/**
 * An EventSource that reports to liveConnection and closes itself on the first error instead of
 * letting the browser retry every 3 s forever: tRPC then sees a closed stream, and the retry link
 * in trpc.ts reconnects with backoff, resuming after the last event id it saw. Listeners added
 * here run before tRPC's own, so tRPC already finds the stream closed. Built on first use: Node
 * (the unit tests) has no EventSource.
 *
 * The connection counts as open at tRPC's 'connected' handshake (the procedure runs and the
 * server has decided what to replay), not at the HTTP headers.
 */
export function wallEventSource(): typeof EventSource {
  wallEventSourceClass ??= class WallEventSource extends EventSource {
    private failed = false;

    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      liveConnection.attach(this);
      for (const type of ALIVE_EVENTS) {
        this.addEventListener(type, () => {
          if (type === 'connected') liveConnection.markOpen(Date.now());
          else liveConnection.heard(Date.now());
        });
      }
      this.addEventListener('error', () => {
        liveConnection.markDown(Date.now());
        this.failed = true;
        this.close();
      });
    }

    /** Fails the stream as a network error would: closed, then tRPC's error path (retry with backoff). */
    fail(): void {
      if (this.readyState === this.CLOSED) return;
      this.dispatchEvent(new Event('error'));
    }

    override close(): void {
      // Closed by tRPC while it still looked open: its inactivity timeout gave up on a silent
      // stream (or the page unsubscribed). Either way nothing arrives any more.
      if (!this.failed && this.readyState !== this.CLOSED) liveConnection.markSilent(Date.now());
      liveConnection.detach(this);
      super.close();
    }
  };
  return wallEventSourceClass;
}
