import {
  detectFormat,
  exportInterchange,
  importInterchange,
  type InputFile,
  type InterchangeDiagnostic,
  type InterchangeFormat,
} from '../core/interchange';
import { parse } from '../core/format/parse';
import type { CorpusDocument } from '../core/model/document';
import type { CliArgs, ConvertFormat } from './args';
import { UsageError } from './args';
import {
  formatDiagnostic,
  parseFile,
  plural,
  printable,
  runConvert,
  type CommandOutput,
} from './commands';

type Read = (file: string) => Uint8Array;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => decoder.decode(bytes);

/** Infos about a decision on the whole input are always shown; the others with --verbose. */
const DECISIONS: ReadonlySet<string> = new Set(['I_TOKENIZED', 'I_DOCUMENTS', 'I_OFFSETS']);

function withoutExtension(path: string, ext: string): string | null {
  return path.toLowerCase().endsWith(ext) ? path.slice(0, -ext.length) : null;
}

/** The .txt and .ann of a brat input named by either of them. */
function bratFiles(file: string): { txt: string; ann: string } {
  const fromAnn = withoutExtension(file, '.ann');
  if (fromAnn !== null) return { txt: `${fromAnn}.txt`, ann: file };
  const fromTxt = withoutExtension(file, '.txt');
  if (fromTxt !== null) return { txt: file, ann: `${fromTxt}.ann` };
  throw new UsageError(`brat input: give the .ann or the .txt file, not "${file}"`);
}

function canRead(read: Read, path: string): boolean {
  try {
    read(path);
    return true;
  } catch {
    return false;
  }
}

/** The input format: --from, else detected from the name and the content. */
function inputFormat(args: CliArgs, file: string, bytes: Uint8Array, read: Read): ConvertFormat {
  if (args.from) return args.from;
  const txtBase = withoutExtension(file, '.txt');
  const annBeside = txtBase !== null && file !== '-' && canRead(read, `${txtBase}.ann`);
  return detectFormat(file, text(bytes.subarray(0, 1 << 16)), { annBeside }).format;
}

function printDiagnostics(
  diags: readonly InterchangeDiagnostic[],
  file: string,
  verbose: boolean,
): string[] {
  return diags
    .filter((d) => d.severity !== 'info' || verbose || DECISIONS.has(d.code))
    .map((d) =>
      formatDiagnostic(d.file ?? file, {
        line: d.line,
        column: d.column ?? 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      }),
    );
}

/** The output: to stdout, to -o OUT, or (brat) to OUT.txt and OUT.ann. */
function output(
  args: CliArgs,
  files: readonly { name: string; text: string }[],
  stderr: string[],
  status: number,
): CommandOutput {
  const err = stderr.length > 0 ? stderr.map(printable).join('\n') + '\n' : '';
  if (args.to === 'brat' && args.output !== undefined) {
    const base = withoutExtension(args.output, '.txt') ?? withoutExtension(args.output, '.ann');
    const out = base ?? args.output;
    return {
      stdout: '',
      stderr: err,
      status,
      files: files.map((f) => ({
        path: `${out}${f.name.slice(f.name.lastIndexOf('.'))}`,
        bytes: encoder.encode(f.text),
      })),
    };
  }
  const bytes = encoder.encode(files[0]?.text ?? '');
  if (args.output !== undefined) {
    return { stdout: '', stderr: err, status, file: { path: args.output, bytes } };
  }
  return { stdout: bytes, stderr: err, status };
}

/** Reads a span-format input into a document (through CoNLL text). */
function importFile(
  args: CliArgs,
  format: InterchangeFormat,
  file: string,
  bytes: Uint8Array,
  read: Read,
) {
  let inputs: InputFile[];
  if (format === 'brat') {
    if (file === '-') throw new UsageError('brat input needs a .ann or .txt file, not "-"');
    const { txt, ann } = bratFiles(file);
    inputs = [
      { name: txt, text: text(txt === file ? bytes : read(txt)) },
      { name: ann, text: text(ann === file ? bytes : read(ann)) },
    ];
  } else inputs = [{ name: file, text: text(bytes) }];
  return importInterchange(format, inputs, {
    ...(args.scheme ? { scheme: args.scheme } : {}),
    ...(args.tokenize ? { tokenize: args.tokenize } : {}),
  });
}

/**
 * `retag convert`: CoNLL → CoNLL in another scheme (tag fields only, as before), or between
 * CoNLL and doccano, Label Studio, brat and Prodigy. Exit 1 when anything of the input had to be
 * left out (a span, an unreadable record, a quarantined sentence), else 0.
 */
export function runConvertAny(args: CliArgs, read: Read): CommandOutput {
  const file = args.files[0] as string;
  const bytes = read(file);
  const from = inputFormat(args, file, bytes, read);
  const to = args.to ?? 'conll';
  if (from === 'conll' && to === 'conll') return runConvert(args, () => bytes);
  const err: string[] = [];
  let leftOut = false;
  let doc: CorpusDocument;
  if (from === 'conll') {
    doc = parseFile(file, bytes, args).document;
  } else {
    const r = importFile(args, from, file, bytes, read);
    err.push(...printDiagnostics(r.diagnostics, file, args.verbose));
    const s = r.stats;
    leftOut =
      s.spansLeftOut > 0 ||
      r.diagnostics.some((d) => d.severity === 'error' || d.code === 'W_TOKEN_UNWRITABLE');
    err.push(
      `retag: ${file}: ${from} -> ${to}: ${plural(s.records, 'record')} (${s.recordsSkipped} skipped), ${plural(s.sentences, 'sentence')}, ${plural(s.tokens, 'token')}, ${plural(s.entities, 'entity', 'entities')}; ${plural(s.spansLeftOut, 'span')} left out`,
    );
    if (to === 'conll') return output(args, [{ name: 'out', text: r.conll }], err, leftOut ? 1 : 0);
    doc = parse(r.conll).document;
  }
  const exp = exportInterchange(to as InterchangeFormat, doc, 'out');
  err.push(...printDiagnostics(exp.diagnostics, file, args.verbose));
  if (from === 'conll') {
    err.push(
      `retag: ${file}: conll -> ${to}: ${plural(exp.sentences, 'sentence')} written, ${exp.sentencesLeftOut} left out`,
    );
  }
  if (exp.sentencesLeftOut > 0) leftOut = true;
  return output(args, exp.files, err, leftOut ? 1 : 0);
}
