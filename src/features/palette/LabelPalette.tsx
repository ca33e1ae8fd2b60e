import { memo, useCallback, useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { isWritableTag } from '../../core/scheme/tags';
import { useEditor } from '../../store/editor-store';
import { addLabel } from '../../store/label-book';
import { applyLabel } from '../editor/actions';
import { tokenDisplay, visibleText } from '../editor/token-text';
import { keyString } from '../keymap/keys';
import { isFreeForLabel } from '../keymap/registry';
import { useCoalesced } from '../shared/use-coalesced';
import { labelKeyMap, setLabelKey } from './label-keys';
import { swatch } from './swatches';

/** One label: apply button (name and count) and its hotkey chip. Memoized: an edit changes
 * the counts of one or two labels, and only those re-render. */
const LabelItem = memo(function LabelItem({
  name,
  index,
  count,
  hotkey,
  readOnly,
  binding,
  onBinding,
  onBindKey,
}: {
  name: string;
  index: number;
  count: number;
  hotkey: string | undefined;
  readOnly: boolean;
  binding: boolean;
  onBinding: (name: string | null) => void;
  onBindKey: (name: string, e: React.KeyboardEvent) => void;
}) {
  const sw = swatch(index);
  return (
    <li className={`flex items-center rounded border-2 text-sm ${sw.box}`}>
      <button
        type="button"
        disabled={readOnly}
        onClick={() => applyLabel(name)}
        className="px-2 py-0.5 font-medium disabled:opacity-60"
        aria-label={`Label as ${visibleText(name)}${hotkey ? ` (key ${hotkey})` : ''}, ${count} entities`}
      >
        {tokenDisplay(name)} <span className="font-mono text-xs">{count}</span>
      </button>
      <button
        type="button"
        onClick={() => onBinding(binding ? null : name)}
        onKeyDown={binding ? (e) => onBindKey(name, e) : undefined}
        className={`mr-1 min-w-6 rounded px-1 font-mono text-xs ${binding ? 'bg-blue-700 text-white' : 'bg-white/70 dark:bg-black/40'}`}
        aria-label={
          binding
            ? `Press a key for ${visibleText(name)} (Escape to cancel)`
            : `Change the key of ${visibleText(name)}${hotkey ? ` (now ${hotkey})` : ''}`
        }
      >
        {binding ? '…' : (hotkey ?? '—')}
      </button>
    </li>
  );
});

/** The "add a label" form: its own component, so an edit does not re-render its input. */
const NewLabelForm = memo(function NewLabelForm({ onMessage }: { onMessage: (m: string) => void }) {
  const [newLabel, setNewLabel] = useState('');
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        const name = newLabel.trim();
        // The same rule the editor applies when it writes the tag.
        if (!isWritableTag(`B-${name}`) || name === '') {
          onMessage('A label has no spaces or control characters.');
          return;
        }
        useEditor.setState((s) => ({ labels: addLabel(s.labels, name) }));
        setNewLabel('');
        onMessage(`Added ${visibleText(name)}.`);
      }}
    >
      <input
        value={newLabel}
        onChange={(e) => setNewLabel(e.target.value)}
        placeholder="New label"
        aria-label="New label name"
        maxLength={64}
        className="w-28 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      <button
        type="submit"
        className="rounded border border-slate-300 px-1.5 py-0.5 text-sm dark:border-slate-600"
      >
        Add
      </button>
    </form>
  );
});

/**
 * The labels of the corpus: colour, name, entity count and hotkey. Clicking a label applies it
 * to the selection; the hotkey chip can be rebound; a new label can be added.
 */
export function LabelPalette() {
  const {
    names,
    counts: liveCounts,
    readOnly,
  } = useEditor(
    useSameFields((s) => ({
      names: s.labels.names,
      counts: s.labels.counts,
      readOnly: s.save.readOnly,
    })),
  );
  // Counts follow the edit that changed them within 0.1 s (see the toolbar's counters).
  const counts = useCoalesced(liveCounts);
  const [binding, setBinding] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const keys = labelKeyMap(names);

  const onBindKey = useCallback((name: string, e: React.KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') {
      setBinding(null);
      return;
    }
    const key = keyString(e.nativeEvent);
    if (!isFreeForLabel(key)) {
      setMessage(`“${key}” is taken by another command; choose a letter or digit.`);
      return;
    }
    setLabelKey(name, key);
    setBinding(null);
    setMessage(`${visibleText(name)} is now on key ${key}.`);
  }, []);

  return (
    <section
      aria-label="Labels"
      className="border-b border-slate-200 px-3 py-2 dark:border-slate-700"
    >
      <ul className="flex flex-wrap items-center gap-1.5">
        {names.map((name, i) => (
          <LabelItem
            key={name}
            name={name}
            index={i}
            count={counts.get(name) ?? 0}
            hotkey={keys.get(name)}
            readOnly={readOnly}
            binding={binding === name}
            onBinding={setBinding}
            onBindKey={onBindKey}
          />
        ))}
        <li>
          <NewLabelForm onMessage={setMessage} />
        </li>
      </ul>
      <p role="status" className="min-h-4 text-xs text-slate-600 dark:text-slate-400">
        {message}
      </p>
    </section>
  );
}
