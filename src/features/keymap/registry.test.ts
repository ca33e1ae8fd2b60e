import { describe, expect, it } from 'vitest';
import { keyString } from './keys';
import { isFreeForLabel, keyConflicts, labelShortcuts, SHORTCUTS } from './registry';

describe('shortcut registry', () => {
  it('binds no key to two commands, label keys included', () => {
    const names = Array.from({ length: 14 }, (_, i) => `L${i}`);
    expect(keyConflicts([...SHORTCUTS, ...labelShortcuts(names)])).toEqual([]);
  });
  it('detects a conflict', () => {
    expect(
      keyConflicts([
        ...SHORTCUTS,
        { id: 'x', label: 'x', keys: ['Ctrl+Z'], when: 'global', group: 'Edit' },
      ]),
    ).toEqual(['Ctrl+Z: history.undo and x']);
  });
  it('gives the first ten labels 1…9, 0 and honours custom keys', () => {
    const keys = labelShortcuts(['A', 'B', 'C'], new Map([['B', '1']])).map(
      (s) => `${s.id}=${s.keys[0]}`,
    );
    expect(keys).toEqual(['label:A=2', 'label:B=1', 'label:C=3']);
    expect(isFreeForLabel('q')).toBe(true);
    expect(isFreeForLabel('g')).toBe(false);
    expect(isFreeForLabel('.')).toBe(false);
  });
  it('spells key presses the way the registry does', () => {
    const k = (
      key: string,
      mods: Partial<{
        ctrlKey: boolean;
        shiftKey: boolean;
        altKey: boolean;
        metaKey: boolean;
      }> = {},
    ) =>
      keyString({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(k('z', { ctrlKey: true })).toBe('Ctrl+Z');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+Z');
    expect(k('z', { metaKey: true })).toBe('Ctrl+Z');
    expect(k('?', { shiftKey: true })).toBe('?');
    expect(k('ArrowLeft', { altKey: true, shiftKey: true })).toBe('Alt+Shift+ArrowLeft');
    expect(k('R', { shiftKey: true })).toBe('Shift+R');
    expect(k('g')).toBe('G');
  });
});
