/** Disjoint sets over 0..size-1 with path halving and union by rank: near-constant per call. */
export class UnionFind {
  private readonly parent: Int32Array;
  /** An upper bound on each root's tree height; below 32 for any size. */
  private readonly rank: Uint8Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.rank = new Uint8Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(item: number): number {
    const parent = this.parent;
    let node = item;
    while (parent[node] !== node) {
      const grandparent = parent[parent[node]!]!;
      parent[node] = grandparent;
      node = grandparent;
    }
    return node;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.rank[rootA]! < this.rank[rootB]!) {
      const lower = rootA;
      rootA = rootB;
      rootB = lower;
    }
    this.parent[rootB] = rootA;
    if (this.rank[rootA] === this.rank[rootB]) this.rank[rootA]!++;
  }

  /**
   * Each of items 0..count-1 pointed straight at its root, as a view of the sets' own table (no
   * copy): read it before any further union.
   */
  flatten(count: number): Int32Array {
    for (let i = 0; i < count; i++) this.parent[i] = this.find(i);
    return this.parent.subarray(0, count);
  }
}
