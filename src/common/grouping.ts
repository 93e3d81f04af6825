/** One row per key, in key order; `null` for a key with no row (DataLoader batch results). */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** All rows per key, in key order. */
export function groupedByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row)) ?? [];
    list.push(row);
    map.set(keyOf(row), list);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Two numbers packed as one loader key: (parent id, school year), or (class id, period id). */
export const yearKey = (id: number, year: number) => `${id}:${year}`;
