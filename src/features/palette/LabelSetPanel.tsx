import { useRef, useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import {
  isValidLabelName,
  MAX_LABEL_SET_BYTES,
  parseLabelSet,
  serializeLabelSet,
} from '../../core/labels/label-set';
import { useEditor } from '../../store/editor-store';
import {
  applyLabelSet,
  currentLabelSet,
  previewRetype,
  retypeLabel,
  setDescription,
} from '../../store/label-sets';
import { smallButton, SidePanel } from '../checks/SidePanel';
import { tokenDisplay, visibleText } from '../editor/token-text';
import { downloadBytes } from '../import-export/download';
import { isFreeForLabel } from '../keymap/registry';
import { keyString } from '../keymap/keys';
import { labelKeyMap, setLabelKey } from './label-keys';
import { swatch } from './swatches';

const TITLES = { rename: 'Rename', merge: 'Merge', delete: 'Delete' } as const;

type Action = { kind: 'rename' | 'merge' | 'delete'; name: string; target: string };

function plural(n: number, word: string) {
  const many = word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

/** One pending rename, merge or delete: what it would do, and Apply / Cancel. */
function RetypeForm(props: {
  action: Action;
  names: readonly string[];
  onDone: (msg: string) => void;
}) {
  const { action } = props;
  const [target, setTarget] = useState(action.target);
  const to = action.kind === 'delete' ? null : target.trim();
  const valid = to === null || (isValidLabelName(to) && to !== action.name);
  const exists = to !== null && props.names.includes(to);
  const preview = valid ? previewRetype(action.name, to) : null;
  const verb = action.kind === 'delete' ? 'Delete' : exists ? 'Merge' : 'Rename';
  const what =
    preview === null
      ? ''
      : to === null
        ? `${plural(preview.entities, 'entity')} of ${action.name} in ${plural(preview.sentences, 'sentence')} become O.`
        : `${plural(preview.entities, 'entity')} in ${plural(preview.sentences, 'sentence')} become ${to}${exists ? ` (merged into the existing ${to})` : ''}.`;
  return (
    <form
      aria-label={`${TITLES[action.kind]} ${visibleText(action.name)}`}
      className="mt-1 rounded border border-slate-300 p-2 dark:border-slate-600"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        if (retypeLabel(action.name, to))
          props.onDone(`${verb}d ${action.name}${to ? ` → ${to}` : ''}: ${what} Undo reverts it.`);
        else props.onDone(`Could not ${verb.toLowerCase()} ${action.name} (read-only?).`);
      }}
    >
      {action.kind !== 'delete' && (
        <label className="flex items-center gap-1 text-xs">
          {action.kind === 'merge' ? 'Merge into' : 'New name'}
          {action.kind === 'merge' ? (
            <select
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
            >
              {props.names
                .filter((n) => n !== action.name)
                .map((n) => (
                  <option key={n} value={n}>
                    {visibleText(n)}
                  </option>
                ))}
            </select>
          ) : (
            <input
              autoFocus
              value={target}
              maxLength={64}
              onChange={(e) => setTarget(e.target.value)}
              className="w-36 rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
            />
          )}
        </label>
      )}
      <p role="status" className="my-1 text-xs">
        {valid ? what : 'A label has 1–64 characters, no spaces or control characters.'}
        {preview && preview.skipped > 0 && ` ${preview.skipped} in malformed sentences stay.`}
      </p>
      <div className="flex gap-1">
        <button type="submit" className={smallButton} disabled={!valid}>
          {verb}
        </button>
        <button type="button" className={smallButton} onClick={() => props.onDone('')}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The label set: each type with its colour, hotkey, entity count and guideline text; rename,
 * merge and delete across the corpus (each one undoable step, previewed); save and load as JSON.
 */
export function LabelSetPanel() {
  const { names, counts, descriptions, readOnly, fileName } = useEditor(
    useSameFields((s) => ({
      names: s.labels.names,
      counts: s.labels.counts,
      descriptions: s.labels.descriptions,
      readOnly: s.save.readOnly,
      fileName: s.fileName,
    })),
  );
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<readonly string[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);
  const keys = labelKeyMap(names);

  const onLoad = async (file: File) => {
    setErrors([]);
    if (file.size > MAX_LABEL_SET_BYTES) {
      setErrors([`${file.name} is over ${MAX_LABEL_SET_BYTES.toLocaleString('en')} bytes.`]);
      return;
    }
    const r = parseLabelSet(await file.text());
    if (!r.ok) {
      setErrors(r.errors);
      setMessage(`${file.name} was not loaded.`);
      return;
    }
    const refusedKeys: string[] = [];
    for (const l of r.set.labels) {
      if (!l.key) continue;
      // as the key handler spells it ("q" → "Q")
      const key = keyString({
        key: l.key,
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        shiftKey: false,
      });
      if (isFreeForLabel(key)) setLabelKey(l.name, key);
      else refusedKeys.push(`${l.name} (${l.key})`);
    }
    applyLabelSet(r.set);
    setMessage(
      `Loaded ${plural(r.set.labels.length, 'label')} from ${file.name}.` +
        (refusedKeys.length > 0
          ? ` Keys taken by other commands were not bound: ${refusedKeys.join(', ')}.`
          : ''),
    );
  };

  const onSave = () => {
    const text = serializeLabelSet(currentLabelSet(keys));
    const base = fileName.replace(/\.[^.]*$/, '') || 'labels';
    downloadBytes(new TextEncoder().encode(text), `${base}.labels.json`);
  };

  return (
    <SidePanel
      panel="labels"
      title="Label set"
      header={
        <>
          <button type="button" className={smallButton} onClick={onSave}>
            Save label set…
          </button>
          <button type="button" className={smallButton} onClick={() => fileRef.current?.click()}>
            Load label set…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            aria-label="Label set file"
            className="sr-only"
            tabIndex={-1}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void onLoad(f);
            }}
          />
        </>
      }
    >
      <p role="status" className="px-3 pt-2 text-xs">
        {message}
      </p>
      {errors.length > 0 && (
        <ul
          aria-label="Label set errors"
          className="mx-3 my-1 list-disc rounded border border-red-300 bg-red-50 py-1 pl-6 pr-2 text-xs text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      <ul aria-label="Label types" className="px-3 py-1">
        {names.map((name, i) => {
          const sw = swatch(i);
          const key = keys.get(name);
          return (
            <li
              key={name}
              aria-label={visibleText(name)}
              className="border-b border-slate-200 py-2 dark:border-slate-700"
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className={`rounded px-1.5 text-xs font-semibold ${sw.chip}`}>
                  {tokenDisplay(name)}
                </span>
                <span className="whitespace-nowrap font-mono text-xs">
                  {plural(counts.get(name) ?? 0, 'entity')}
                </span>
                <span
                  className="whitespace-nowrap font-mono text-xs"
                  title="Hotkey (change it in the palette)"
                >
                  key {key || '—'}
                </span>
                <span className="ml-auto flex gap-1">
                  {(['rename', 'merge', 'delete'] as const).map((kind) => (
                    <button
                      key={kind}
                      type="button"
                      className={smallButton}
                      disabled={readOnly || (kind === 'merge' && names.length < 2)}
                      aria-label={`${kind[0]!.toUpperCase()}${kind.slice(1)} ${visibleText(name)}`}
                      onClick={() =>
                        setAction({
                          kind,
                          name,
                          target: kind === 'merge' ? (names.find((n) => n !== name) ?? '') : name,
                        })
                      }
                    >
                      {kind[0]!.toUpperCase() + kind.slice(1)}…
                    </button>
                  ))}
                </span>
              </div>
              <label className="mt-1 block text-xs">
                <span className="sr-only">Description of {visibleText(name)}</span>
                <textarea
                  key={`${name}:${descriptions.get(name) ?? ''}`}
                  defaultValue={descriptions.get(name) ?? ''}
                  placeholder="Guideline (shown on hover over its entities)"
                  maxLength={4000}
                  rows={2}
                  onBlur={(e) => {
                    if (e.target.value !== (descriptions.get(name) ?? ''))
                      setDescription(name, e.target.value);
                  }}
                  className="w-full rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
                />
              </label>
              {action?.name === name && (
                <RetypeForm
                  key={action.kind}
                  action={action}
                  names={names}
                  onDone={(msg) => {
                    setAction(null);
                    if (msg) setMessage(msg);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </SidePanel>
  );
}
