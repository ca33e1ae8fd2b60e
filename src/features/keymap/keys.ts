/** The subset of a KeyboardEvent that decides which shortcut it is. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * A key press as a string: modifiers in the order Ctrl, Alt, Shift, then the key
 * ("Ctrl+Shift+Z", "Alt+ArrowLeft", "?", "1"). Cmd counts as Ctrl. Shift is left out for
 * printable characters whose shifted form is its own key ("?" rather than "Shift+?").
 */
export function keyString(e: KeyLike): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  let key = e.key.length === 1 ? e.key : e.key;
  const printable = key.length === 1;
  if (e.shiftKey && !(printable && !/[a-z]/i.test(key))) parts.push('Shift');
  if (printable && /[a-z]/i.test(key)) key = key.toUpperCase();
  if (key === ' ') key = 'Space';
  parts.push(key);
  return parts.join('+');
}
