/** How the list's view moved since the frame before. */
export type Motion = 'still' | 'down' | 'up' | 'jump';

/**
 * Classifies a scroll: a move by more than the view's height lands on rows that share nothing
 * with the ones shown (a scrollbar drag, a jump), so rows rendered ahead of the view would be
 * thrown away in the next frame.
 */
export function motionOf(from: number, to: number, viewHeight: number): Motion {
  if (to === from) return 'still';
  if (Math.abs(to - from) > viewHeight) return 'jump';
  return to > from ? 'down' : 'up';
}

/**
 * The rows to render around those in view (`first`..`last`): at rest, `overscan` rows on both
 * sides, so a cursor moved off the view finds its row built; while the view moves, `overscan`
 * rows ahead and one behind (react-window, too, renders fewer behind while scrolling); while
 * it jumps, none. During a jump every row is new in every frame, and at 427,000 sentences
 * rendering, styling and laying out the eight rows off view took about as long as the nine
 * in it. (The range comes from estimated heights until rows are measured: a jump's rows can
 * fall a little short of the view's bottom for the frame before they are measured.)
 */
export function renderRange(
  first: number,
  last: number,
  count: number,
  overscan: number,
  motion: Motion,
): { start: number; end: number } {
  const before = motion === 'jump' ? 0 : motion === 'down' ? Math.min(1, overscan) : overscan;
  const after = motion === 'jump' ? 0 : motion === 'up' ? Math.min(1, overscan) : overscan;
  return { start: Math.max(0, first - before), end: Math.min(count - 1, last + after) };
}
