import { SCHEME_NAMES, type Scheme } from '../core/scheme/schemes';
import { useEditor } from './editor-store';
import { exportInterchange, type InterchangeFormat } from '../core/interchange';
import { FORMAT_NAMES } from './open-any';
import { exportBytes, flushEdits } from './session';

/** The formats "Export as…" offers. */
export type ExportFormat = 'conll' | InterchangeFormat;

export const EXPORT_FORMATS: readonly { id: ExportFormat; name: string }[] = [
  { id: 'conll', name: 'CoNLL (this file’s layout)' },
  { id: 'jsonl-doccano', name: 'doccano JSONL' },
  { id: 'label-studio', name: 'Label Studio JSON tasks' },
  { id: 'brat', name: 'brat standoff (.txt + .ann)' },
  { id: 'prodigy', name: 'Prodigy / spaCy JSONL' },
];

/** A file name with a tag before its extension: `a.conll` + `bioes` → `a.bioes.conll`. */
export function taggedName(fileName: string, tag: string, ext?: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName || 'corpus';
  const own = dot > 0 ? fileName.slice(dot) : '';
  return `${base}.${tag}${ext ?? own}`;
}

/** The open document in a format (and, for CoNLL, a scheme): the files to download and a note. */
export async function exportAs(
  format: ExportFormat,
  scheme?: Scheme,
): Promise<{ files: { name: string; bytes: Uint8Array }[]; note: string } | null> {
  const { doc, fileName } = useEditor.getState();
  if (!doc) return null;
  if (format === 'conll') {
    const bytes = await exportBytes(scheme);
    if (!bytes) return null;
    const name = scheme && scheme !== doc.scheme.scheme ? taggedName(fileName, scheme) : fileName;
    return {
      files: [{ name, bytes }],
      note: `Downloaded ${name} (${SCHEME_NAMES[scheme ?? doc.scheme.scheme]}).`,
    };
  }
  await flushEdits();
  const base = fileName.replace(/\.[^.]*$/, '') || 'corpus';
  const r = exportInterchange(format, doc, base);
  const warnings = r.diagnostics.filter((d) => d.severity !== 'info');
  return {
    files: r.files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })),
    note:
      `Downloaded ${r.files.map((f) => f.name).join(' and ')}: ${r.sentences.toLocaleString('en')} sentences as ${FORMAT_NAMES[format]}.` +
      (r.sentencesLeftOut > 0 ? ` ${r.sentencesLeftOut} malformed sentences were left out.` : '') +
      (warnings.length > 0 ? ` ${warnings.map((w) => w.message).join(' ')}` : ''),
  };
}
