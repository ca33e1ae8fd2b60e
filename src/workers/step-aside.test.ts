import { describe, expect, it } from 'vitest';
import { stepAside } from './step-aside';

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

describe('stepAside', () => {
  it('is due once a slice has run its time', () => {
    const f = fake();
    const a = stepAside(8, 250, f.clock, f.sleep, () => Promise.resolve());
    a.start();
    f.advance(7);
    expect(a.due()).toBe(false);
    f.advance(1);
    expect(a.due()).toBe(true);
  });

  it('does not wait when the user has been quiet, and starts a new slice', async () => {
    const f = fake();
    let tasks = 0;
    const a = stepAside(8, 250, f.clock, f.sleep, () => {
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
    let now = 1100;
    const slept: number[] = [];
    let keyDuringSleep = true;
    const a = stepAside(
      8,
      250,
      () => now,
      (ms) => {
        slept.push(ms);
        if (keyDuringSleep) {
          // 100 ms into the first sleep another key comes
          keyDuringSleep = false;
          now += 100;
          a.noteInput();
          now += ms - 100;
        } else now += ms;
        return Promise.resolve();
      },
      () => Promise.resolve(),
    );
    a.noteInput(); // at 1100
    await a.pause();
    // slept until 1350 (250 after the first key), then until 1450 (250 after the second)
    expect(slept).toEqual([250, 100]);
    expect(now).toBe(1450);
    expect(a.due()).toBe(false);
  });
});
