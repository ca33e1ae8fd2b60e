/**
 * Row heights with prefix sums in a Fenwick tree: setting one row's height, the offset of a
 * row and the row at an offset all cost O(log n). A list of 42,700 sentences (1M tokens)
 * re-measures rows while scrolling; recomputing every offset per measurement (O(n), what
 * TanStack Virtual does) made long tasks there.
 */
export class RowHeights {
  // not readonly: `sliced` fills a new instance's arrays itself
  private tree: Float64Array;
  private heights: Float64Array;
  private sum = 0;

  /** Starts from estimated heights (one per row). */
  constructor(estimates: ArrayLike<number>) {
    this.heights = new Float64Array(estimates);
    this.tree = new Float64Array(estimates.length + 1);
    this.build(1, estimates.length + 1);
  }

  /**
   * The same as the constructor, built `slice` rows at a time with `pause()` between slices:
   * at 427,000 rows (a 100 MB file) one pass held the page for 25–430 ms on a loaded machine.
   * `estimate(i)` gives row i's height.
   */
  static async sliced(
    count: number,
    estimate: (i: number) => number,
    pause: () => Promise<void>,
    slice = 50_000,
  ): Promise<RowHeights> {
    const rows = new RowHeights([]);
    const heights = new Float64Array(count);
    rows.heights = heights;
    rows.tree = new Float64Array(count + 1);
    for (let from = 0; from < count; from += slice) {
      if (from > 0) await pause();
      const to = Math.min(count, from + slice);
      for (let i = from; i < to; i++) heights[i] = estimate(i);
      rows.build(from + 1, to + 1);
    }
    return rows;
  }

  /**
   * The O(n) build for tree nodes [from, to): each node passes its sum to its parent, which
   * comes later, so building in consecutive ranges is the same as one pass.
   */
  private build(from: number, to: number): void {
    const { tree, heights } = this;
    const n = heights.length;
    for (let i = from; i < to; i++) {
      const h = heights[i - 1] ?? 0;
      tree[i] = (tree[i] ?? 0) + h;
      const parent = i + (i & -i);
      if (parent <= n) tree[parent] = (tree[parent] ?? 0) + (tree[i] ?? 0);
      this.sum += h;
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
