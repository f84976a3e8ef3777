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
