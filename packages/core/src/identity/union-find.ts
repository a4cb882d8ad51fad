/** Disjoint sets over 0..size-1 with path halving and union by size: near-constant per call. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.size = new Int32Array(size).fill(1);
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
    if (this.size[rootA]! < this.size[rootB]!) {
      const smaller = rootA;
      rootA = rootB;
      rootB = smaller;
    }
    this.parent[rootB] = rootA;
    this.size[rootA]! += this.size[rootB]!;
  }
}
