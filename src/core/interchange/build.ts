import { MAX_LINE_LENGTH } from '../format/lines';
import type { Chunk } from '../scheme/chunks';
import { encodeChunks, type Scheme } from '../scheme/schemes';
import type { DiagnosticList } from './diagnostics';
import { offsetMap, type OffsetMap } from './offsets';
import { align, breaksOf } from './align';
import { checkSpans, findOverlaps, show, type CheckedSpan, type RawSpan } from './spans';
import {
  checkGivenTokens,
  reportTokenized,
  sentenceStartsFor,
  tokenize,
  whitespaceMisfit,
  type RawToken,
  type TokenList,
} from './tokens';
import type { ImportResult, OffsetUnit, Tokenization } from './types';

/** One record as a format reader found it, before any check. */
export interface RawRecord {
  /** 0-based record index and 1-based line, for messages. */
  readonly index: number;
  readonly line: number;
  readonly text: string;
  /** The record's own tokens (retag's export, Prodigy), used as they are. */
  readonly tokens?: readonly RawToken[];
  /** retag's document index: the record is one sentence (retag wrote it so). */
  readonly doc?: number;
  readonly spans: readonly RawSpan[];
  /** brat: every line break ends a sentence, every blank line a document. */
  readonly lineBreaks?: boolean;
}

/** How to build: scheme written, tokenization of text without offsets, offset unit. */
export interface BuildOptions {
  readonly scheme: Scheme;
  readonly tokenize: Tokenization;
  readonly unit: OffsetUnit;
}

interface OutSentence {
  readonly tokens: readonly string[];
  readonly chunks: readonly Chunk[];
  readonly record: number;
  readonly doc: number | undefined;
  readonly paragraph: number;
}

/** A record after its spans were checked (and its own tokens, if any). */
export interface Prepared {
  readonly raw: RawRecord;
  readonly map: OffsetMap;
  readonly spans: CheckedSpan[];
  readonly overlaps: boolean[];
  readonly given: { starts: number[]; ends: number[] } | null;
}

/** ASCII whitespace only: such a token cannot stand on a CoNLL line. */
const BLANK_TOKEN = /^[ \t\n\r\f\v]*$/;
const LINE_BREAKING = /[\t\n\r]/;
const LINE_BREAKING_ALL = /[\t\n\r]/g;

function prepare(
  raw: RawRecord,
  unit: OffsetUnit,
  diags: DiagnosticList,
): Prepared & { leftOut: number } {
  const map = offsetMap(raw.text, unit);
  if (map.differs) {
    diags.once('offsets', {
      line: raw.line,
      record: raw.index,
      severity: 'info',
      code: 'I_OFFSETS',
      message: `the text holds characters outside the Basic Multilingual Plane (emoji, …); offsets are read as ${unit === 'codepoints' ? 'code points (as Python counts)' : 'UTF-16 code units (as JavaScript counts)'}`,
    });
  }
  const checked = checkSpans(raw.spans, raw.text, map, raw.index, diags);
  const overlaps = findOverlaps(checked.spans, raw.index, diags);
  let given: Prepared['given'] = null;
  if (raw.tokens) {
    const r = checkGivenTokens(raw.tokens, raw.text, map);
    if ('problem' in r) {
      diags.add({
        line: raw.line,
        record: raw.index,
        severity: 'warning',
        code: 'W_TOKENS_INVALID',
        message: `the record's tokens cannot be used (${r.problem}); its text was tokenized instead`,
      });
    } else {
      given = r;
      if (r.textMismatch > 0) {
        diags.add({
          line: raw.line,
          record: raw.index,
          severity: 'warning',
          code: 'W_TOKEN_TEXT',
          message: `${r.textMismatch} token${r.textMismatch === 1 ? '' : 's'} differ from the text at their offsets; the text there is used`,
        });
      }
    }
  }
  const overlapping = checked.spans.filter((s, i) => s.labelOk && overlaps[i]).length;
  return {
    raw,
    map,
    spans: checked.spans,
    overlaps,
    given,
    leftOut: checked.leftOut + overlapping,
  };
}

