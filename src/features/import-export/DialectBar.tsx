import { useSameFields } from '../shared/use-same-fields';
import { SCHEME_NAMES, SCHEMES, type Scheme } from '../../core/scheme/schemes';
import { describeDialect } from '../../core/model/summary';
import { useEditor } from '../../store/editor-store';
import { reread } from '../../store/session';
import { tokenDisplay } from '../editor/token-text';

/**
 * The dialect and scheme as detected, with the two corrections users need: which column holds
 * the tags, and which scheme the tags are in. Either re-reads the file.
 */
export function DialectBar() {
  const st = useEditor(
    useSameFields((s) => ({
      // dialect and scheme, not the document: an edit keeps both, so it does not re-render this bar
      dialect: s.doc?.dialect,
      scheme: s.doc?.scheme,
      text: s.doc?.text ?? '',
      fileName: s.fileName,
      options: s.options,
      edits: s.history.done.length,
      conversion: s.conversion,
    })),
  );
  const d = st.dialect;
  const sch = st.scheme;
  if (!d || !sch) return null;
  const confirmReread = () =>
    st.edits === 0 ||
    window.confirm(
      'Re-reading the file starts over from the file: your edits to it are not carried over. Continue?',
    );
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-3 py-1.5 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300">
      <h1 className="text-sm font-semibold text-slate-900 dark:text-slate-100">
        {tokenDisplay(st.fileName)}
      </h1>
      {st.conversion && (
        <button
          type="button"
          className="rounded bg-sky-100 px-1.5 text-sky-950 hover:bg-sky-200 dark:bg-sky-900 dark:text-sky-50"
          onClick={() => useEditor.setState({ panel: 'problems' })}
          title={st.conversion.summary}
        >
          Converted from {st.conversion.from}
          {st.conversion.notes.some((n) => n.severity !== 'info') ? ' — see Problems' : ''}
        </button>
      )}
      <span>
        {describeDialect({ dialect: d, text: st.text })}
        {st.options.encoding === 'windows-1252' ? ', read as windows-1252' : ''}
      </span>
      <label className="flex items-center gap-1">
        Tag column
        <select
          value={d.tagColumn}
          onChange={(e) => {
            if (confirmReread()) void reread({ ...st.options, tagColumn: Number(e.target.value) });
          }}
          className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
        >
          {Array.from({ length: d.columns }, (_, i) => (
            <option key={i} value={i}>
              {i + 1}
              {d.otherTagColumns.includes(i) ? ' (looks like tags)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        Scheme
        <select
          value={sch.scheme}
          onChange={(e) => {
            if (confirmReread()) void reread({ ...st.options, scheme: e.target.value as Scheme });
          }}
          className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
        >
          {SCHEMES.map((s) => (
            <option key={s} value={s}>
              {SCHEME_NAMES[s]}
            </option>
          ))}
        </select>
      </label>
      <span title={sch.detected.reason}>
        {sch.overridden
          ? `set by you (detected ${SCHEME_NAMES[sch.detected.scheme]})`
          : `detected, confidence ${sch.detected.confidence.toFixed(3)}`}
      </span>
    </div>
  );
}
