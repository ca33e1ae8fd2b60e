// Keyboard shortcuts are data: the key handler, the help overlay and the palette read this
// registry, and a unit test fails when two commands share a key.

/** Where a shortcut applies. */
export type When = 'editor' | 'global';

/** One registered command with its keys. */
export interface Shortcut {
  readonly id: string;
  readonly label: string;
  readonly keys: readonly string[];
  readonly when: When;
  readonly group: 'Move' | 'Select' | 'Edit' | 'Tokens' | 'Review' | 'History' | 'File' | 'View';
}

/** The fixed commands (label keys are added per document, see `labelShortcuts`). */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'cursor.left',
    label: 'Previous token',
    keys: ['ArrowLeft'],
    when: 'editor',
    group: 'Move',
  },
  { id: 'cursor.right', label: 'Next token', keys: ['ArrowRight'], when: 'editor', group: 'Move' },
  { id: 'cursor.up', label: 'Previous sentence', keys: ['ArrowUp'], when: 'editor', group: 'Move' },
  { id: 'cursor.down', label: 'Next sentence', keys: ['ArrowDown'], when: 'editor', group: 'Move' },
  {
    id: 'cursor.home',
    label: 'First token of the sentence',
    keys: ['Home'],
    when: 'editor',
    group: 'Move',
  },
  {
    id: 'cursor.end',
    label: 'Last token of the sentence',
    keys: ['End'],
    when: 'editor',
    group: 'Move',
  },
  {
    id: 'cursor.pageUp',
    label: '10 sentences up',
    keys: ['PageUp'],
    when: 'editor',
    group: 'Move',
  },
  {
    id: 'cursor.pageDown',
    label: '10 sentences down',
    keys: ['PageDown'],
    when: 'editor',
    group: 'Move',
  },
  {
    id: 'cursor.first',
    label: 'First sentence',
    keys: ['Ctrl+Home'],
    when: 'editor',
    group: 'Move',
  },
  { id: 'cursor.last', label: 'Last sentence', keys: ['Ctrl+End'], when: 'editor', group: 'Move' },
  { id: 'view.goto', label: 'Go to sentence…', keys: ['G'], when: 'editor', group: 'Move' },
  {
    id: 'select.left',
    label: 'Extend selection left',
    keys: ['Shift+ArrowLeft'],
    when: 'editor',
    group: 'Select',
  },
  {
    id: 'select.right',
    label: 'Extend selection right',
    keys: ['Shift+ArrowRight'],
    when: 'editor',
    group: 'Select',
  },
  {
    id: 'select.entity',
    label: 'Select the entity under the cursor',
    keys: ['Enter'],
    when: 'editor',
    group: 'Select',
  },
  {
    id: 'select.clear',
    label: 'Clear the selection / close panels',
    keys: ['Escape'],
    when: 'editor',
    group: 'Select',
  },
  {
    id: 'entity.remove',
    label: 'Remove the entity (or clear the selection)',
    keys: ['Backspace', 'Delete'],
    when: 'editor',
    group: 'Edit',
  },
  {
    id: 'action.repeat',
    label: 'Repeat the last label or remove here',
    keys: ['.'],
    when: 'editor',
    group: 'Edit',
  },
  {
    id: 'entity.endLeft',
    label: 'Move the entity end left',
    keys: ['Alt+ArrowLeft'],
    when: 'editor',
    group: 'Edit',
  },
  {
    id: 'entity.endRight',
    label: 'Move the entity end right',
    keys: ['Alt+ArrowRight'],
    when: 'editor',
    group: 'Edit',
  },
  {
    id: 'entity.startLeft',
    label: 'Move the entity start left',
    keys: ['Alt+Shift+ArrowLeft'],
    when: 'editor',
    group: 'Edit',
  },
  {
    id: 'entity.startRight',
    label: 'Move the entity start right',
    keys: ['Alt+Shift+ArrowRight'],
    when: 'editor',
    group: 'Edit',
  },
  {
    id: 'sentence.revert',
    label: 'Revert this sentence to the file',
    keys: ['Shift+R'],
    when: 'editor',
    group: 'Edit',
  },
  {
    id: 'token.split',
    label: 'Split the token (choose where)',
    keys: ['Shift+T'],
    when: 'editor',
    group: 'Tokens',
  },
  {
    id: 'token.merge',
    label: 'Merge the token with the next',
    keys: ['Shift+M'],
    when: 'editor',
    group: 'Tokens',
  },
  {
    id: 'sentence.split',
    label: 'Start a new sentence at the token',
    keys: ['Shift+Enter'],
    when: 'editor',
    group: 'Tokens',
  },
  {
    id: 'sentence.join',
    label: 'Join the sentence with the next',
    keys: ['Shift+J'],
    when: 'editor',
    group: 'Tokens',
  },
  { id: 'history.undo', label: 'Undo', keys: ['Ctrl+Z'], when: 'global', group: 'History' },
  {
    id: 'history.redo',
    label: 'Redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    when: 'global',
    group: 'History',
  },
  {
    id: 'file.export',
    label: 'Export the corrected file',
    keys: ['Ctrl+S'],
    when: 'global',
    group: 'File',
  },
  { id: 'file.open', label: 'Open a file…', keys: ['Ctrl+O'], when: 'global', group: 'File' },
  {
    id: 'review.toggle',
    label: 'Mark the sentence reviewed (again: not reviewed)',
    keys: ['V'],
    when: 'editor',
    group: 'Review',
  },
  {
    id: 'review.nextUnreviewed',
    label: 'Next unreviewed sentence',
    keys: ['N'],
    when: 'editor',
    group: 'Review',
  },
  { id: 'review.nextProblem', label: 'Next problem', keys: ['E'], when: 'editor', group: 'Review' },
  {
    id: 'review.nextInconsistency',
    label: 'Next inconsistency',
    keys: ['I'],
    when: 'editor',
    group: 'Review',
  },
  { id: 'view.problems', label: 'Show problems', keys: ['P'], when: 'editor', group: 'View' },
  {
    id: 'view.consistency',
    label: 'Show inconsistencies',
    keys: ['C'],
    when: 'editor',
    group: 'View',
  },
  { id: 'view.search', label: 'Search', keys: ['/'], when: 'editor', group: 'View' },
  { id: 'view.changes', label: 'Show changes (diff)', keys: ['D'], when: 'editor', group: 'View' },
  { id: 'view.stats', label: 'Show statistics', keys: ['S'], when: 'editor', group: 'View' },
  {
    id: 'view.labels',
    label: 'Show the label set (rename, merge, delete types)',
    keys: ['L'],
    when: 'editor',
    group: 'View',
  },
  { id: 'view.help', label: 'Show keyboard shortcuts', keys: ['?'], when: 'editor', group: 'View' },
];

