/**
 * `compute` remembered per key, for values an organisation repeats (its few locales and time
 * zones) so a bulk pull asks Intl once each. Bounded: hostile data naming a million distinct values
 * empties the memory instead of growing it.
 */
export function boundedMemo<V>(compute: (key: string) => V, limit = 1024): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
