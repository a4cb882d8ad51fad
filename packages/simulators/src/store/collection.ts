/** Records keyed by id, kept in insertion order, that can be put back to their seed. */
export class Collection<T> {
  readonly #idOf: (record: T) => string;
  readonly #seed: () => Iterable<T>;
  #records: Map<string, T> | undefined;
  #version = 0;
  #listed: { version: number; records: readonly T[] } | undefined;
  #sorted = new Map<string, { version: number; records: readonly T[] }>();

  /**
   * `seed` runs lazily on first access and again after reset(), so a large generated dataset
   * costs nothing until a test reads it.
   */
  constructor(idOf: (record: T) => string, seed: () => Iterable<T>) {
    this.#idOf = idOf;
    this.#seed = seed;
  }

  get #map(): Map<string, T> {
    if (!this.#records) {
      this.#records = new Map();
      for (const record of this.#seed()) this.#records.set(this.#idOf(record), record);
    }
    return this.#records;
  }

  /** Changes whenever the records do, so readers can cache derived views (sorted lists). */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#map.size;
  }

  /**
   * The records in insertion order. The same array until they change, so a listing handler asked
   * for page after page of a large collection does not copy it each time: never mutate it.
   */
  list(): readonly T[] {
    const map = this.#map;
    if (this.#listed?.version !== this.#version) {
      this.#listed = { version: this.#version, records: Object.freeze([...map.values()]) };
    }
    return this.#listed.records;
  }

  /**
   * The records ordered by `sortKey` (ties keep insertion order), reversed when `descending`;
   * computed once per change and kept, like {@link list}, under `name`. Never mutate it.
   */
  sorted(name: string, sortKey: (record: T) => string | number, descending = false): readonly T[] {
    const view = `${name}:${descending}`;
    const cached = this.#sorted.get(view);
    if (cached?.version === this.#version) return cached.records;
    const records = this.list().slice();
    const keys = new Map(records.map((record) => [record, sortKey(record)]));
    records.sort((a, b) =>
      keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0,
    );
    if (descending) records.reverse();
    this.#sorted.set(view, { version: this.#version, records: Object.freeze(records) });
    return records;
  }

  get(id: string): T | undefined {
    return this.#map.get(id);
  }

  find(predicate: (record: T) => boolean): T | undefined {
    for (const record of this.#map.values()) if (predicate(record)) return record;
    return undefined;
  }

  filter(predicate: (record: T) => boolean): T[] {
    return this.list().filter(predicate);
  }

  /** Adds or replaces the record with the same id. */
  put(record: T): T {
    this.#version++;
    this.#map.set(this.#idOf(record), record);
    return record;
  }

  /** Merges `changes` into an existing record; undefined if there is none. */
  update(id: string, changes: Partial<T>): T | undefined {
    const current = this.#map.get(id);
    if (current === undefined) return undefined;
    this.#version++;
    const updated = { ...current, ...changes };
    this.#map.set(id, updated);
    return updated;
  }

  delete(id: string): boolean {
    this.#version++;
    return this.#map.delete(id);
  }

  clear(): void {
    this.#version++;
    this.#records = new Map();
  }

  reset(): void {
    this.#version++;
    this.#records = undefined;
  }
}