/** Decides 'auto' once for all records without usable tokens, and says how it decided. */
function decideTokenization(
  prepared: readonly Prepared[],
  option: Tokenization,
  diags: DiagnosticList,
): 'words' | 'whitespace' {
  const untokenized = prepared.filter(
    (p) => !p.given && p.raw.doc === undefined && p.raw.text.length > 0,
  );
  if (prepared.some((p) => !p.given && p.raw.doc !== undefined && p.raw.text.length > 0)) {
    diags.once('retag-whitespace', {
      line: 0,
      severity: 'info',
      code: 'I_TOKENIZED',
      message:
        'records written by retag (they carry "doc") but without token offsets were split at whitespace, as retag joined their tokens with spaces',
    });
  }
  if (option !== 'auto') {
    if (untokenized.length > 0) reportTokenized(diags, option, ' (as asked)');
    return option;
  }
  for (const p of untokenized) {
    const misfit = whitespaceMisfit(p.raw.text, p.spans);
    if (misfit) {
      reportTokenized(diags, 'words', ` (auto: ${misfit}, record at line ${p.raw.line})`);
      return 'words';
    }
  }
  if (untokenized.length > 0) {
    reportTokenized(
      diags,
      'whitespace',
      ' (auto: every span falls on whitespace token boundaries and no punctuation is glued to a word)',
    );
  }
  return 'whitespace';
}

/** Tokens, entities and sentences of one record. */
function processRecord(
  p: Prepared,
  how: 'words' | 'whitespace',
  diags: DiagnosticList,
  out: OutSentence[],
): number {
  const text = p.raw.text;
  const t: TokenList = p.given
    ? {
        ...p.given,
        sentenceStarts: p.raw.doc !== undefined ? [0] : sentenceStartsFor(text, p.given.starts),
      }
    : tokenize(
        text,
        p.raw.doc !== undefined && p.raw.tokens === undefined ? 'whitespace' : how,
        p.raw.lineBreaks,
      );
  const words = t.starts.map((s, k) => text.slice(s, t.ends[k]));
  const blank = words.map((w) => BLANK_TOKEN.test(w));
  const { chunks, leftOut } = align(p, t, blank, diags);
  const { sentences, paragraphs } = breaksOf(p, t, chunks);
  const nBlank = blank.filter(Boolean).length;
  let rewritten = 0;
  let lost = leftOut;
  let paragraph = 0;
  let next = 0; // chunks are sorted and never cross a sentence break
  const bounds = [0, ...sentences, t.starts.length];
  for (let j = 0; j + 1 < bounds.length; j++) {
    const from = bounds[j]!;
    const to = bounds[j + 1]!;
    if (paragraphs.has(from)) paragraph += 1;
    const keep: number[] = [];
    const newIndex = new Int32Array(to - from + 1);
    for (let k = from; k < to; k++) {
      newIndex[k - from] = keep.length;
      if (!blank[k]) keep.push(k);
    }
    newIndex[to - from] = keep.length;
    const first = next;
    while (next < chunks.length && chunks[next]!.start < to) next++;
    const mine = chunks.slice(first, next);
    if (keep.length === 0) continue;
    const tokens = keep.map((k) => {
      const w = words[k]!;
      if (!LINE_BREAKING.test(w)) return w;
      rewritten += 1;
      return w.replace(LINE_BREAKING_ALL, ' ');
    });
    const bad = tokens.find((w) => w === '-DOCSTART-' || w.length > MAX_LINE_LENGTH - 100);
    if (bad !== undefined) {
      lost += mine.length;
      diags.add({
        line: p.raw.line,
        record: p.raw.index,
        severity: 'warning',
        code: 'W_TOKEN_UNWRITABLE',
        message: `the token ${show(bad)} cannot be written on a CoNLL line (it would read as a document break or be too long); its sentence (${keep.length} tokens, ${mine.length} entities) is left out`,
      });
      continue;
    }
    const rel = mine.map((c) => ({
      start: newIndex[c.start - from]!,
      end: newIndex[c.end - from]!,
      type: c.type,
    }));
    out.push({ tokens, chunks: rel, record: p.raw.index, doc: p.raw.doc, paragraph });
  }
  if (nBlank > 0 || rewritten > 0) {
    const parts: string[] = [];
    if (nBlank > 0) parts.push(`${nBlank} whitespace-only token${nBlank === 1 ? '' : 's'} dropped`);
    if (rewritten > 0)
      parts.push(
        `${rewritten} token${rewritten === 1 ? '' : 's'} holding a TAB or line break written with spaces there`,
      );
    diags.add({
      line: p.raw.line,
      record: p.raw.index,
      severity: 'warning',
      code: 'W_TOKEN_WHITESPACE',
      message: `${parts.join('; ')} (a CoNLL line cannot hold them)`,
    });
  }
  return lost;
}

