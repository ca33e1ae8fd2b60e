// Span-annotation formats in and out: doccano JSONL, Label Studio JSON, brat standoff, Prodigy.
import type { CorpusDocument } from '../model/document';
import { readBrat, writeBrat } from './brat';
import { buildConll } from './build';
import { DiagnosticList } from './diagnostics';
import { readDoccano, writeDoccano } from './doccano';
import { readLabelStudio, writeLabelStudio } from './label-studio';
import { FORMAT_OFFSETS } from './offsets';
import { readProdigy, writeProdigy } from './prodigy';
import type { ReadRecords } from './records';
import { exportSentences, warnSpacedTokens } from './sentences';
import { hasGluedPunctuation } from './tokens';
import type {
  ExportResult,
  ImportOptions,
  ImportResult,
  InputFile,
  InterchangeFormat,
} from './types';

export { detectFormat, type DetectedFormat } from './detect';
export { FORMAT_OFFSETS } from './offsets';
export * from './types';

/** The .txt and .ann of a brat pair, by extension (else in the order given). */
export function bratPair(files: readonly InputFile[]): { txt: InputFile; ann: InputFile } | null {
  const ann = files.find((f) => f.name.toLowerCase().endsWith('.ann')) ?? files[1];
  const txt = files.find((f) => f !== ann && !f.name.toLowerCase().endsWith('.ann'));
  return ann && txt ? { txt, ann } : null;
}

/**
 * Imports span annotations as CoNLL text (`token<TAB>TAG`, IOB2 unless `options.scheme`) for
 * `parse`. `files`: one file, or brat's .txt and .ann. Never throws on input: what cannot be
 * read is in `diagnostics`; a span that does not fit the tokens is left out, never moved.
 */
export function importInterchange(
  format: InterchangeFormat,
  files: readonly InputFile[],
  options: ImportOptions = {},
): ImportResult {
  const main = format === 'brat' ? bratPair(files) : null;
  const first = files[0];
  const diags = new DiagnosticList(format === 'brat' ? main?.ann.name : first?.name);
  let read: ReadRecords;
  if (format === 'brat') {
    read = main
      ? readBrat(main.txt.text, main.ann.text, diags)
      : { records: [], read: { records: 0, skipped: 0 }, spans: 0, leftOut: 0 };
    if (!main) {
      diags.add({
        line: 0,
        severity: 'error',
        code: 'E_RECORD',
        message: 'brat needs a .txt and a .ann file',
      });
    }
  } else {
    const text = first?.text ?? '';
    read =
      format === 'jsonl-doccano'
        ? readDoccano(text, diags)
        : format === 'label-studio'
          ? readLabelStudio(text, diags)
          : readProdigy(text, diags);
  }
  const r = buildConll(
    read.records,
    {
      scheme: options.scheme ?? 'iob2',
      tokenize: options.tokenize ?? 'auto',
      unit: options.offsets ?? FORMAT_OFFSETS[format],
    },
    diags,
    read.read,
  );
  return {
    ...r,
    stats: {
      ...r.stats,
      spans: r.stats.spans + read.spans,
      spansLeftOut: r.stats.spansLeftOut + read.leftOut,
    },
  };
}

const EXTENSIONS: Readonly<Record<Exclude<InterchangeFormat, 'brat'>, string>> = {
  'jsonl-doccano': '.jsonl',
  'label-studio': '.json',
  prodigy: '.jsonl',
};

/**
 * Exports a document's sentences (one record per sentence, tokens joined by single spaces, token
 * offsets and the document index recorded) as files named `baseName` plus the format's
 * extension; brat gives a .txt and a .ann. Quarantined sentences are left out and reported.
 */
export function exportInterchange(
  format: InterchangeFormat,
  doc: CorpusDocument,
  baseName = 'export',
): ExportResult {
  const diags = new DiagnosticList();
  const unit = format === 'brat' ? 'utf16' : FORMAT_OFFSETS[format];
  const { sentences, leftOut } = exportSentences(doc, unit, diags);
  let files: ExportResult['files'];
  if (format === 'brat') {
    warnSpacedTokens(sentences, diags, 'brat');
    warnGlued(sentences, diags);
    const { txt, ann } = writeBrat(sentences);
    files = [
      { name: `${baseName}.txt`, text: txt },
      { name: `${baseName}.ann`, text: ann },
    ];
  } else {
    const text =
      format === 'jsonl-doccano'
        ? writeDoccano(sentences)
        : format === 'label-studio'
          ? writeLabelStudio(sentences)
          : writeProdigy(sentences);
    files = [{ name: `${baseName}${EXTENSIONS[format]}`, text }];
  }
  return {
    files,
    diagnostics: diags.finish(),
    sentences: sentences.length,
    sentencesLeftOut: leftOut,
  };
}

/** brat: glued punctuation makes 'auto' read words; say how to read the export back. */
function warnGlued(
  sentences: ReturnType<typeof exportSentences>['sentences'],
  diags: DiagnosticList,
) {
  for (const s of sentences) {
    const k = s.tokens.findIndex((t, i) => hasGluedPunctuation(t, i === s.tokens.length - 1));
    if (k < 0) continue;
    diags.add({
      line: 0,
      severity: 'warning',
      code: 'W_EXPORT',
      message: `sentence ${s.index} has the token ${JSON.stringify(s.tokens[k])}, punctuation glued to a word: read this brat export back with tokenization "whitespace" to keep the tokens`,
    });
    return;
  }
}
