import {
  INTERCHANGE_FORMATS,
  type InterchangeFormat,
  type Tokenization,
} from '../core/interchange';
import { parseSchemeName, SCHEMES, type Scheme } from '../core/scheme/schemes';

/** The formats `convert` reads and writes. */
export type ConvertFormat = 'conll' | InterchangeFormat;
export const CONVERT_FORMATS: readonly ConvertFormat[] = ['conll', ...INTERCHANGE_FORMATS];
const TOKENIZATIONS: readonly Tokenization[] = ['auto', 'words', 'whitespace'];

/** A command line, parsed. */
export interface CliArgs {
  readonly command: 'check' | 'spans' | 'convert' | 'stats' | 'help' | 'version';
  readonly files: readonly string[];
  /** 0-based columns (the command line counts from 1, as cut and awk do). */
  readonly tagColumn?: number;
  readonly tokenColumn?: number;
  readonly schemeIn?: Scheme;
  readonly scheme?: Scheme;
  readonly output?: string;
  readonly verbose: boolean;
  /** check: analyse all files as one corpus for inconsistent annotation instead. */
  readonly consistency: boolean;
  /** check --consistency, stats: JSON instead of text. */
  readonly json: boolean;
  /** check --consistency: compare words exactly instead of folded (case, plural "s"). */
  readonly exact: boolean;
  /** convert: the format to write (default conll) and to read (default: detected). */
  readonly to?: ConvertFormat;
  readonly from?: ConvertFormat;
  /** convert: how text without token offsets is cut into tokens (default auto). */
  readonly tokenize?: Tokenization;
}

/** A usage error: printed as one line, exit status 2. */
export class UsageError extends Error {}

export const USAGE = `usage: retag <command> [options] FILE...

commands:
  check FILE...     report problems as FILE:LINE:COL: error|warning CODE message, then a summary;
                    exit 1 if any error
  check --consistency FILE...
                    analyse all files as one corpus (e.g. a test set with its training set) for
                    words labelled differently in different places (words compared in lower
                    case and without a plural "s": "Networks" is "network"); print each flagged
                    occurrence, likeliest errors first, as
                    FILE:LINE:COL: warning W_INCONSISTENT_TYPE|W_INCONSISTENT_BOUNDARY message,
                    then one summary line; exit 0 (findings are warnings), 1 if a file has
                    errors (its malformed sentences are left out, see retag check FILE)
  spans FILE        print each entity as one JSON object per line:
                    {"sentence": i, "start": j, "end": k, "label": "L"}
  convert FILE      rewrite the tags in another scheme (only tag fields change), or convert
                    between CoNLL and span formats (--to, --from; see formats below); the
                    findings go to stderr as FILE:LINE:COL: severity CODE message, then one
                    summary line; exit 1 if anything of the input had to be left out (a span
                    that does not fit the tokens, overlaps another, has a bad label or offsets,
                    is discontinuous; an unreadable record; a sentence CoNLL cannot hold; a
                    quarantined CoNLL sentence), else 0
  stats FILE        tokens, sentences, documents, entities per type (count, share, mean
                    length) and per length in tokens, scheme, invalid sequences by code,
                    quarantined sentences; --json: one object, label-keyed parts as
                    [label, n] pairs; exit 1 if the file has errors (see retag check)

formats (convert --to/--from):
  conll             token<TAB>TAG lines, a blank line between sentences, -DOCSTART-<TAB>O
                    between documents
  jsonl-doccano     one {"text", "label": [[start, end, "L"], ...], "tokens": [[start, end],
                    ...], "doc": n} per line; reads "labels" and doccano 1.x "entities" too
  label-studio      a JSON array of tasks {"data": {"text", "tokens", "doc"}, "annotations":
                    [{"result": [{"type": "labels", "value": {"start", "end", "text",
                    "labels": ["L"]}}]}]}; reads one task or JSONL of tasks too
  brat              FILE.txt (one sentence per line, a blank line between documents) and
                    FILE.ann (T1<TAB>L START END<TAB>text); relations, events, attributes,
                    notes and discontinuous spans are reported and left out
  prodigy           one {"text", "tokens": [{"text", "start", "end", "id", "ws"}], "spans":
                    [{"start", "end", "token_start", "token_end" (inclusive), "label"}],
                    "meta": {"doc": n}} per line
  Export writes one record per sentence, tokens joined by single spaces; import keeps a
  record's own tokens, else tokenizes (--tokenize), and splits a record's text into
  sentences except inside an entity (records written by retag, with "doc", stay one
  sentence); when a record holds several sentences, each record becomes a document.
  Spans off token boundaries are reported and left out, never moved. Offsets count code
  points (Python), except doccano's, which count UTF-16 units (JavaScript).

options:
  --tag-column N    the column that holds the tags (1-based; default: the last)
  --token-column N  the column that holds the tokens (1-based; default: detected)
  --scheme-in X     read the tags as scheme X instead of the detected one
  --scheme X        convert: the scheme to write (${SCHEMES.join('|')})
  -o, --output OUT  convert: write to OUT instead of standard output (--to brat: required,
                    writes OUT.txt and OUT.ann)
  --to F            convert: the format to write (default conll):
                    ${CONVERT_FORMATS.join('|')}
  --from F          convert: the format to read (default: detected from the name and content;
                    brat: FILE is the .ann or the .txt, the other is found beside it)
  --tokenize T      convert: how text without token offsets is split: auto|words|whitespace
                    (default auto: whitespace when every span falls on whitespace tokens and
                    no punctuation is glued to a word, else words)
  --verbose         check: also list infos (normalisations that are kept on export);
                    convert: also list infos about ignored relations, duplicates, …
  --consistency     check: find inconsistent annotation across all FILEs (see above)
  --json            stats: print one JSON object
                    check --consistency: print one JSON object per flagged occurrence:
                    {"file": "F", "sentence": i, "start": j, "end": k, "found": "O",
                     "suggested": "B-X", "score": s}  (sentence 0-based, tokens [j, k),
                    found/suggested: the tags there now and after the suggested fix)
  --exact           check --consistency: compare words exactly, case and plural "s" included
  -h, --help        show this help
  --version         show the version`;

