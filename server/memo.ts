// A small memo for read models that every screen asks for with the same input (the executive
// summary). Entries are keyed by the last committed change id, so any write invalidates them.
export class ChangeKeyedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries = 32) {}

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.entries.size >= this.maxEntries) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * One memo per read model (the ticker, a pillar), all keyed by the last committed change the same
 * way. A procedure names its model and builds the key from its input.
 */
export class ReadMemos {
  private readonly memos = new Map<string, ChangeKeyedMemo<unknown>>();

  get<V>(model: string, key: string, compute: () => V): V {
    let memo = this.memos.get(model);
    if (!memo) {
      memo = new ChangeKeyedMemo<unknown>();
      this.memos.set(model, memo);
    }
    return memo.get(key, compute) as V;
  }

  clear(): void {
    for (const m of this.memos.values()) m.clear();
  }
}
