import type { RawPatch } from '../format/decode';
import type { DocText } from './text';
import type { ChunkRules } from '../scheme/chunks';
import type { Scheme, SchemeGuess } from '../scheme/schemes';

/**
 * Where every token's fields sit in the source text. Columnar and immutable: edits change tags,
 * never offsets, so every version of a document shares one table.
 */
export interface TokenTable {
  /** Start/end offsets (UTF-16 code units, end exclusive) of each token's token field. */
  readonly tokenStart: Uint32Array;
  readonly tokenEnd: Uint32Array;
  /** Start/end offsets of each token's tag field, without trailing whitespace. */
  readonly tagStart: Uint32Array;
  readonly tagEnd: Uint32Array;
  /** 1-based line of each token. */
  readonly line: Uint32Array;
}

/** One sentence: a maximal run of token lines between breaks. Replaced, never mutated, on edit. */
export interface Sentence {
  /** Position in the document at import; stable across edits. */
  readonly id: number;
  /** Index of the first token in the token table. */
  readonly first: number;
  /** Number of tokens. */
  readonly length: number;
  /** Current tags, one per token. */
  readonly tags: readonly string[];
  /** The tags as read from the file (the same array as `tags` until an edit). */
  readonly originalTags: readonly string[];
  /** 0-based document index: it goes up after each -DOCSTART- line. */
  readonly doc: number;
  /** 1-based first and last line that belong to the sentence (tokens, comments, bad lines). */
  readonly startLine: number;
  readonly endLine: number;
  /** True when a line of the sentence is malformed: it is read-only and exported verbatim. */
  readonly quarantined: boolean;
}

/** How the file is laid out, as detected (or as overridden). */
export interface Dialect {
  /** Columns per data line (the most common count). */
  readonly columns: number;
  /** 0-based column of the token and of the tag. */
  readonly tokenColumn: number;
  readonly tagColumn: number;
  /** Other 0-based columns whose values look like tags too (e.g. CoNLL-2003's chunk column). */
  readonly otherTagColumns: readonly number[];
  /** Whether data lines split at TABs, at runs of spaces, or both kinds occur. */
  readonly separator: 'tab' | 'space' | 'mixed';
  readonly lineEnding: 'lf' | 'crlf' | 'mixed' | 'none';
  readonly bom: boolean;
  readonly finalNewline: boolean;
  /** Counts of the structural lines seen. */
  readonly sentenceMarkers: number;
  readonly docStarts: number;
  readonly comments: number;
}

/** The scheme a document is read and edited in. */
export interface SchemeInfo {
  readonly scheme: Scheme;
  readonly rules: ChunkRules;
  /** The detector's guess (also kept when the scheme was overridden). */
  readonly detected: SchemeGuess;
  readonly overridden: boolean;
}

/** A parsed corpus file: source text plus structure. Immutable; edits return a new document. */
export interface CorpusDocument {
  /** The decoded file text (a BOM is kept as U+FEFF); in pieces when very big. */
  readonly text: DocText;
  /** Original bytes of stretches that did not decode; serialization writes them back. */
  readonly patches: readonly RawPatch[];
  /** Offset of the first character of each line (1-based line n starts at lineStarts[n-1]). */
  readonly lineStarts: Uint32Array;
  readonly tokens: TokenTable;
  readonly sentences: readonly Sentence[];
  readonly dialect: Dialect;
  readonly scheme: SchemeInfo;
  /** True when the file was refused (binary, too large): there is nothing to edit. */
  readonly refused: boolean;
}

/** The token text of token `i` of a sentence. */
export function tokenText(doc: CorpusDocument, s: Sentence, i: number): string {
  const k = s.first + i;
  return doc.text.slice(doc.tokens.tokenStart[k], doc.tokens.tokenEnd[k]);
}

/** All token texts of a sentence. */
export function sentenceTokens(doc: CorpusDocument, s: Sentence): string[] {
  const out = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = tokenText(doc, s, i);
  return out;
}

/** The full text of line n (1-based) of a text, without its line ending. */
export function lineTextIn(text: DocText, lineStarts: Uint32Array, n: number): string {
  const start = lineStarts[n - 1];
  if (start === undefined) return '';
  const next = lineStarts[n];
  let end = next === undefined ? text.length - (text.endsWith('\n') ? 1 : 0) : next - 1;
  if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
  return text.slice(start, end);
}

/** The full text of line n (1-based) of a document, without its line ending. */
export function lineText(doc: CorpusDocument, n: number): string {
  return lineTextIn(doc.text, doc.lineStarts, n);
}

/** Number of tags of a sentence that differ from those read from the file. */
export function changedTagCount(s: Sentence): number {
  if (s.tags === s.originalTags) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.tags[i] !== s.originalTags[i]) n++;
  return n;
}

/** True when a sentence's tags differ from those read from the file. */
export function isSentenceChanged(s: Sentence): boolean {
  return changedTagCount(s) > 0;
}
