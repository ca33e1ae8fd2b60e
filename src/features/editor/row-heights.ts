/**
 * Row heights with prefix sums in a Fenwick tree: setting one row's height, the offset of a
 * row and the row at an offset all cost O(log n). A list of 42,700 sentences (1M tokens)
 * re-measures rows while scrolling; recomputing every offset per measurement (O(n), what
 * TanStack Virtual does) made long tasks there.
 */
export class RowHeights {
  private readonly tree: Float64Array;
  private readonly heights: Float64Array;
  private sum = 0;

  /** Starts from estimated heights (one per row). */
  constructor(estimates: ArrayLike<number>) {
    const n = estimates.length;
    this.heights = new Float64Array(estimates);
    this.tree = new Float64Array(n + 1);
    // O(n) build: each node passes its sum to its parent.
    for (let i = 1; i <= n; i++) {
      this.tree[i] = (this.tree[i] ?? 0) + (this.heights[i - 1] ?? 0);
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent] = (this.tree[parent] ?? 0) + (this.tree[i] ?? 0);
      this.sum += this.heights[i - 1] ?? 0;
    }
  }

  /** Number of rows. */
  get count(): number {
    return this.heights.length;
  }

  /** Sum of all heights. */
  get total(): number {
    return this.sum;
  }

  /** Height of row i. */
  height(i: number): number {
    return this.heights[i] ?? 0;
  }

  /** Sets row i's height; returns the change (0 when it was already that height). */
  set(i: number, h: number): number {
    const delta = h - (this.heights[i] ?? 0);
    if (delta === 0 || i < 0 || i >= this.heights.length) return 0;
    this.heights[i] = h;
    this.sum += delta;
    for (let k = i + 1; k <= this.heights.length; k += k & -k)
      this.tree[k] = (this.tree[k] ?? 0) + delta;
    return delta;
  }

  /** Top offset of row i (sum of the heights before it). */
  offset(i: number): number {
    let s = 0;
    for (let k = Math.min(i, this.heights.length); k > 0; k -= k & -k) s += this.tree[k] ?? 0;
    return s;
  }

  /** The row that covers offset y (clamped to the first and last rows). */
  indexAt(y: number): number {
    const n = this.heights.length;
    if (n === 0) return 0;
    let pos = 0;
    let rest = y;
    let step = 1;
    while (step * 2 <= n) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && (this.tree[next] ?? 0) <= rest) {
        pos = next;
        rest -= this.tree[next] ?? 0;
      }
    }
    return Math.min(pos, n - 1);
  }
}
