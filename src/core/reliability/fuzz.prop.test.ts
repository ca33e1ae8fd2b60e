// A fuzzer over REAL corpora (reliability.md §5.B, G6, design invariants 1 and 3): slices of
// files from ../shared are mutated by deleting, duplicating and splicing bytes and lines and by
// inserting bytes (NUL, CR, invalid UTF-8, BOM, TABs, markers…). For every mutated input:
//   1. parse never throws;
//   2. serialize(parse(bytes)) gives the bytes back exactly;
//   3. every diagnostic's line exists and holds what the code claims, checked against an
//      independent reading of the bytes (a line split at LF and decoded with TextDecoder);
//   4. nothing is dropped silently: every non-blank line is a token, a structure line
//      (marker, -DOCSTART-, comment) or carries an error;
//   5. sentences the mutation did not touch come out identical (tokens, tags, lines);
//   6. read as windows-1252 ("reopen as"), every byte reads and is written back exactly.
// FUZZ_RUNS=n sets the runs per corpus (default 1000); FUZZ_REPORT=1 prints the figures.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics';
import { sentenceTokens, type CorpusDocument } from '../model/document';
import { BINARY_SNIFF_BYTES, codePointLength } from '../format/decode';
import { MAX_LINE_LENGTH } from '../format/lines';
import { parse, type ParseOptions, type ParseResult } from '../format/parse';
import { INVISIBLE_CHAR } from '../format/scan';
import { serialize } from '../format/serialize';

const SHARED = resolve(process.cwd(), '../shared');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Wall-clock budget per corpus; fast-check stops early (not a failure) when it is spent. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 10_000);

const CORPORA = [
  { name: 'wnut17/emerging.dev.conll', file: 'corpora/wnut17/emerging.dev.conll' },
  { name: 'conll2003/iob1-crlf/eng.testa (CRLF)', file: 'corpora/conll2003/iob1-crlf/eng.testa' },
  { name: 'bionlp13cg/iobes/devel.tsv', file: 'corpora/bionlp13cg/iobes/devel.tsv' },
  { name: 'germeval2014/NER-de-dev.tsv (comments)', file: 'corpora/germeval2014/NER-de-dev.tsv' },
  { name: 'seeds/multipath-tcp.bio.txt (<s> markers)', file: 'seeds/multipath-tcp.bio.txt' },
];

// ---------------------------------------------------------------------------------------------
// Mutations

/** Byte pieces an insertion is made of: structure breakers, invalid UTF-8, invisible characters. */
const PIECES: Record<string, number[]> = {
  NUL: [0x00],
  CR: [0x0d],
  LF: [0x0a],
  CRLF: [0x0d, 0x0a],
  TAB: [0x09],
  space: [0x20],
  BOM: [0xef, 0xbb, 0xbf],
  'invalid 0xFF': [0xff],
  'cp1252 é (0xE9)': [0xe9],
  'lone continuation 0x80': [0x80],
  'truncated 2-byte 0xC3': [0xc3],
  'truncated 3-byte E2 82': [0xe2, 0x82],
  'overlong C0 AF': [0xc0, 0xaf],
  'surrogate ED A0 80': [0xed, 0xa0, 0x80],
  'above U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
  'é (UTF-8)': [0xc3, 0xa9],
  ZWSP: [0xe2, 0x80, 0x8b],
  RLO: [0xe2, 0x80, 0xae],
  emoji: [0xf0, 0x9f, 0x98, 0x80],
  '<s>': [...'<s>'].map((c) => c.charCodeAt(0)),
  '</s>': [...'</s>'].map((c) => c.charCodeAt(0)),
  '#': [0x23],
  '-DOCSTART-': [...'-DOCSTART-'].map((c) => c.charCodeAt(0)),
  'B-': [0x42, 0x2d],
  'I-': [0x49, 0x2d],
  '-': [0x2d],
  O: [0x4f],
};
const RARE = new Set(['NUL']); // a NUL in the first 8 KiB refuses the whole file: keep it rare

const pieceArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...Object.keys(PIECES).filter((k) => !RARE.has(k))) },
  { weight: 1, arbitrary: fc.constant('NUL') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => `byte ${b}`) },
);

