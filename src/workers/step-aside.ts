import { messageTask } from './pause';

/**
 * A worker's long job that steps aside for the user: it runs in slices of `sliceMs`, and at
 * the end of each slice lets queued messages in (the page's "the user is active" among them),
 * then waits until `quietMs` have passed since the user was last active, but never more than
 * `maxWaitMs` at a time (a slice then runs even while input goes on).
 */
export interface StepAside {
  /** The page said the user typed or pointed. */
  noteInput(): void;
  /** Whether the current slice has run its time. */
  due(): boolean;
  /** Ends the slice: lets messages in, waits while the user is active, starts a new slice. */
  pause(): Promise<void>;
  /** Starts a slice now (at the start of a job). */
  start(): void;
}

export function stepAside(
  sliceMs: number,
  quietMs: number,
  /** The longest one pause waits: input that never stops must not hold the work off forever. */
  maxWaitMs: number,
  clock: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  nextTask: () => Promise<void> = messageTask,
): StepAside {
  let lastInput = -Infinity;
  let sliceStart = clock();
  return {
    noteInput: () => {
      lastInput = clock();
    },
    due: () => clock() - sliceStart >= sliceMs,
    start: () => {
      sliceStart = clock();
    },
    pause: async () => {
      const t0 = clock();
      await nextTask();
      for (;;) {
        const wait = Math.min(lastInput + quietMs, t0 + maxWaitMs) - clock();
        if (wait <= 0) break;
        await sleep(wait);
      }
      sliceStart = clock();
    },
  };
}
