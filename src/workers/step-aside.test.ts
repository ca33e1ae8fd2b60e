import { describe, expect, it } from 'vitest';
import { stepAside, type StepAside } from './step-aside';

/** A fake clock: sleeping advances it; tasks take no time. */
function fake() {
  let now = 0;
  const slept: number[] = [];
  return {
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: (ms: number) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    slept,
  };
}

/**
 * A step-aside on a clock that only sleeping moves: `during(a, ms)` runs in each sleep, moves
 * the clock by `ms` in all, and may note input on the way.
 */
function sleeper(
  start: number,
  during: (a: StepAside, ms: number, advance: (d: number) => void) => void,
) {
  const clock = { now: start, slept: [] as number[] };
  const a: StepAside = stepAside(
    8,
    250,
    1000,
    () => clock.now,
    (ms) => {
      clock.slept.push(ms);
      during(a, ms, (d) => (clock.now += d));
      return Promise.resolve();
    },
    () => Promise.resolve(),
  );
  return { a, clock };
}

describe('stepAside', () => {
  it('is due once a slice has run its time', () => {
    const f = fake();
    const a = stepAside(8, 250, 1000, f.clock, f.sleep, () => Promise.resolve());
    a.start();
    f.advance(7);
    expect(a.due()).toBe(false);
    f.advance(1);
    expect(a.due()).toBe(true);
  });

  it('does not wait when the user has been quiet, and starts a new slice', async () => {
    const f = fake();
    let tasks = 0;
    const a = stepAside(8, 250, 1000, f.clock, f.sleep, () => {
      tasks += 1;
      return Promise.resolve();
    });
    f.advance(1000);
    a.start();
    f.advance(10);
    await a.pause();
    expect(tasks).toBe(1); // queued messages were let in
    expect(f.slept).toEqual([]);
    expect(a.due()).toBe(false);
  });

  it('waits until quietMs after the last input, also input that came while it waited', async () => {
    let keyDuringSleep = true;
    const { a, clock } = sleeper(1100, (a, ms, advance) => {
      if (keyDuringSleep) {
        // 100 ms into the first sleep another key comes
        keyDuringSleep = false;
        advance(100);
        a.noteInput();
        advance(ms - 100);
      } else advance(ms);
    });
    a.noteInput(); // at 1100
    await a.pause();
    // slept until 1350 (250 after the first key), then until 1450 (250 after the second)
    expect(clock.slept).toEqual([250, 100]);
    expect(clock.now).toBe(1450);
    expect(a.due()).toBe(false);
  });

  it('does not wait for input older than quietMs', async () => {
    const f = fake();
    const a = stepAside(8, 250, 1000, f.clock, f.sleep, () => Promise.resolve());
    a.noteInput(); // at 0
    f.advance(250);
    await a.pause();
    expect(f.slept).toEqual([]);
    a.noteInput(); // at 250
    f.advance(249);
    await a.pause();
    expect(f.slept).toEqual([1]);
  });

  it('never waits more than maxWaitMs at a time, however long the input goes on', async () => {
    const { a, clock } = sleeper(0, (a, ms, advance) => {
      // a key every 100 ms while the pause sleeps
      for (let t = 0; t < ms; t += 100) {
        advance(Math.min(100, ms - t));
        a.noteInput();
      }
    });
    a.noteInput();
    await a.pause();
    expect(clock.now).toBe(1000);
    expect(a.due()).toBe(false);
    await a.pause();
    expect(clock.now).toBe(2000); // the next slice runs, then the next pause ends at the cap again
  });
});
