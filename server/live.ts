// The in-process change bus: every committed write appends a change_log row and publishes it here;
// live.changes streams it to the screens over SSE. Subscribers that fall behind re-read the log.
import { EventEmitter } from 'node:events';
import type { ChangeRow } from './db/queries/freshness';

export class ChangeBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open wall screen holds one listener; a kabupaten has far fewer than this.
    this.emitter.setMaxListeners(10_000);
  }

  publish(change: ChangeRow): void {
    this.emitter.emit('change', change);
  }

  subscribe(listener: (change: ChangeRow) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  listenerCount(): number {
    return this.emitter.listenerCount('change');
  }
}
