// Row lookups for KPI lists that fail with a message listing what was there.

export function find<T extends { key: string }>(list: readonly T[], key: string): T {
  const hit = list.find((x) => x.key === key);
  if (!hit) throw new Error(`no row '${key}' in [${list.map((x) => x.key).join(', ')}]`);
  return hit;
}

export function findBy<T, K extends keyof T>(list: readonly T[], field: K, value: T[K]): T {
  const hit = list.find((x) => x[field] === value);
  if (!hit) throw new Error(`no row with ${String(field)} = ${String(value)}`);
  return hit;
}
