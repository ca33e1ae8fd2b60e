import { DiagnosticSink } from '../diagnostics';
import type { RawPatch } from '../format/decode';
import { detectLayout } from '../format/dialect';
import { computeLineStarts } from '../format/lines';
import type { CorpusDocument, Dialect, Sentence, TokenTable } from '../model/document';
import { readLine, splitEol, type ReadLine } from './line-kind';
import { spliceText, textString, type DocText } from '../model/text';

/**
 * A local rewrite of a document's text: lines [fromLine, toLine] (1-based, inclusive) become
 * `lines`. The replaced lines hold tokens [firstToken, firstToken + oldTokens) and otherwise
 * only break and marker lines; so must the new ones.
 */
export interface LineRewrite {
  readonly fromLine: number;
  readonly toLine: number;
  /** The new lines, each with its line ending (only the file's last line may have none). */
  readonly lines: readonly string[];
  readonly firstToken: number;
  readonly oldTokens: number;
  /** Token and tag text each new token line must read as, in order. */
  readonly expect: readonly { readonly token: string; readonly tag: string }[];
}

/** What a checked rewrite will change, worked out before building anything. */
export interface Plan {
  readonly rw: LineRewrite;
  readonly reads: readonly ReadLine[];
  readonly markerDelta: number;
  readonly crlfDelta: number;
  readonly lfDelta: number;
}

/** Offsets of line n (1-based): its start, and the start of the next line (or the text end). */
export function lineBounds(doc: CorpusDocument, n: number): { start: number; next: number } {
  const start = doc.lineStarts[n - 1] as number;
  const next = n < doc.lineStarts.length ? (doc.lineStarts[n] as number) : doc.text.length;
  return { start, next };
}

/** Line n (1-based) of a document with its line ending. */
export function fullLine(doc: CorpusDocument, n: number): string {
  const { start, next } = lineBounds(doc, n);
  return doc.text.slice(start, next);
}

function countEol(eol: string, acc: { crlf: number; lf: number }): void {
  if (eol === '\r\n') acc.crlf += 1;
  else if (eol === '\n') acc.lf += 1;
}

/**
 * Checks that the new lines read as the parser would need them to (token lines with the
 * expected token and tag, break and marker lines otherwise); null when they do not.
 */
export function planRewrite(doc: CorpusDocument, rw: LineRewrite): Plan | null {
  const lineCount = doc.lineStarts.length;
  if (rw.fromLine < 1 || rw.toLine > lineCount || rw.fromLine > rw.toLine) return null;
  const atEnd = rw.toLine === lineCount && !doc.text.endsWith('\n');
  const reads: ReadLine[] = [];
  const oldEol = { crlf: 0, lf: 0 };
  const newEol = { crlf: 0, lf: 0 };
  let markers = 0;
  for (let n = rw.fromLine; n <= rw.toLine; n++) {
    const { content, eol } = splitEol(fullLine(doc, n));
    countEol(eol, oldEol);
    if (readLine(content, eol, n === 1, doc.dialect).kind === 'marker') markers -= 1;
  }
  let t = 0;
  for (let j = 0; j < rw.lines.length; j++) {
    const { content, eol } = splitEol(rw.lines[j] as string);
    const last = j === rw.lines.length - 1;
    if (content.includes('\n') || (eol === '') !== (last && atEnd)) return null;
    countEol(eol, newEol);
    const r = readLine(content, eol, rw.fromLine === 1 && j === 0, doc.dialect);
    if (r.kind === 'marker') markers += 1;
    else if (r.kind === 'token') {
      const want = rw.expect[t++];
      if (
        !want ||
        content.slice(r.tokenStart, r.tokenEnd) !== want.token ||
        content.slice(r.tagStart, r.tagEnd) !== want.tag
      )
        return null;
    } else if (r.kind !== 'break') return null;
    reads.push(r);
  }
  if (t !== rw.expect.length) return null;
  return {
    rw,
    reads,
    markerDelta: markers,
    crlfDelta: newEol.crlf - oldEol.crlf,
    lfDelta: newEol.lf - oldEol.lf,
  };
}

/** The layout detector samples the first 5,000 data lines; tokens past this one lie beyond. */
export const SAMPLE_TOKENS = 5001;