function formatValue(flag: string, value: string | undefined): ConvertFormat {
  const v = value?.toLowerCase();
  const f = CONVERT_FORMATS.find((x) => x === v);
  if (f === undefined) {
    throw new UsageError(`${flag} takes one of ${CONVERT_FORMATS.join('|')}, not "${value ?? ''}"`);
  }
  return f;
}

function tokenizeValue(flag: string, value: string | undefined): Tokenization {
  const t = TOKENIZATIONS.find((x) => x === value);
  if (t === undefined) {
    throw new UsageError(`${flag} takes one of ${TOKENIZATIONS.join('|')}, not "${value ?? ''}"`);
  }
  return t;
}

function columnValue(flag: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`${flag} needs a column number`);
  if (!/^[1-9][0-9]{0,5}$/.test(value)) {
    throw new UsageError(`${flag} takes a column number from 1 up, not "${value}"`);
  }
  return Number(value) - 1;
}

function schemeValue(flag: string, value: string | undefined): Scheme {
  if (value === undefined) throw new UsageError(`${flag} needs a scheme (${SCHEMES.join('|')})`);
  const s = parseSchemeName(value);
  if (!s) throw new UsageError(`${flag}: unknown scheme "${value}" (use ${SCHEMES.join('|')})`);
  return s;
}

const HELP: CliArgs = {
  command: 'help',
  files: [],
  verbose: false,
  consistency: false,
  json: false,
  exact: false,
};

/** Parses argv (without node and script). Throws UsageError with a one-line message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    return HELP;
  }
  if (first === '--version') return { ...HELP, command: 'version' };
  if (first !== 'check' && first !== 'spans' && first !== 'convert' && first !== 'stats') {
    throw new UsageError(
      `unknown command "${first}" (use check, spans, convert or stats; retag --help)`,
    );
  }
  const files: string[] = [];
  let tagColumn: number | undefined;
  let tokenColumn: number | undefined;
  let schemeIn: Scheme | undefined;
  let scheme: Scheme | undefined;
  let output: string | undefined;
  let verbose = false;
  let consistency = false;
  let json = false;
  let exact = false;
  let to: ConvertFormat | undefined;
  let from: ConvertFormat | undefined;
  let tokenize: Tokenization | undefined;
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (onlyFiles || !a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const take = () => inline ?? rest[++i];
    switch (flag) {
      case '--':
        onlyFiles = true;
        break;
      case '--tag-column':
        tagColumn = columnValue(flag, take());
        break;
      case '--token-column':
        tokenColumn = columnValue(flag, take());
        break;
      case '--scheme-in':
        schemeIn = schemeValue(flag, take());
        break;
      case '--scheme':
        scheme = schemeValue(flag, take());
        break;
      case '-o':
      case '--output': {
        const v = take();
        if (v === undefined || v === '') throw new UsageError(`${flag} needs a file name`);
        output = v;
        break;
      }
      case '--verbose':
        verbose = true;
        break;
      case '--consistency':
        consistency = true;
        break;
      case '--json':
        json = true;
        break;
      case '--exact':
        exact = true;
        break;
      case '--to':
        to = formatValue(flag, take());
        break;
      case '--from':
        from = formatValue(flag, take());
        break;
      case '--tokenize':
        tokenize = tokenizeValue(flag, take());
        break;
      case '-h':
      case '--help':
        return HELP;
      default:
        throw new UsageError(`unknown option "${a}" (retag --help)`);
    }
  }
  if (files.length === 0) throw new UsageError(`${first} needs a FILE`);
  if (first !== 'check' && files.length > 1) {
    throw new UsageError(`${first} takes one FILE, got ${files.length}`);
  }
  if (first !== 'convert' && (scheme !== undefined || output !== undefined)) {
    throw new UsageError(`--scheme and --output go with convert`);
  }
  if (first !== 'convert' && (to ?? from ?? tokenize) !== undefined) {
    throw new UsageError(`--to, --from and --tokenize go with convert`);
  }
  if (scheme !== undefined && to !== undefined && to !== 'conll') {
    throw new UsageError(`--scheme goes with --to conll (${to} records entities, not tags)`);
  }
  if (to === 'brat' && output === undefined) {
    throw new UsageError(`--to brat writes two files: give -o OUT (writes OUT.txt and OUT.ann)`);
  }
  if (consistency && first !== 'check') throw new UsageError(`--consistency goes with check`);
  if (json && !consistency && first !== 'stats') {
    throw new UsageError(`--json goes with check --consistency or stats`);
  }
  if (exact && !consistency) throw new UsageError(`--exact goes with check --consistency`);
  return {
    command: first,
    files,
    tagColumn,
    tokenColumn,
    schemeIn,
    scheme,
    output,
    verbose,
    consistency,
    json,
    exact,
    to,
    from,
    tokenize,
  };
}