/** Whole lines an insertion adds (before the line ending). */
const LINES: Record<string, number[]> = {
  '<s>': [...'<s>'].map((c) => c.charCodeAt(0)),
  '</s>': [...'</s>'].map((c) => c.charCodeAt(0)),
  '<s> (padded)': [...'<s> '].map((c) => c.charCodeAt(0)),
  '<s>\\tO (a token)': [...'<s>\tO'].map((c) => c.charCodeAt(0)),
  '-DOCSTART- -X- O O': [...'-DOCSTART- -X- O O'].map((c) => c.charCodeAt(0)),
  '# comment': [...'# comment'].map((c) => c.charCodeAt(0)),
  '#\\tO': [0x23, 0x09, 0x4f],
  blank: [],
  '\\t': [0x09],
  'two spaces': [0x20, 0x20],
  'one column': [...'token'].map((c) => c.charCodeAt(0)),
  'five columns': [...'a\tb\tc\td\te'].map((c) => c.charCodeAt(0)),
  'empty token': [...'\tB-PER'].map((c) => c.charCodeAt(0)),
  'empty tag': [...'word\t'].map((c) => c.charCodeAt(0)),
  'space-separated': [...'w O'].map((c) => c.charCodeAt(0)),
  'stray I-': [...'x\tI-PER'].map((c) => c.charCodeAt(0)),
  'cp1252 café': [0x63, 0x61, 0x66, 0xe9, 0x09, 0x4f],
  'trailing spaces': [...'x\tO  '].map((c) => c.charCodeAt(0)),
};

type Mutation =
  | { kind: 'delete bytes'; at: number; len: number }
  | { kind: 'duplicate bytes'; at: number; len: number }
  | { kind: 'insert bytes'; at: number; pieces: string[] }
  | { kind: 'splice bytes'; from: number; len: number; at: number }
  | { kind: 'delete lines'; line: number; count: number }
  | { kind: 'duplicate lines'; line: number; count: number }
  | { kind: 'splice lines'; from: number; count: number; at: number }
  | { kind: 'insert line'; line: number; text: string };

const pos = fc.nat({ max: 1 << 30 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete bytes' as const),
    at: pos,
    len: fc.integer({ min: 1, max: 24 }),
  }),
  fc.record({
    kind: fc.constant('duplicate bytes' as const),
    at: pos,
    len: fc.integer({ min: 1, max: 64 }),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('insert bytes' as const),
      at: pos,
      pieces: fc.array(pieceArb, { minLength: 1, maxLength: 4 }),
    }),
  },
  fc.record({
    kind: fc.constant('splice bytes' as const),
    from: pos,
    len: fc.integer({ min: 1, max: 80 }),
    at: pos,
  }),
  fc.record({
    kind: fc.constant('delete lines' as const),
    line: pos,
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('duplicate lines' as const),
    line: pos,
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('splice lines' as const),
    from: pos,
    count: fc.integer({ min: 1, max: 8 }),
    at: pos,
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert line' as const),
      line: pos,
      text: fc.constantFrom(...Object.keys(LINES)),
    }),
  },
);

function pieceBytes(name: string): number[] {
  if (name.startsWith('byte ')) return [Number(name.slice(5))];
  return PIECES[name] ?? [];
}

/** One primitive edit: bytes [p, q) of the current input become `ins`. */
interface Edit {
  p: number;
  q: number;
  ins: Uint8Array;
}

/** Byte offsets of the starts of lines, plus the length (so line i spans starts[i]..starts[i+1]). */
function lineOffsets(b: Uint8Array): number[] {
  const out = [0];
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) out.push(i + 1);
  if (out[out.length - 1] !== b.length) out.push(b.length);
  return out;
}