/** The sample-based parts of the layout that parse would detect in the text after a rewrite. */
export type SampledLayout = Pick<Dialect, 'columns' | 'otherTagColumns' | 'separator'>;

/**
 * Re-runs the layout detector on the start of the rewritten text (enough lines to hold its
 * whole sample), keeping the document's token and tag columns.
 */
export function resampleLayout(doc: CorpusDocument, rw: LineRewrite): SampledLayout {
  const N = doc.tokens.line.length;
  const last = Math.min(N - 1, SAMPLE_TOKENS + 2);
  const end =
    last === N - 1 ? doc.text.length : (doc.lineStarts[doc.tokens.line[last] as number] as number);
  const A = doc.lineStarts[rw.fromLine - 1] as number;
  const B = lineBounds(doc, rw.toLine).next;
  const text = doc.text.slice(0, A) + rw.lines.join('') + doc.text.slice(B, Math.max(B, end));
  const { tokenColumn, tagColumn } = doc.dialect;
  const options = { tokenColumn, tagColumn };
  const { dialect } = detectLayout(text, computeLineStarts(text), options, new DiagnosticSink());
  return {
    columns: dialect.columns,
    otherTagColumns: dialect.otherTagColumns,
    separator: dialect.separator,
  };
}

/** dst[at + i] = src[from + i] + delta for i in [0, to - from). */
function shiftInto(
  dst: Uint32Array,
  at: number,
  src: Uint32Array,
  from: number,
  to: number,
  delta: number,
): void {
  if (delta === 0) {
    dst.set(src.subarray(from, to), at);
    return;
  }
  for (let i = from, j = at; i < to; i++, j++) dst[j] = (src[i] as number) + delta;
}

/**
 * Copies tokens [from, N) of `src` to `dst` from index `at`, moving offsets by `delta` and
 * lines by `lineDelta`. One loop over the five columns: at a million tokens this loop is most
 * of an edit's cost.
 */
function shiftTokens(
  dst: TokenTable,
  at: number,
  src: TokenTable,
  from: number,
  delta: number,
  lineDelta: number,
): void {
  const { tokenStart: a0, tokenEnd: a1, tagStart: a2, tagEnd: a3, line: a4 } = src;
  const { tokenStart: b0, tokenEnd: b1, tagStart: b2, tagEnd: b3, line: b4 } = dst;
  const n = a0.length;
  for (let i = from, j = at; i < n; i++, j++) {
    b0[j] = (a0[i] as number) + delta;
    b1[j] = (a1[i] as number) + delta;
    b2[j] = (a2[i] as number) + delta;
    b3[j] = (a3[i] as number) + delta;
    b4[j] = (a4[i] as number) + lineDelta;
  }
}

/** The parts of a document a rewrite changes, built in one pass over the token table. */
export interface Rewritten {
  readonly text: DocText;
  readonly lineStarts: Uint32Array;
  readonly tokens: TokenTable;
  readonly patches: readonly RawPatch[];
  readonly lineDelta: number;
  readonly tokenDelta: number;
}

/** Applies a checked rewrite: new text, line starts, token table and patches (offsets shifted). */
export function buildRewrite(doc: CorpusDocument, plan: Plan): Rewritten {
  const { rw, reads } = plan;
  const L = doc.lineStarts.length;
  const A = doc.lineStarts[rw.fromLine - 1] as number;
  const B = rw.toLine < L ? (doc.lineStarts[rw.toLine] as number) : doc.text.length;
  const insert = rw.lines.join('');
  const delta = insert.length - (B - A);
  const text = spliceText(doc.text, A, B, insert);
  const lineDelta = rw.lines.length - (rw.toLine - rw.fromLine + 1);
  const lineStarts = new Uint32Array(L + lineDelta);
  lineStarts.set(doc.lineStarts.subarray(0, rw.fromLine - 1));
  const newTokens = rw.expect.length;
  const N = doc.tokens.tokenStart.length;
  const tokenDelta = newTokens - rw.oldTokens;
  const cols = ['tokenStart', 'tokenEnd', 'tagStart', 'tagEnd', 'line'] as const;
  const out = {} as Record<(typeof cols)[number], Uint32Array>;
  for (const c of cols) {
    out[c] = new Uint32Array(N + tokenDelta);
    out[c].set(doc.tokens[c].subarray(0, rw.firstToken));
  }
  let at = A;
  let k = rw.firstToken;
  for (let j = 0; j < rw.lines.length; j++) {
    lineStarts[rw.fromLine - 1 + j] = at;
    const r = reads[j] as ReadLine;
    if (r.kind === 'token') {
      out.tokenStart[k] = at + r.tokenStart;
      out.tokenEnd[k] = at + r.tokenEnd;
      out.tagStart[k] = at + r.tagStart;
      out.tagEnd[k] = at + r.tagEnd;
      out.line[k] = rw.fromLine + j;
      k += 1;
    }
    at += (rw.lines[j] as string).length;
  }
  shiftInto(lineStarts, rw.fromLine - 1 + rw.lines.length, doc.lineStarts, rw.toLine, L, delta);
  shiftTokens(out, k, doc.tokens, rw.firstToken + rw.oldTokens, delta, lineDelta);
  const patches =
    doc.patches.length === 0
      ? doc.patches
      : doc.patches.map((p) =>
          p.start >= B ? { start: p.start + delta, end: p.end + delta, bytes: p.bytes } : p,
        );
  return { text, lineStarts, tokens: out, patches, lineDelta, tokenDelta };
}

