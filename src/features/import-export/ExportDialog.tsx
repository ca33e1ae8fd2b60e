import { useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { SCHEME_NAMES, SCHEMES, type Scheme } from '../../core/scheme/schemes';
import { useEditor } from '../../store/editor-store';
import { exportAs, EXPORT_FORMATS, type ExportFormat } from '../../store/export-as';
import { downloadBytes } from './download';

const field =
  'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800';

/**
 * "Export as…": the corpus in another tag scheme (CoNLL, only tag fields change) or in another
 * tool's format. The plain Export button keeps the file's own scheme and format.
 */
export function ExportDialog(props: { onClose: () => void }) {
  const { fileName, scheme } = useEditor(
    useSameFields((s) => ({ fileName: s.fileName, scheme: s.doc?.scheme.scheme ?? 'iob2' })),
  );
  const [format, setFormat] = useState<ExportFormat>('conll');
  const [to, setTo] = useState<Scheme | 'file'>('file');
  const [message, setMessage] = useState('');

  const onExport = async () => {
    setMessage('Exporting…');
    const r = await exportAs(format, to === 'file' ? undefined : to);
    if (!r) {
      setMessage('Nothing to export.');
      return;
    }
    for (const f of r.files) downloadBytes(f.bytes, f.name);
    setMessage(r.note);
  };

  return (
    <div
      role="dialog"
      aria-label="Export as"
      className="absolute left-0 top-full z-30 mt-1 w-96 rounded border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-800"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <fieldset>
        <legend className="font-semibold">Format</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f.id} className="flex items-center gap-1.5 py-0.5">
            <input
              type="radio"
              name="export-format"
              checked={format === f.id}
              onChange={() => setFormat(f.id)}
            />
            {f.name}
          </label>
        ))}
      </fieldset>
      {format === 'conll' && (
        <label className="mt-2 flex items-center gap-1.5">
          Tag scheme
          <select className={field} value={to} onChange={(e) => setTo(e.target.value as Scheme)}>
            <option value="file">As in the file ({SCHEME_NAMES[scheme]})</option>
            {SCHEMES.map((s) => (
              <option key={s} value={s}>
                {SCHEME_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
        {format === 'conll'
          ? `Only tag fields differ from ${fileName}; every other byte is kept.`
          : 'Entities become character offsets in a text of the tokens joined by spaces; the token offsets used are recorded in the file.'}
      </p>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          className="rounded bg-blue-700 px-2 py-1 text-white hover:bg-blue-800"
          onClick={() => void onExport()}
        >
          Download
        </button>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
          onClick={props.onClose}
        >
          Close
        </button>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs">
        {message}
      </p>
    </div>
  );
}