/** The primitive edits of a mutation on the current bytes (a move is a delete and an insert). */
function editsOf(m: Mutation, b: Uint8Array): Edit[] {
  const n = b.length;
  const at = (x: number) => (n === 0 ? 0 : x % (n + 1));
  const empty = new Uint8Array(0);
  const offs = lineOffsets(b);
  const lines = offs.length - 1;
  const lineAt = (x: number) => offs[lines === 0 ? 0 : x % (lines + 1)] ?? n;
  const eol = b.includes(0x0d) ? [0x0d, 0x0a] : [0x0a];
  switch (m.kind) {
    case 'delete bytes': {
      const p = at(m.at);
      return [{ p, q: Math.min(n, p + m.len), ins: empty }];
    }
    case 'duplicate bytes': {
      const p = at(m.at);
      const q = Math.min(n, p + m.len);
      return [{ p: q, q, ins: b.slice(p, q) }];
    }
    case 'insert bytes': {
      const p = at(m.at);
      return [{ p, q: p, ins: Uint8Array.from(m.pieces.flatMap(pieceBytes)) }];
    }
    case 'splice bytes': {
      const from = at(m.from);
      const piece = b.slice(from, Math.min(n, from + m.len));
      const p = at(m.at);
      return [{ p, q: p, ins: piece }];
    }
    case 'delete lines': {
      const p = lineAt(m.line);
      const q = offs[Math.min(lines, offs.indexOf(p) + m.count)] ?? n;
      return [{ p, q, ins: empty }];
    }
    case 'duplicate lines': {
      const p = lineAt(m.line);
      const q = offs[Math.min(lines, offs.indexOf(p) + m.count)] ?? n;
      return [{ p: q, q, ins: b.slice(p, q) }];
    }
    case 'splice lines': {
      const p = lineAt(m.from);
      const q = offs[Math.min(lines, offs.indexOf(p) + m.count)] ?? n;
      const moved = b.slice(p, q);
      const rest = n - (q - p);
      const to = lines === 0 ? 0 : m.at % (rest + 1);
      // Insert at a line start of the text after the deletion.
      const after = new Uint8Array(rest);
      after.set(b.subarray(0, p));
      after.set(b.subarray(q), p);
      const offsAfter = lineOffsets(after);
      const target = offsAfter.reduce((best, o) => (o <= to ? o : best), 0);
      return [
        { p, q, ins: empty },
        { p: target, q: target, ins: moved },
      ];
    }
    case 'insert line': {
      const p = lineAt(m.line);
      const text = LINES[m.text] ?? [];
      // At the end of a file without a final newline, start a new line first.
      const lead = p === n && n > 0 && b[n - 1] !== 0x0a ? eol : [];
      return [{ p, q: p, ins: Uint8Array.from([...lead, ...text, ...eol]) }];
    }
  }
}

function countLf(b: Uint8Array, from = 0, to = b.length): number {
  let c = 0;
  for (let i = from; i < to; i++) if (b[i] === 0x0a) c++;
  return c;
}

