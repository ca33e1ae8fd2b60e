// Opening what users bring: a CoNLL-family corpus, another tool's span format (doccano,
// Label Studio, brat, Prodigy) or plain text. Everything becomes a CoNLL document; a
// conversion report says what the conversion did and what it had to leave out.
import { looksLikeProse } from '../core/format/prose';
import {
  detectFormat,
  importInterchange,
  type InterchangeFormat,
  type Tokenization,
} from '../core/interchange';
import { rawTextToConll, tokenizeText } from '../core/text/tokenize';
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

/** Tokenizes plain text (every token O) and opens it as `<name>.conll`. */
export async function openRawText(text: string, source: string): Promise<boolean> {
  const sentences = tokenizeText(text);
  const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
  if (tokens === 0) return false;
  return openConverted(`${baseOf(source)}.conll`, rawTextToConll(text, sentences), {
    from: 'raw text',
    source,
    summary: `Split into ${sentences.length.toLocaleString('en')} sentences and ${tokens.toLocaleString('en')} tokens, every token O. Fix the tokenization with the Tokens bar (split or merge tokens, split or join sentences).`,
    notes: [],
  });
}

/** Imports another tool's file(s) (brat: the .txt and the .ann) and opens the result. */
export async function openInterchange(
  format: InterchangeFormat,
  files: readonly { name: string; text: string }[],
  tokenize: Tokenization = 'auto',
): Promise<boolean> {
  const r = importInterchange(format, files, { tokenize });
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
