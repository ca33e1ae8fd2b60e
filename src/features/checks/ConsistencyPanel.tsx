import { useMemo, useRef, useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { applyVariant, type Finding, type Occurrence } from '../../core/checks/consistency';
import { flaggedCount } from '../../core/checks/wire';
import { previewTransaction, type ChangeRow } from '../../core/edit/preview';
import { addEvidence, applyFindingVariant, removeEvidence } from '../../store/checks';
import { moveCursor, selectRange, useEditor } from '../../store/editor-store';
import { ChangePreview } from './ChangePreview';
import { InContext } from './InContext';
import { SidePanel, smallButton } from './SidePanel';
import { tokenDisplay, visibleText } from '../editor/token-text';

/** Findings listed at once (ranked: the likeliest errors first). */
const SHOWN = 200;

/**
 * Inconsistencies: the same words labelled differently across the corpus, likeliest errors
 * first. Each finding shows its variants with counts and the occurrences side by side; the
 * chosen variant is applied to the selected occurrences in one undoable step.
 */
export function ConsistencyPanel() {
  const { consistency, evidence, readOnly } = useEditor(
    useSameFields((s) => ({
      consistency: s.consistency,
      evidence: s.evidence,
      readOnly: s.save.readOnly,
    })),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const { findings, status } = consistency;
  const flagged = findings.reduce((a, f) => a + flaggedCount(f, 0), 0);
  return (
    <SidePanel
      panel="consistency"
      title="Inconsistencies"
      header={<span className="text-sm">({findings.length})</span>}
    >
      <div className="space-y-1 border-b border-slate-200 px-3 py-2 text-xs dark:border-slate-700">
        <p role="status" aria-label="Consistency status">
          {status === 'running' && 'Analysing the corpus…'}
          {status === 'ready' &&
            `${findings.length} ${findings.length === 1 ? 'word' : 'words'} labelled inconsistently; ${flagged} ${flagged === 1 ? 'place' : 'places'} flagged in this file (updated in ${consistency.ms.toFixed(0)} ms).`}
          {status === 'failed' && `The analysis failed: ${consistency.error}`}
          {status === 'idle' && 'No analysis yet.'}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <span>Evidence only:</span>
          {evidence.map((e, i) => (
            <span key={i} className="rounded bg-slate-200 px-1 dark:bg-slate-700">
              {e.name}{' '}
              <button
                type="button"
                aria-label={`Remove evidence ${e.name}`}
                onClick={() => removeEvidence(i)}
              >
                ✕
              </button>
            </span>
          ))}
          <button type="button" className={smallButton} onClick={() => fileRef.current?.click()}>
            Add evidence file…
          </button>
          <input
            ref={fileRef}
            type="file"
            className="hidden"
            aria-label="Open a file as evidence only"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) setNote(await addEvidence(f));
            }}
          />
        </div>
        {note && <p>{note}</p>}
      </div>
      <ol>
        {findings.slice(0, SHOWN).map((f) => (
          <FindingItem
            key={f.id}
            finding={f}
            open={openId === f.id}
            readOnly={readOnly}
            onToggle={() => setOpenId(openId === f.id ? null : f.id)}
          />
        ))}
        {findings.length > SHOWN && (
          <li className="p-3 text-xs">
            … and {findings.length - SHOWN} more (retag check --consistency lists all).
          </li>
        )}
      </ol>
    </SidePanel>
  );
}

function FindingItem(props: {
  finding: Finding;
  open: boolean;
  readOnly: boolean;
  onToggle: () => void;
}) {
  const f = props.finding;
  const words = f.words.join(' ');
  return (
    <li className="border-b border-slate-100 dark:border-slate-800">
      <button
        type="button"
        aria-expanded={props.open}
        className="w-full px-3 py-1.5 text-left hover:bg-slate-50 dark:hover:bg-slate-800"
        onClick={props.onToggle}
      >
        <span className="font-semibold">“{tokenDisplay(words)}”</span>{' '}
        <span className="rounded bg-violet-100 px-1 text-xs text-violet-950 dark:bg-violet-900 dark:text-violet-50">
          {f.kind === 'type' ? 'type' : 'boundary'}
        </span>{' '}
        <span className="font-mono text-xs">score {f.score.toFixed(2)}</span>
        <span className="block text-xs text-slate-700 dark:text-slate-300">
          {visibleText(f.variants.map((v) => `${v.label} ×${v.count}`).join(' · '))}
        </span>
      </button>
      {props.open && <FindingDetail finding={f} readOnly={props.readOnly} />}
    </li>
  );
}