function applyEdit(b: Uint8Array, e: Edit): Uint8Array {
  const out = new Uint8Array(b.length - (e.q - e.p) + e.ins.length);
  out.set(b.subarray(0, e.p));
  out.set(e.ins, e.p);
  out.set(b.subarray(e.q), e.p + e.ins.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// An independent reading of the bytes: lines split at LF, each decoded on its own.

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface RawLine {
  /** Byte range of the line without its LF. */
  readonly from: number;
  readonly to: number;
  /** Decoded text without the LF (and with a CR before it), or null when not valid UTF-8. */
  readonly text: string | null;
  /** The line as the parser reads it: without a final CR (and without a BOM on line 1). */
  readonly content: string | null;
  /** Code points cut from the front of `content` (the BOM of line 1), for columns. */
  readonly shift: number;
}

function decodes(b: Uint8Array, from: number, to: number): boolean {
  try {
    fatal.decode(b.subarray(from, to));
    return true;
  } catch {
    return false;
  }
}

function readLines(b: Uint8Array): RawLine[] {
  const out: RawLine[] = [];
  let from = 0;
  while (from < b.length) {
    const nl = b.indexOf(0x0a, from);
    const to = nl < 0 ? b.length : nl;
    let text: string | null;
    try {
      text = fatal.decode(b.subarray(from, to));
    } catch {
      text = null;
    }
    let content = text;
    let shift = 0;
    if (content !== null) {
      if (content.endsWith('\r')) content = content.slice(0, -1);
      if (out.length === 0 && content.startsWith('\uFEFF')) {
        content = content.slice(1);
        shift = 1;
      }
    }
    out.push({ from, to, text, content, shift });
    from = to + 1;
  }
  return out;
}

const trimEnd = (s: string) => s.replace(/[ \t]+$/, '');

/** Fields as the README specifies: at TABs when the line holds one, else at runs of spaces. */
function fieldsOf(content: string): { value: string; start: number }[] {
  const line = trimEnd(content);
  const out: { value: string; start: number }[] = [];
  if (line.includes('\t')) {
    let start = 0;
    for (const value of line.split('\t')) {
      out.push({ value, start });
      start += value.length + 1;
    }
    return out;
  }
  for (const m of line.matchAll(/[^ ]+/g)) out.push({ value: m[0], start: m.index });
  return out;
}

const isMarker = (content: string) => {
  const t = trimEnd(content);
  return t === '<s>' || t === '</s>';
};
const isStructure = (content: string) =>
  isMarker(content) ||
  content.startsWith('#') ||
  (content.startsWith('-DOCSTART-') && fieldsOf(content)[0]?.value === '-DOCSTART-');

/** Code-point column (1-based) of a UTF-16 offset in a line. */
const col = (s: string, offset: number) => codePointLength(s.slice(0, offset)) + 1;
/** The UTF-16 offset of a 1-based code-point column. */
function offsetOfColumn(s: string, column: number): number {
  let i = 0;
  for (let c = 1; c < column && i < s.length; c++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

/** Line n of the document's text with everything but its LF (a CR before the LF included). */
function docLine(doc: CorpusDocument, n: number): string {
  const from = doc.lineStarts[n - 1] ?? 0;
  const next = doc.lineStarts[n];
  const end = next !== undefined ? next - 1 : doc.text.length - (doc.text.endsWith('\n') ? 1 : 0);
  return doc.text.slice(from, end);
}

const FILE_LEVEL = new Set([
  'I_EMPTY_FILE',
  'I_NO_TOKENS',
  'E_BINARY',
  'E_FILE_TOO_LARGE',
  'I_MIXED_LINE_ENDINGS',
  'W_TAG_COLUMN',
  'I_TAG_COLUMNS',
  'E_TAG_COLUMN',
  'E_TOKEN_COLUMN',
  'I_TRUNCATED',
]);
const TAG_SEQUENCE = new Set([
  'W_I_WITHOUT_B',
  'W_TYPE_MISMATCH',
  'W_E_WITHOUT_START',
  'W_UNCLOSED_ENTITY',
  'W_B_WITHOUT_PREVIOUS',
  'W_E_WITHOUT_NEXT',
  'W_UNKNOWN_PREFIX',
  'W_LOWERCASE_PREFIX',
  'W_EMPTY_TYPE',
]);

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Fails the case with a message (vitest's expect is too slow for thousands of checks a case). */
function ok(cond: boolean, message: string | (() => string)): void {
  if (!cond) throw new Error(typeof message === 'string' ? message : message());
}

/** Checks one parse of `b` against the independent reading; throws on a mismatch. */
function checkParse(b: Uint8Array, r: ParseResult, lines: readonly RawLine[]): void {
  const doc = r.document;
  const tokenLine = new Map<number, { tag: string; tagStart: number }>();
  const where = (d: Diagnostic) => `${d.code}@${d.line}:${d.column} (${d.message})`;

  // Round trip (design invariant 1).
  ok(same(serialize(doc), b), 'serialize(parse(bytes)) !== bytes');

  const nul = b.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) {
    const d = r.diagnostics[0];
    ok(doc.refused && doc.sentences.length === 0, 'a NUL in the first 8 KiB refuses the file');
    ok(
      r.diagnostics.length === 1 && d?.code === 'E_BINARY' && d.byteOffset === nul && d.line === 0,
      () => `expected only E_BINARY at byte ${nul}, got ${r.diagnostics.map(where).join('; ')}`,
    );
    return;
  }
  ok(!doc.refused, 'not refused');
  ok(doc.lineStarts.length === lines.length, 'line count');

  const { columns, tokenColumn, tagColumn } = doc.dialect;
  // Every token reads the fields of its own line.
  for (const s of doc.sentences) {
    const toks = sentenceTokens(doc, s);
    for (let i = 0; i < s.length; i++) {
      const k = s.first + i;
      const n = doc.tokens.line[k] as number;
      ok(n >= s.startLine && n <= s.endLine, `token ${k} outside its sentence`);
      const content = lines[n - 1]?.content;
      ok(typeof content === 'string', `token ${k} on undecodable or missing line ${n}`);
      const f = fieldsOf(content!);
      ok(f.length === columns, `token line ${n} has ${f.length} columns, not ${columns}`);
      ok(toks[i] === f[tokenColumn]?.value, () => `line ${n}: token ${toks[i]}`);
      ok(s.originalTags[i] === trimEnd(f[tagColumn]?.value ?? ''), () => `line ${n}: tag`);
      tokenLine.set(n, { tag: s.tags[i]!, tagStart: f[tagColumn]?.start ?? -1 });
    }
  }

  const errorLines = new Set<number>();
  const encodingLines = new Set<number>();
  for (const d of r.diagnostics) {
    const fail = (what: string) => () => `${where(d)}: ${what}`;
    if (FILE_LEVEL.has(d.code)) {
      ok(d.line === 0, fail('a file-level finding has line 0'));
      continue;
    }
    ok(d.line >= 1 && d.line <= lines.length, fail(`line outside 1..${lines.length}`));
    const raw = lines[d.line - 1]!;
    if (d.severity === 'error') errorLines.add(d.line);
    // Bad lines are shown with stand-in characters: check positions on what the document shows.
    const shown = raw.text ?? docLine(doc, d.line);
    const content = raw.content ?? '';
    const at = (offset: number) => col(content, offset) + raw.shift;
    ok(d.column >= 1 && d.column <= codePointLength(shown) + 1, fail('column outside the line'));
    const ch = shown.slice(offsetOfColumn(shown, d.column)).codePointAt(0);
    const f = fieldsOf(content);
    const needsText = () => ok(raw.content !== null, fail('on an undecodable line'));
    switch (d.code) {
      case 'E_ENCODING': {
        ok(raw.text === null, fail('the line decodes'));
        encodingLines.add(d.line);
        const off = d.byteOffset ?? -1;
        ok(off >= raw.from && off < raw.to, fail(`byte offset ${off} not in the line`));
        ok(decodes(b, raw.from, off), fail('bytes before the offset do not decode'));
        for (let k = 1; k <= 4 && off + k <= raw.to; k++)
          ok(!decodes(b, raw.from, off + k), fail('a valid sequence starts at the offset'));
        const prefix = fatal.decode(b.subarray(raw.from, off));
        ok(d.column === codePointLength(prefix) + 1, fail('column is not the byte offset'));
        break;
      }
      case 'E_LINE_TOO_LONG':
        ok(shown.length > MAX_LINE_LENGTH, fail('line is not too long'));
        break;
      case 'E_COLUMNS':
        needsText();
        ok(f.length !== columns, fail(`the line has ${columns} columns`));
        ok(!isStructure(content), fail('a structure line'));
        break;
      case 'E_EMPTY_TOKEN':
        needsText();
        ok(f.length === columns && f[tokenColumn]?.value === '', fail('the token is not empty'));
        ok(d.column === at(f[tokenColumn]!.start), fail('not the token column'));
        break;
      case 'E_EMPTY_TAG': {
        needsText();
        if (f.length === columns) {
          // the tag field holds only spaces
          ok(trimEnd(f[tagColumn]?.value ?? 'x') === '', fail('the tag is not empty'));
          ok(d.column === at(f[tagColumn]!.start), fail('not the tag column'));
        } else {
          // the last field is missing, and a TAB after the rest opens it
          ok(f.length === columns - 1 && tagColumn === columns - 1, fail('not one field short'));
          const tab = content.indexOf('\t', trimEnd(content).length);
          ok(tab >= 0, fail('no TAB opens the tag field'));
          ok(d.column === at(tab + 1), fail('not the column after the TAB'));
        }
        break;
      }
      case 'W_DELIMITER':
        needsText();
        ok(
          !trimEnd(content).includes('\t') && trimEnd(content).includes(' '),
          fail('not a space line'),
        );
        break;
      case 'I_TRAILING_WHITESPACE':
        ok(ch === 0x20 || ch === 0x09, fail('no whitespace at the column'));
        break;
      case 'W_LONE_CR': {
        ok(ch === 0x0d, fail('no CR at the column'));
        const crlf = offsetOfColumn(shown, d.column) === shown.length - 1 && raw.to < b.length;
        ok(!crlf, fail('the CR of a CRLF'));
        break;
      }
      case 'W_BOM_INSIDE':
        ok(ch === 0xfeff && !(d.line === 1 && d.column === 1), fail('no BOM inside at the column'));
        break;
      case 'I_INVISIBLE_CHAR':
        ok(INVISIBLE_CHAR.test(String.fromCodePoint(ch ?? 0x20)), fail('no invisible character'));
        break;
      case 'W_MARKER_WHITESPACE':
        needsText();
        ok(isMarker(content) && trimEnd(content) !== content, fail('not a padded marker'));
        break;
      case 'W_UNMATCHED_CLOSE':
        ok(trimEnd(content) === '</s>', fail('not </s>'));
        break;
      case 'W_NESTED_OPEN':
      case 'W_UNCLOSED_OPEN':
        ok(trimEnd(content) === '<s>', fail('not <s>'));
        break;
      default: {
        ok(TAG_SEQUENCE.has(d.code), fail('unchecked code: add it to the fuzzer'));
        const t = tokenLine.get(d.line);
        ok(t !== undefined, fail('not a token line'));
        ok(d.found === t!.tag, fail(`the line's tag is ${t!.tag}`));
        ok(d.column === at(t!.tagStart), fail('not the tag column'));
      }
    }
  }

  // G6: nothing is dropped silently.
  const hasFffd = Buffer.from(b).includes(Buffer.from([0xef, 0xbf, 0xbd]));
  lines.forEach((raw, i) => {
    const n = i + 1;
    const bad = raw.text === null;
    ok(encodingLines.has(n) === bad, `line ${n}: E_ENCODING must be exactly on undecodable lines`);
    // No replacement character enters the document for bytes that did not decode (case 29).
    if (bad && !hasFffd) ok(!docLine(doc, n).includes('\uFFFD'), `line ${n} shows U+FFFD`);
    if (bad || trimEnd(raw.content!) === '') return;
    const kept = tokenLine.has(n) || errorLines.has(n) || isStructure(raw.content!);
    ok(kept, () => `line ${n} ${JSON.stringify(raw.content)} is neither read, kept nor reported`);
  });
}

// ---------------------------------------------------------------------------------------------
// Untouched sentences

interface Tracked {
  start: number;
  end: number;
  tokens: string[];
  tags: readonly string[];
  quarantined: boolean;
}

function sentencesOf(doc: CorpusDocument): Tracked[] {
  return doc.sentences.map((s) => ({
    start: s.startLine,
    end: s.endLine,
    tokens: sentenceTokens(doc, s),
    tags: s.tags,
    quarantined: s.quarantined,
  }));
}

/** Keeps the sentences an edit cannot reach (their lines and the break around them), moved. */
function track(tracked: Tracked[], b: Uint8Array, e: Edit): Tracked[] {
  const a = 1 + countLf(b, 0, e.p);
  const z = 1 + countLf(b, 0, e.q);
  const delta = countLf(e.ins) - countLf(b, e.p, e.q);
  const out: Tracked[] = [];
  for (const s of tracked) {
    if (s.end + 1 < a) out.push(s);
    else if (s.start - 1 > z) out.push({ ...s, start: s.start + delta, end: s.end + delta });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface Figures {
  cases: number;
  mutations: Map<string, number>;
  refused: number;
  encodingErrors: number;
  layoutChanged: number;
  untouchedChecked: number;
  diagnostics: number;
}
const FIGURES = new Map<string, Figures>();

afterAll(() => {
  if (!process.env.FUZZ_REPORT) return;
  for (const [name, f] of FIGURES) {
    const kinds = [...f.mutations].map(([k, n]) => `${k} ${n}`).join(', ');
    console.info(
      `${name}: ${f.cases} cases; mutations: ${kinds}; refused (NUL in first 8 KiB) ${f.refused}; ` +
        `with E_ENCODING ${f.encodingErrors}; layout changed ${f.layoutChanged}; ` +
        `untouched sentences compared ${f.untouchedChecked}; diagnostics checked ${f.diagnostics}`,
    );
  }
});

/** Runs one mutated case; returns nothing, fails through expect. */
export function fuzzCase(
  source: Uint8Array,
  startLine: number,
  lineCount: number,
  mutations: readonly Mutation[],
  fig?: Figures,
  offs: readonly number[] = lineOffsets(source),
): void {
  const total = offs.length - 1;
  const first = startLine % Math.max(1, total);
  const slice = source.slice(offs[first] ?? 0, offs[Math.min(total, first + lineCount)] ?? 0);
  const base = parse(slice);
  const fixed: ParseOptions = {
    tokenColumn: base.document.dialect.tokenColumn,
    tagColumn: base.document.dialect.tagColumn,
  };
  const original = parse(slice, fixed);
  let tracked = sentencesOf(original.document);
  let cur: Uint8Array = slice;
  for (const m of mutations) {
    for (const e of editsOf(m, cur)) {
      tracked = track(tracked, cur, e);
      cur = applyEdit(cur, e);
    }
    if (fig) fig.mutations.set(m.kind, (fig.mutations.get(m.kind) ?? 0) + 1);
  }
  const lines = readLines(cur);
  const plain = parse(cur);
  checkParse(cur, plain, lines);
  const withLayout = parse(cur, fixed);
  checkParse(cur, withLayout, lines);
  // "Reopen as windows-1252" reads every byte and writes every byte back.
  const cp = parse(cur, { ...fixed, encoding: 'windows-1252' });
  ok(same(serialize(cp.document), cur), 'windows-1252: serialize(parse(bytes)) !== bytes');
  ok(!cp.diagnosticCounts.has('E_ENCODING'), 'windows-1252 reports E_ENCODING');
  if (fig) {
    fig.cases += 1;
    fig.diagnostics += plain.diagnostics.length + withLayout.diagnostics.length;
    if (plain.document.refused) fig.refused += 1;
    if (plain.diagnosticCounts.has('E_ENCODING')) fig.encodingErrors += 1;
  }
  const doc = withLayout.document;
  if (doc.refused) return;
  if (doc.dialect.columns !== original.document.dialect.columns) {
    if (fig) fig.layoutChanged += 1;
    return;
  }
  const byStart = new Map(sentencesOf(doc).map((s) => [s.start, s]));
  for (const s of tracked) {
    const got = byStart.get(s.start);
    const same =
      got !== undefined &&
      got.end === s.end &&
      got.quarantined === s.quarantined &&
      got.tokens.join('\n') === s.tokens.join('\n') &&
      got.tags.join('\n') === s.tags.join('\n');
    ok(
      same,
      () => `untouched sentence at lines ${s.start}-${s.end} changed: ${JSON.stringify(got)}`,
    );
  }
  if (fig) fig.untouchedChecked += tracked.length;
}

const caseArb = fc.record({
  start: fc.nat(),
  lines: fc.integer({ min: 40, max: 300 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
});

describe('fuzzing real corpora with byte and line mutations', () => {
  for (const c of CORPORA) {
    it(`${c.name}: never throws, round-trips, diagnoses the right lines, keeps untouched sentences`, () => {
      const source = new Uint8Array(readFileSync(resolve(SHARED, c.file)));
      const offs = lineOffsets(source);
      const fig: Figures = {
        cases: 0,
        mutations: new Map(),
        refused: 0,
        encodingErrors: 0,
        layoutChanged: 0,
        untouchedChecked: 0,
        diagnostics: 0,
      };
      FIGURES.set(c.name, fig);
      fc.assert(
        fc.property(caseArb, ({ start, lines, mutations }) =>
          fuzzCase(source, start, lines, mutations, fig, offs),
        ),
        { numRuns: RUNS, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false },
      );
      // The budget must leave room for a meaningful number of cases even on a slow machine.
      expect(fig.cases).toBeGreaterThanOrEqual(Math.min(RUNS, 150));
    });
  }
});

describe('regressions the fuzzer found (pinned counterexamples)', () => {
  it('a refused file (NUL in the first 8 KiB) gets E_BINARY only, not a layout finding from the options (conll2003, seed -980096334)', () => {
    const source = new Uint8Array(
      readFileSync(resolve(SHARED, 'corpora/conll2003/iob1-crlf/eng.testa')),
    );
    fuzzCase(source, 0, 40, [{ kind: 'insert bytes', at: 0, pieces: ['NUL'] }]);
    const r = parse(Uint8Array.of(0, 0x41), { tagColumn: 3 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_BINARY']);
  });
});
