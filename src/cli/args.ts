import { parseSchemeName, SCHEMES, type Scheme } from '../core/scheme/schemes';

/** A command line, parsed. */
export interface CliArgs {
  readonly command: 'check' | 'spans' | 'convert' | 'help' | 'version';
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
  /** check --consistency: one JSON object per flagged occurrence instead of diagnostics. */
  readonly json: boolean;
  /** check --consistency: compare words exactly instead of folded (case, plural "s"). */
  readonly exact: boolean;
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
  convert FILE      rewrite the tags in another scheme (only tag fields change)

options:
  --tag-column N    the column that holds the tags (1-based; default: the last)
  --token-column N  the column that holds the tokens (1-based; default: detected)
  --scheme-in X     read the tags as scheme X instead of the detected one
  --scheme X        convert: the scheme to write (${SCHEMES.join('|')})
  -o, --output OUT  convert: write to OUT instead of standard output
  --verbose         check: also list infos (normalisations that are kept on export)
  --consistency     check: find inconsistent annotation across all FILEs (see above)
  --json            check --consistency: print one JSON object per flagged occurrence:
                    {"file": "F", "sentence": i, "start": j, "end": k, "found": "O",
                     "suggested": "B-X", "score": s}  (sentence 0-based, tokens [j, k),
                    found/suggested: the tags there now and after the suggested fix)
  --exact           check --consistency: compare words exactly, case and plural "s" included
  -h, --help        show this help
  --version         show the version`;

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
  if (first !== 'check' && first !== 'spans' && first !== 'convert') {
    throw new UsageError(`unknown command "${first}" (use check, spans or convert; retag --help)`);
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
  if (consistency && first !== 'check') throw new UsageError(`--consistency goes with check`);
  if (json && !consistency) throw new UsageError(`--json goes with check --consistency`);
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
  };
}