function FindingDetail({ finding, readOnly }: { finding: Finding; readOnly: boolean }) {
  const doc = useEditor((s) => s.doc);
  const evidence = useEditor((s) => s.evidence);
  const places = finding.variants.reduce((a, v) => a + v.count, 0);
  const trimmed = finding.occurrences.length < places;
  const editable = finding.occurrences.filter(
    (o) => o.source === 0 && !finding.variants[o.variant]?.crossing,
  );
  // Keyed by place, not by object: each update from the worker brings new objects.
  const placeKey = (o: Occurrence) => `${o.sentence}:${o.start}:${o.end}`;
  const [chosenKeys, setChosen] = useState<Set<string>>(
    () => new Set(editable.filter((o) => o.flagged).map(placeKey)),
  );
  const chosen = new Set(editable.filter((o) => chosenKeys.has(placeKey(o))));
  const [preview, setPreview] = useState<{
    variant: number;
    rows: ChangeRow[];
    occ: Occurrence[];
  } | null>(null);
  const byVariant = useMemo(
    () => finding.variants.map((_, vi) => finding.occurrences.filter((o) => o.variant === vi)),
    [finding],
  );
  if (!doc) return null;
  const docOf = (o: Occurrence) => (o.source === 0 ? doc : evidence[o.source - 1]?.doc);
  const context = (o: Occurrence) => {
    const d = docOf(o);
    const s = d?.sentences[o.sentence];
    return d && s ? <InContext doc={d} sentence={s} start={o.start} end={o.end} /> : null;
  };
  const ask = (variant: number, occ: Occurrence[]) => {
    const tr = applyVariant(doc, finding, variant, occ);
    setPreview({ variant, occ, rows: tr ? previewTransaction(doc, tr) : [] });
  };
  return (
    <div className="px-3 pb-2">
      {preview && (
        <ChangePreview
          title={`Make ${preview.occ.length} place(s) “${finding.variants[preview.variant]?.label}”`}
          rows={preview.rows}
          onApply={() => {
            applyFindingVariant(finding, preview.variant, preview.occ);
            setPreview(null);
          }}
          onCancel={() => setPreview(null)}
        />
      )}
      {trimmed && (
        <p className="mb-1 text-xs">
          Listing the {finding.occurrences.length} flagged and example places of {places}.
        </p>
      )}
      <div
        className="grid gap-2"
        style={{
          gridTemplateColumns: `repeat(${Math.min(finding.variants.length, 2)}, minmax(0, 1fr))`,
        }}
      >
        {finding.variants.map((v, vi) => (
          <section
            key={v.id}
            aria-label={`Variant ${v.label}`}
            className="rounded border border-slate-200 p-1 dark:border-slate-700"
          >
            <h4 className="text-xs font-semibold">
              {tokenDisplay(v.label)} ×{v.count}
              {vi === finding.suggested && (
                <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50">
                  suggested
                </span>
              )}
            </h4>
            {!v.crossing && (
              <div className="my-1 flex flex-wrap gap-1">
                <button
                  type="button"
                  className={smallButton}
                  disabled={readOnly || chosen.size === 0}
                  onClick={() => ask(vi, [...chosen])}
                >
                  Apply to selected ({chosen.size})…
                </button>
                <button
                  type="button"
                  className={smallButton}
                  disabled={readOnly}
                  onClick={() => ask(vi, editable)}
                >
                  {trimmed
                    ? `Apply to all listed (${editable.length})…`
                    : `Apply to all (${editable.length})…`}
                </button>
              </div>
            )}
            <ul className="space-y-0.5 text-xs">
              {byVariant[vi]?.slice(0, 20).map((o, i) => (
                <li key={i} className="flex items-start gap-1">
                  {o.source === 0 && !v.crossing ? (
                    <input
                      type="checkbox"
                      aria-label={`Select sentence ${o.sentence + 1} token ${o.start + 1}`}
                      checked={chosenKeys.has(placeKey(o))}
                      onChange={(e) => {
                        const next = new Set(chosenKeys);
                        if (e.target.checked) next.add(placeKey(o));
                        else next.delete(placeKey(o));
                        setChosen(next);
                      }}
                    />
                  ) : (
                    <span className="w-3" />
                  )}
                  <button
                    type="button"
                    className="text-left hover:underline disabled:no-underline"
                    disabled={o.source !== 0}
                    onClick={() => {
                      moveCursor({ s: o.sentence, t: o.start });
                      selectRange(o.sentence, o.start, o.end);
                    }}
                  >
                    <span className="font-mono text-slate-600 dark:text-slate-400">
                      {o.source === 0
                        ? `#${o.sentence + 1}`
                        : `${evidence[o.source - 1]?.name ?? ''}:${o.line}`}
                    </span>{' '}
                    {context(o)}
                  </button>
                </li>
              ))}
              {(byVariant[vi]?.length ?? 0) > 20 && (
                <li>… and {(byVariant[vi]?.length ?? 0) - 20} more</li>
              )}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