/** Which document each sentence goes to; null key when there is one document. */
function documentKeys(out: readonly OutSentence[], diags: DiagnosticList): string[] | null {
  if (out.length === 0) return null;
  if (out.every((s) => s.doc !== undefined)) {
    const keys = out.map((s) => `d${s.doc}`);
    return keys.some((k) => k !== keys[0]) ? keys : null;
  }
  const perRecord = new Map<number, number>();
  for (const s of out) perRecord.set(s.record, (perRecord.get(s.record) ?? 0) + 1);
  const split = [...perRecord.values()].some((n) => n > 1);
  const keys = out.map((s) => (split ? `r${s.record}:${s.paragraph}` : `p${s.paragraph}`));
  if (!keys.some((k) => k !== keys[0])) return null;
  diags.add({
    line: 0,
    severity: 'info',
    code: 'I_DOCUMENTS',
    message: split
      ? 'records hold several sentences: each record (and each paragraph of a brat text) is written as a document, after a -DOCSTART- line'
      : 'each paragraph is written as a document, after a -DOCSTART- line',
  });
  return keys;
}

/** Builds the CoNLL text of checked records; every left-out span has been reported. */
export function buildConll(
  records: readonly RawRecord[],
  options: BuildOptions,
  diags: DiagnosticList,
  read: { records: number; skipped: number },
): ImportResult {
  let spans = 0;
  let spansLeftOut = 0;
  const prepared = records.map((r) => {
    spans += r.spans.length;
    const p = prepare(r, options.unit, diags);
    spansLeftOut += p.leftOut;
    return p;
  });
  const how = decideTokenization(prepared, options.tokenize, diags);
  const out: OutSentence[] = [];
  for (const p of prepared) spansLeftOut += processRecord(p, how, diags, out);
  const keys = documentKeys(out, diags);
  const lines: string[] = [];
  let tokens = 0;
  let entities = 0;
  let documents = out.length > 0 ? 1 : 0;
  out.forEach((s, i) => {
    const key = keys?.[i];
    if (keys && (i === 0 || key !== keys[i - 1])) {
      if (i > 0) documents += 1;
      lines.push(`${i > 0 ? '\n' : ''}-DOCSTART-\tO\n`);
    }
    if (i > 0 || keys) lines.push('\n');
    const tags = encodeChunks(s.chunks, s.tokens.length, options.scheme);
    s.tokens.forEach((w, k) => lines.push(`${w}\t${tags[k]}\n`));
    tokens += s.tokens.length;
    entities += s.chunks.length;
  });
  if (read.records === 0 || out.length === 0) {
    diags.add({
      line: 0,
      severity: 'info',
      code: 'I_EMPTY',
      message: `no sentences: ${read.records} record${read.records === 1 ? '' : 's'} read, ${read.skipped} skipped`,
    });
  }
  return {
    conll: lines.join(''),
    diagnostics: diags.finish(),
    stats: {
      records: read.records,
      recordsSkipped: read.skipped,
      sentences: out.length,
      tokens,
      documents,
      spans,
      entities,
      spansLeftOut,
    },
  };
}
