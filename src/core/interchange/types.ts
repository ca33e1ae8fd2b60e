import type { Severity } from '../diagnostics';
import type { Scheme } from '../scheme/schemes';

/** The span-annotation formats retag imports and exports besides CoNLL. */
export type InterchangeFormat = 'jsonl-doccano' | 'label-studio' | 'brat' | 'prodigy';

export const INTERCHANGE_FORMATS: readonly InterchangeFormat[] = [
  'jsonl-doccano',
  'label-studio',
  'brat',
  'prodigy',
];

/** How text without token offsets is cut into tokens (see `importInterchange`). */
export type Tokenization = 'auto' | 'words' | 'whitespace';

/**
 * Stable codes of import and export findings. E_* records were skipped, W_* something was left
 * out or changed (spans: never shifted, snapped or kept), I_* a decision worth knowing.
 */
export type InterchangeCode =
  | 'E_JSON'
  | 'E_RECORD'
  | 'W_RECORD_REJECTED'
  | 'W_SPAN_SHAPE'
  | 'W_SPAN_OFFSETS'
  | 'W_SPAN_LABEL'
  | 'W_SPAN_MISALIGNED'
  | 'W_SPAN_OVERLAP'
  | 'W_SPAN_TOKENS'
  | 'W_SPAN_DISCONTINUOUS'
  | 'W_SPAN_TEXT'
  | 'W_TOKENS_INVALID'
  | 'W_TOKEN_TEXT'
  | 'W_TOKEN_WHITESPACE'
  | 'W_TOKEN_UNWRITABLE'
  | 'W_BRAT_LINE'
  | 'W_EXPORT'
  | 'I_SPAN_DUPLICATE'
  | 'I_IGNORED'
  | 'I_TOKENIZED'
  | 'I_DOCUMENTS'
  | 'I_OFFSETS'
  | 'I_EMPTY'
  | 'I_TRUNCATED';

/** One finding, positioned in the input: `line` is 1-based (0 for the whole input). */
export interface InterchangeDiagnostic {
  /** The input file it is about (brat: the .ann or the .txt), when known. */
  readonly file?: string;
  readonly line: number;
  readonly column?: number;
  readonly severity: Severity;
  readonly code: InterchangeCode;
  readonly message: string;
  /** 0-based index of the record (JSONL line with a record, array element, brat: 0). */
  readonly record?: number;
}

/** Counts of an import. */
export interface ImportStats {
  /** Records read (JSON objects that looked like records; brat: 1). */
  readonly records: number;
  /** Records left out: malformed, without text, rejected or cancelled. */
  readonly recordsSkipped: number;
  readonly sentences: number;
  readonly tokens: number;
  /** `-DOCSTART-` documents written (1 when none is written). */
  readonly documents: number;
  /** Spans found in the input (all of them, well-formed or not). */
  readonly spans: number;
  /** Entities written into the tags. */
  readonly entities: number;
  /** Spans that had to be left out of the tags (misaligned, overlapping, bad label, …). */
  readonly spansLeftOut: number;
}

/** What an import gives: CoNLL text for `parse`, plus everything worth telling. */
export interface ImportResult {
  /** `token<TAB>TAG` lines, a blank line between sentences, LF, `-DOCSTART-<TAB>O` lines. */
  readonly conll: string;
  readonly diagnostics: readonly InterchangeDiagnostic[];
  readonly stats: ImportStats;
}

/** Import options. */
export interface ImportOptions {
  /** Scheme of the tags written (default IOB2). */
  readonly scheme?: Scheme;
  /** For text without token offsets (default 'auto'). */
  readonly tokenize?: Tokenization;
  /**
   * Unit of character offsets in the input (default: the tool's own, see FORMAT_OFFSETS):
   * UTF-16 code units (JavaScript) or code points (Python).
   */
  readonly offsets?: OffsetUnit;
}

/** What character offsets count. */
export type OffsetUnit = 'utf16' | 'codepoints';

/** One input file: its name and its text. */
export interface InputFile {
  readonly name: string;
  readonly text: string;
}

/** What an export gives: the files to write, and what could not be carried over. */
export interface ExportResult {
  readonly files: readonly { readonly name: string; readonly text: string }[];
  readonly diagnostics: readonly InterchangeDiagnostic[];
  /** Sentences written and sentences left out (quarantined). */
  readonly sentences: number;
  readonly sentencesLeftOut: number;
}
