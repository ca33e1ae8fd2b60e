/**
 * Long work written as a generator that yields wherever it could stop for a while: the
 * consistency analysis of a 1M-token corpus takes about a second, and a caller in a worker
 * pauses it while the user types (the worker and the page share two cores). Core code only
 * says where it could stop; the caller decides when (and whether) it does.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the work to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs the work, calling `pause` at each point the work could stop when `due()` says it is
 * time to (for example every 10 ms), and waiting for it.
 */
export async function runStepsPausing<T>(
  steps: Steps<T>,
  due: () => boolean,
  pause: () => Promise<void>,
): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (due()) await pause();
  }
}

/** How much work lies between two points where a build could stop. */
export interface StepSizes {
  /** Tokens read (and sentences laid out). */
  readonly tokens: number;
  /** Sentences whose entities are counted. */
  readonly sentences: number;
  /** Keys (entity texts) checked. */
  readonly keys: number;
}

/** A few ms of work each on this machine (the 1M-token build has ~200 such points). */
export const STEP_SIZES: StepSizes = { tokens: 20_000, sentences: 2_000, keys: 500 };
