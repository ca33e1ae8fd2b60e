import { memo, useMemo } from 'react';
import { changedTagCount, lineTextIn } from '../../core/model/document';
import { extractChunks } from '../../core/scheme/chunks';
import { useEditor, type EditorState } from '../../store/editor-store';
import { swatch } from '../palette/swatches';
import { useSameFields } from '../shared/use-same-fields';
import { revert } from './actions';
import { tokenDisplay } from './token-text';

/** How much of a malformed sentence's raw lines a row shows. */
const MAX_RAW_LINES = 200;
const MAX_RAW_CHARS = 2000;

/** Counts renders per sentence index; the render-count test reads it. */
export const rowRenders = new Map<number, number>();

/**
 * One sentence. It subscribes to its own sentence object and to primitives describing the
 * cursor and selection in it, so an edit elsewhere never re-renders it.
 */
export const SentenceRow = memo(function SentenceRow({ index }: { index: number }) {
  rowRenders.set(index, (rowRenders.get(index) ?? 0) + 1);
  // One subscription, compared field by field: a store change runs one selector per row, not
  // sixteen (a row on screen is notified of every change; most leave it alone), and compares
  // without the Maps zustand's `shallow` builds.
  const {
    sentence,
    text,
    tokens,
    scheme,
    lineStarts,
    prevDocIndex,
    cursorT,
    selStart,
    selEnd,
    labelIndex,
    descriptions,
    readOnly,
    reviewed,
    inconsistent,
    issueList,
  } = useEditor(
    useSameFields((s: EditorState) => {
      const here = s.cursor.s === index;
      return {
        sentence: s.doc?.sentences[index],
        text: s.doc?.text ?? '',
        tokens: s.doc?.tokens,
        scheme: s.doc?.scheme,
        lineStarts: s.doc?.lineStarts,
        prevDocIndex: index > 0 ? (s.doc?.sentences[index - 1]?.doc ?? -1) : -1,
        cursorT: here ? s.cursor.t : -1,
        selStart: s.anchor && here ? Math.min(s.anchor.t, s.cursor.t) : -1,
        selEnd: s.anchor && here ? Math.max(s.anchor.t, s.cursor.t) : -1,
        labelIndex: s.labels.index,
        descriptions: s.labels.descriptions,
        readOnly: s.save.readOnly,
        reviewed: s.reviewed.has(index),
        inconsistent: s.consistency.flagged.has(index),
        // from the store's live index (validated once per edit there), not validated here
        issueList: s.tagIssues.get(index),
      };
    }),
  );

  const chunks = useMemo(
    () => (sentence && scheme ? extractChunks(sentence.tags, scheme.rules) : []),
    [sentence, scheme],
  );
  const issues = useMemo(() => {
    const m = new Map<number, string>();
    for (const i of issueList ?? []) m.set(i.index, `${i.code}: ${i.message}`);
    return m;
  }, [issueList]);

  if (!sentence || !tokens || !scheme) return null;
  const number = index + 1;
  const docBreak = index > 0 && prevDocIndex !== sentence.doc;
  const changed = changedTagCount(sentence);

  const header = (
    <>
      {docBreak && (
        <div
          role="separator"
          className="mb-1 border-t-2 border-dashed border-slate-400 pt-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-500 dark:text-slate-300"
        >
          Document {sentence.doc + 1}
        </div>
      )}
    </>
  );

  if (sentence.quarantined) {
    // A malformed line can be megabytes long: show its start (the file keeps all of it).
    const raw: string[] = [];
    for (let n = sentence.startLine; n <= sentence.endLine && raw.length < MAX_RAW_LINES; n++) {
      const line = lineTextIn(text, lineStarts ?? new Uint32Array(0), n);
      raw.push(
        line.length > MAX_RAW_CHARS
          ? `${line.slice(0, MAX_RAW_CHARS)}… (${(line.length - MAX_RAW_CHARS).toLocaleString('en')} more characters)`
          : line,
      );
    }
    const more = sentence.endLine - sentence.startLine + 1 - raw.length;
    if (more > 0) raw.push(`… (${more.toLocaleString('en')} more lines)`);
    return (
      <div
        role="row"
        aria-label={`Sentence ${number} (read-only: malformed)`}
        data-s={index}
        className="px-2 py-1.5"
      >
        {header}
        <div className="flex gap-3">
          <span className="w-14 shrink-0 text-right font-mono text-xs text-slate-500 dark:text-slate-400">
            {number}
          </span>
          <div>
            <p className="text-xs font-semibold text-red-700 dark:text-red-300">
              Malformed lines: kept verbatim, read-only (see Problems)
            </p>
            <pre className="whitespace-pre-wrap rounded border border-dashed border-red-500 p-1 text-sm">
              {raw.join('\n')}
            </pre>
          </div>
        </div>
      </div>
    );
  }

  const token = (i: number) => {
    const k = sentence.first + i;
    const word = text.slice(tokens.tokenStart[k], tokens.tokenEnd[k]);
    const isCursor = i === cursorT;
    const isSelected = selStart >= 0 && i >= selStart && i <= selEnd;
    const isChanged = sentence.tags[i] !== sentence.originalTags[i];
    const issue = issues.get(i);
    const line = tokens.line[k] ?? 0;
    const cls = [
      'inline-block rounded px-0.5 [unicode-bidi:isolate]',
      isSelected ? 'bg-blue-200 dark:bg-blue-800' : '',
      isCursor ? 'outline outline-2 outline-offset-1 outline-blue-700 dark:outline-blue-300' : '',
      isChanged ? 'underline decoration-amber-500 decoration-2 underline-offset-4' : '',
      issue ? 'underline decoration-wavy decoration-red-600 underline-offset-4' : '',
    ].join(' ');
    return (
      <span
        key={i}
        id={`tok-${index}-${i}`}
        role="gridcell"
        aria-selected={isSelected || isCursor}
        data-s={index}
        data-t={i}
        data-line={line}
        data-tag={sentence.tags[i]}
        data-issue={issue}
        className={cls}
      >
        {tokenDisplay(word)}
      </span>
    );
  };

  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const c of chunks) {
    while (at < c.start) pieces.push(token(at++));
    const words: string[] = [];
    for (let i = c.start; i < c.end; i++)
      words.push(
        text.slice(tokens.tokenStart[sentence.first + i], tokens.tokenEnd[sentence.first + i]),
      );
    const sw = swatch(labelIndex.get(c.type) ?? 0);
    const guideline = descriptions.get(c.type);
    const inner: React.ReactNode[] = [];
    for (let i = c.start; i < c.end; i++) inner.push(token(i));
    pieces.push(
      <span
        key={`e${c.start}`}
        role="group"
        aria-roledescription="entity"
        aria-label={`${c.type}: ${words.join(' ')}`}
        title={guideline ? `${c.type}: ${guideline}` : undefined}
        aria-description={guideline}
        className={`mx-0.5 inline-flex flex-wrap items-baseline gap-0.5 rounded border-2 px-0.5 ${sw.box}`}
      >
        {inner}
        <span
          data-chip={c.start}
          className={`cursor-pointer rounded px-1 text-[0.7rem] font-semibold leading-4 ${sw.chip}`}
          aria-hidden="true"
        >
          {tokenDisplay(c.type)}
        </span>
      </span>,
    );
    at = c.end;
  }
  while (at < sentence.length) pieces.push(token(at++));

  return (
    <div
      role="row"
      aria-label={`Sentence ${number}${changed > 0 ? ', edited' : ''}${issues.size > 0 ? `, ${issues.size} invalid tags` : ''}${inconsistent ? ', inconsistent' : ''}${reviewed ? ', reviewed' : ''}`}
      data-s={index}
      className={`px-2 py-1.5 ${changed > 0 ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}
    >
      {header}
      <div className="flex gap-3">
        <span className="w-14 shrink-0 pt-1 text-right font-mono text-xs text-slate-500 dark:text-slate-400">
          {number}
          {issues.size > 0 && (
            <span
              className="ml-1 text-red-700 dark:text-red-300"
              title={`${issues.size} invalid tag sequence(s)`}
            >
              ⚠{issues.size}
            </span>
          )}
          {inconsistent && (
            <span
              className="ml-1 font-bold text-violet-700 dark:text-violet-300"
              title="Labelled differently elsewhere: see Inconsistencies (C)"
            >
              ≠
            </span>
          )}
          {reviewed && (
            <span className="ml-1 text-emerald-700 dark:text-emerald-300" title="Reviewed">
              ✓
            </span>
          )}
        </span>
        <div className="min-w-0 flex-1 select-none leading-8">{pieces}</div>
        {/* At least this wide, edited or not: a badge that took its width from the text on the
            first edit would rewrap the sentence and move every row below it. (Narrow windows
            show the count alone.) */}
        <div className="flex min-w-24 shrink-0 items-start justify-end gap-1 whitespace-nowrap pt-1 sm:min-w-36">
          {changed > 0 && (
            <>
              <span className="rounded bg-amber-200 px-1.5 text-xs font-medium text-amber-950 dark:bg-amber-800 dark:text-amber-50">
                {changed}
                <span className="hidden sm:inline"> changed</span>
              </span>
              <button
                type="button"
                disabled={readOnly}
                onClick={() => revert(index)}
                className="rounded border border-slate-400 px-1.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-500 dark:hover:bg-slate-800"
                aria-label={`Revert sentence ${number} to the original`}
              >
                Revert
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
});
