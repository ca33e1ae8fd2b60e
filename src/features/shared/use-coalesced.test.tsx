// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COALESCE_MS, useCoalesced } from './use-coalesced';

let renders = 0;
function Shown({ value, label }: { value: number; label: string }) {
  const shown = useCoalesced(value);
  renders++;
  return <span aria-label={label}>{shown}</span>;
}

function Two({ a, b }: { a: number; b: number }) {
  return (
    <>
      <Shown value={a} label="a" />
      <Shown value={b} label="b" />
    </>
  );
}

const text = (c: HTMLElement, label: string) =>
  c.querySelector(`[aria-label="${label}"]`)?.textContent;

describe('useCoalesced', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    renders = 0;
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the first value at once, then each change within COALESCE_MS', () => {
    const { container, rerender } = render(<Two a={1} b={1} />);
    expect(text(container, 'a')).toBe('1');
    rerender(<Two a={2} b={1} />);
    expect(text(container, 'a')).toBe('1');
    act(() => vi.advanceTimersByTime(COALESCE_MS - 1));
    expect(text(container, 'a')).toBe('1');
    act(() => vi.advanceTimersByTime(1));
    expect(text(container, 'a')).toBe('2');
  });

  it('catches every waiting value up in one render', () => {
    const { container, rerender } = render(<Two a={1} b={1} />);
    rerender(<Two a={2} b={1} />);
    act(() => vi.advanceTimersByTime(COALESCE_MS / 2));
    rerender(<Two a={2} b={5} />);
    renders = 0;
    act(() => vi.advanceTimersByTime(COALESCE_MS / 2));
    expect([text(container, 'a'), text(container, 'b')]).toEqual(['2', '5']);
    expect(renders).toBe(2); // each component once, in the same flush
  });

  it('is a throttle: a change every few ms still shows the newest value every COALESCE_MS', () => {
    const { container, rerender } = render(<Two a={0} b={0} />);
    const seen: string[] = [];
    for (let i = 1; i <= 40; i++) {
      rerender(<Two a={i} b={0} />);
      act(() => vi.advanceTimersByTime(COALESCE_MS / 4));
      seen.push(text(container, 'a') ?? '');
    }
    // caught up at 4, 8, …, 40 (10 times), never held back until the run ends
    expect(new Set(seen).size).toBe(11);
    expect(seen.at(-1)).toBe('40');
  });
});