/** Default label keys: the first ten labels get 1…9, 0. */
export const LABEL_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** Label shortcuts for a document: a key per label (custom keys first, then the defaults). */
export function labelShortcuts(
  names: readonly string[],
  custom: ReadonlyMap<string, string> = new Map(),
): Shortcut[] {
  const taken = new Set([...custom.values()]);
  const free = LABEL_KEYS.filter((k) => !taken.has(k));
  const out: Shortcut[] = [];
  for (const name of names) {
    const key = custom.get(name) ?? free.shift();
    if (key === undefined) continue;
    out.push({
      id: `label:${name}`,
      label: `Label as ${name}`,
      keys: [key],
      when: 'editor',
      group: 'Edit',
    });
  }
  return out;
}

/** Keys bound to more than one command (in the same or an overlapping scope). */
export function keyConflicts(shortcuts: readonly Shortcut[]): string[] {
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  for (const s of shortcuts) {
    for (const k of s.keys) {
      const prev = owner.get(k);
      if (prev !== undefined && prev !== s.id) conflicts.push(`${k}: ${prev} and ${s.id}`);
      else owner.set(k, s.id);
    }
  }
  return conflicts;
}

/** True when a key may be bound to a label (not used by a fixed command). */
export function isFreeForLabel(key: string): boolean {
  return (
    key.length === 1 &&
    !SHORTCUTS.some((s) => s.keys.includes(key.toUpperCase()) || s.keys.includes(key))
  );
}
