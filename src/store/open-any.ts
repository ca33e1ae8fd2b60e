// Opening what users bring: a CoNLL-family corpus, another tool's span format (doccano,
// Label Studio, brat, Prodigy) or plain text. Everything becomes a CoNLL document; a
// conversion report says what the conversion did and what it had to leave out.
import { looksLikeProse } from '../core/format/prose';
import { detectFormat, type InterchangeFormat, type Tokenization } from '../core/interchange';
import { convertInWorker } from '../workers/convert-client';
import type { ConvertReply, ConvertRequest } from '../workers/convert-protocol';
import { useEditor, type ConversionReport } from './editor-store';
import { importBytes } from './session';

export const FORMAT_NAMES: Readonly<Record<InterchangeFormat, string>> = {
  'jsonl-doccano': 'doccano JSONL',
  'label-studio': 'Label Studio JSON',
  brat: 'brat standoff',
  prodigy: 'Prodigy / spaCy JSONL',
};

/** Text inputs over this many characters are not converted in the page (use the CLI). */
export const MAX_CONVERT_CHARS = 200_000_000;

const baseOf = (name: string) =>
  name.replace(/\.(jsonl|json|ndjson|ann|txt|text)$/i, '') || 'corpus';

async function openConverted(
  name: string,
  conll: string,
  report: ConversionReport,
): Promise<boolean> {
  const ok = await importBytes(name, new TextEncoder().encode(conll), {});
  if (ok) useEditor.setState({ conversion: report });
  return ok;
}

/** Shows "Converting…" while a worker converts; a failure is shown where import errors are. */
async function converting<T extends ConvertReply['type']>(
  source: string,
  request: ConvertRequest,
  type: T,
): Promise<Extract<ConvertReply, { type: T }> | null> {
  useEditor.setState({
    importState: { phase: 'parsing', fileName: source, progress: 0, error: '' },
  });
  const fail = (error: string) => {
    useEditor.setState({ importState: { phase: 'failed', fileName: source, progress: 0, error } });
    return null;
  };
  try {
    const reply = await convertInWorker(request).result;
    if (reply.type === 'error') return fail(`${source}: could not convert: ${reply.message}`);
    if (reply.type !== type) return fail(`${source}: unexpected reply from the converter`);
    return reply as Extract<ConvertReply, { type: T }>;
  } catch (e) {
    return fail(`${source}: could not convert: ${(e as Error).message}`);
  }
}

/** Tokenizes plain text (every token O, in a worker) and opens it as `<name>.conll`. */
export async function openRawText(text: string, source: string): Promise<boolean> {
  const r = await converting(source, { type: 'raw', text }, 'raw');
  if (!r) return false;
  if (r.tokens === 0) {
    useEditor.setState({
      importState: {
        phase: 'failed',
        fileName: source,
        progress: 0,
        error: `${source}: no words to annotate.`,
      },
    });
    return false;
  }
  return openConverted(`${baseOf(source)}.conll`, r.conll, {
    from: 'raw text',
    source,
    summary: `Split into ${r.sentences.toLocaleString('en')} sentences and ${r.tokens.toLocaleString('en')} tokens, every token O. Fix the tokenization with the Tokens bar (split or merge tokens, split or join sentences).`,
    notes: [],
  });
}

/** The last import of another tool's files, kept to read it again with another tokenization. */
let lastImport: {
  format: InterchangeFormat;
  files: readonly { name: string; text: string }[];
} | null = null;

/** Reads the last imported files again, splitting text without tokens `tokenize`'s way. */
export async function reimportWith(tokenize: Tokenization): Promise<boolean> {
  return lastImport ? openInterchange(lastImport.format, lastImport.files, tokenize) : false;
}

/** Imports another tool's file(s) (brat: the .txt and the .ann) and opens the result. */
export async function openInterchange(
  format: InterchangeFormat,
  files: readonly { name: string; text: string }[],
  tokenize: Tokenization = 'auto',
): Promise<boolean> {
  lastImport = { format, files };
  const first = files.find((f) => format !== 'brat' || f.name.toLowerCase().endsWith('.ann'));
  const reply = await converting(
    first?.name ?? 'import',
    { type: 'interchange', format, files, tokenize },
    'interchange',
  );
  if (!reply) return false;
  const r = reply.result;
  const main =
    files.find((f) => format !== 'brat' || f.name.toLowerCase().endsWith('.ann')) ?? files[0];
  const source = main?.name ?? 'import';
  if (r.stats.tokens === 0) {
    useEditor.setState({
      importState: {
        phase: 'failed',
        fileName: source,
        progress: 0,
        error: `${source}: no text to annotate was found (${r.diagnostics[0]?.message ?? 'empty input'}).`,
      },
    });
    return false;
  }
  const s = r.stats;
  return openConverted(`${baseOf(source)}.conll`, r.conll, {
    from: FORMAT_NAMES[format],
    source,
    summary:
      `${s.records.toLocaleString('en')} records → ${s.sentences.toLocaleString('en')} sentences, ${s.tokens.toLocaleString('en')} tokens, ${s.entities.toLocaleString('en')} entities.` +
      (s.spansLeftOut > 0
        ? ` ${s.spansLeftOut} of ${s.spans} spans were left out (listed below, with their lines): they did not fit the tokens and were not moved.`
        : ` All ${s.spans} spans fit the tokens.`) +
      (s.recordsSkipped > 0 ? ` ${s.recordsSkipped} records were skipped.` : ''),
    tokenize: r.diagnostics.some((d) => d.code === 'I_TOKENIZED') ? tokenize : undefined,
    notes: r.diagnostics.map((d) => ({
      file: d.file ?? source,
      line: d.line,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  });
}

/**
 * Opens what the user chose or dropped: brat when a .ann is among the files, another tool's
 * JSON by its content, plain prose as raw text, anything else as a CoNLL-family corpus
 * (`openConll`, which handles size limits, workers and progress).
 */
export async function openAny(
  files: readonly File[],
  openConll: (f: File) => Promise<void>,
): Promise<void> {
  const ann = files.find((f) => f.name.toLowerCase().endsWith('.ann'));
  if (ann) {
    const txt = files.find((f) => f !== ann);
    if (!txt) {
      useEditor.setState({
        importState: {
          phase: 'failed',
          fileName: ann.name,
          progress: 0,
          error: `${ann.name} is brat standoff: choose its .txt file together with it.`,
        },
      });
      return;
    }
    await openInterchange('brat', [
      { name: txt.name, text: await txt.text() },
      { name: ann.name, text: await ann.text() },
    ]);
    return;
  }
  const file = files[0];
  if (!file) return;
  const lower = file.name.toLowerCase();
  const maybeOther = /\.(jsonl|json|ndjson|txt|text)$/.test(lower) || !lower.includes('.');
  if (!maybeOther || file.size > MAX_CONVERT_CHARS) {
    await openConll(file);
    return;
  }
  const head = await file.slice(0, 256 * 1024).text();
  const detected = detectFormat(file.name, head);
  if (detected.format !== 'conll') {
    await openInterchange(detected.format, [{ name: file.name, text: await file.text() }]);
    return;
  }
  if (looksLikeProse(head)) {
    await openRawText(await file.text(), file.name);
    return;
  }
  await openConll(file);
}