/** True when a rewrite's range holds a patch (undecodable bytes are never rewritten). */
export function touchesPatch(doc: CorpusDocument, rw: LineRewrite): boolean {
  const A = doc.lineStarts[rw.fromLine - 1] as number;
  const B = lineBounds(doc, rw.toLine).next;
  return doc.patches.some((p) => p.start < B && A < p.end);
}

/** Sentences from index `from` on, moved by a rewrite before them (new objects only if moved). */
export function shiftSentences(
  sentences: readonly Sentence[],
  from: number,
  tokenDelta: number,
  lineDelta: number,
): Sentence[] {
  const out = new Array<Sentence>(Math.max(0, sentences.length - from));
  for (let i = from; i < sentences.length; i++) {
    const s = sentences[i] as Sentence;
    out[i - from] =
      tokenDelta === 0 && lineDelta === 0
        ? s
        : {
            id: s.id,
            first: s.first + tokenDelta,
            length: s.length,
            tags: s.tags,
            originalTags: s.originalTags,
            doc: s.doc,
            startLine: s.startLine + lineDelta,
            endLine: s.endLine + lineDelta,
            quarantined: s.quarantined,
          };
  }
  return out;
}

function countCrlf(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) n += 1;
  return n;
}

/** The line-ending summary parse would give the new text, from the old one and the change. */
function nextLineEnding(doc: CorpusDocument, plan: Plan, built: Rewritten): Dialect['lineEnding'] {
  const newlines = built.lineStarts.length - (doc.dialect.finalNewline ? 0 : 1);
  if (newlines <= 0) return 'none';
  let crlf: number;
  switch (doc.dialect.lineEnding) {
    case 'none':
    case 'lf':
      crlf = plan.crlfDelta;
      break;
    case 'crlf':
      crlf = newlines - plan.lfDelta;
      break;
    case 'mixed':
      if (plan.crlfDelta >= 0 && plan.lfDelta >= 0) return 'mixed';
      crlf = countCrlf(textString(built.text));
      break;
  }
  return crlf === 0 ? 'lf' : crlf === newlines ? 'crlf' : 'mixed';
}

/** The new document: a rewrite plus the sentences that replace [from, from + count). */
export function commitRewrite(
  doc: CorpusDocument,
  plan: Plan,
  built: Rewritten,
  from: number,
  count: number,
  replaced: readonly Sentence[],
  layout?: Pick<Dialect, 'columns' | 'otherTagColumns' | 'separator'>,
): CorpusDocument {
  const sentences = doc.sentences.slice(0, from);
  for (const s of replaced) sentences.push(s);
  for (const s of shiftSentences(doc.sentences, from + count, built.tokenDelta, built.lineDelta))
    sentences.push(s);
  const dialect: Dialect = {
    ...doc.dialect,
    ...layout,
    lineEnding: nextLineEnding(doc, plan, built),
    sentenceMarkers: doc.dialect.sentenceMarkers + plan.markerDelta,
  };
  return {
    ...doc,
    text: built.text,
    patches: built.patches,
    lineStarts: built.lineStarts,
    tokens: built.tokens,
    sentences,
    dialect,
  };
}
