import { DiagnosticSink, type Diagnostic, type DiagnosticCode } from '../diagnostics';
import type { CorpusDocument, Dialect, Sentence, TokenTable } from '../model/document';
import { chunkRulesFor, detectScheme, type Scheme } from '../scheme/schemes';
import { codePointLength, decodeBytes, type Decoded, type TextEncodingName } from './decode';
import { detectLayout, type Layout } from './dialect';
import { computeLineStarts, Fields, MAX_LINE_LENGTH, trimEndOffset } from './lines';
import { scanCharacters, validateSentences } from './scan';

/** Overrides for what the parser would otherwise detect. */
export interface ParseOptions {
  /** 0-based tag column (default: the last column). */
  readonly tagColumn?: number;
  /** 0-based token column (default: detected; column 2 when column 1 numbers the tokens). */
  readonly tokenColumn?: number;
  /** The tag scheme (default: detected). */
  readonly scheme?: Scheme;
  /**
   * How the bytes are encoded (default UTF-8). `windows-1252` is the "reopen as windows-1252"
   * choice offered after E_ENCODING: every byte reads as a character, nothing is quarantined for
   * its encoding, and serialization writes windows-1252 back, byte for byte.
   */
  readonly encoding?: TextEncodingName;
  /** Called with the share of lines read (0..1) every 65,536 lines, for progress bars. */
  readonly onProgress?: (fraction: number) => void;
}

/** What parsing gives: always a document, plus everything worth telling about the input. */
export interface ParseResult {
  readonly document: CorpusDocument;
  readonly diagnostics: readonly Diagnostic[];
  /** Exact count per code, including diagnostics past the per-code listing cap. */
  readonly diagnosticCounts: ReadonlyMap<DiagnosticCode, number>;
}

/** Parses a CoNLL-family file. Never throws on user data: problems come back as diagnostics. */
export function parse(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const decoded: Decoded =
    typeof input === 'string'
      ? { text: input, patches: [], badLines: new Set(), refused: false, diagnostics: [] }
      : decodeBytes(input, options.encoding);
  const sink = new DiagnosticSink();
  for (const d of decoded.diagnostics) sink.add(d);
  const text = decoded.text;
  const lineStarts = computeLineStarts(text);
  // A refused file has no layout to report on (a tag column option would only add noise).
  const layout = detectLayout(
    text,
    lineStarts,
    options,
    decoded.refused ? new DiagnosticSink() : sink,
  );
  const built = buildSentences(
    text,
    lineStarts,
    layout,
    decoded.badLines,
    sink,
    options.onProgress,
  );
  if (decoded.refused) {
    // nothing else to say about a refused file
  } else if (text.length === 0) {
    sink.add(fileInfo('I_EMPTY_FILE', 'the file is empty: 0 sentences'));
  } else if (built.sentences.length === 0) {
    sink.add(fileInfo('I_NO_TOKENS', 'the file holds no token lines: 0 sentences'));
  }
  const tagLists = built.sentences.map((s) => s.tags);
  const detected = detectScheme(tagLists, built.distinctTags);
  const scheme = options.scheme ?? detected.scheme;
  const dialect: Dialect = {
    ...layout.dialect,
    sentenceMarkers: built.markers,
    docStarts: built.docStarts,
    comments: built.comments,
  };
  const document: CorpusDocument = {
    text,
    patches: decoded.patches,
    lineStarts,
    tokens: built.tokens,
    sentences: built.sentences,
    dialect,
    scheme: {
      scheme,
      rules: chunkRulesFor(scheme),
      detected,
      overridden: options.scheme !== undefined,
    },
    refused: decoded.refused,
  };
  if (!decoded.refused) {
    scanCharacters(text, lineStarts, sink);
    validateSentences(document, sink);
  }
  return { document, diagnostics: sink.finish(), diagnosticCounts: sink.counts };
}

function fileInfo(code: DiagnosticCode, message: string): Diagnostic {
  return { line: 0, column: 0, severity: 'info', code, message };
}

interface Built {
  tokens: TokenTable;
  /** Every tag that occurs except O (the interning table's keys). */
  distinctTags: Iterable<string>;
  sentences: Sentence[];
  markers: number;
  docStarts: number;
  comments: number;
}

/** 1-based column, in code points, of a text offset on the line starting at lineFrom. */
function columnOf(text: string, lineFrom: number, offset: number): number {
  return codePointLength(text.slice(lineFrom, offset)) + 1;
}

/** What one line is, for the main pass. */
const enum Kind {
  Break,
  Marker,
  DocStart,
  Comment,
  Bad,
  Token,
}

const TAG_LIKE_COMMENT = /^(?:O|[BIESLU]-.+)$/;

/**
 * The main pass: classifies every line and gathers tokens into sentences. Kept free of closures
 * over its loop state, so V8 holds that state in registers (this loop runs once per line).
 */
function buildSentences(
  text: string,
  lineStarts: Uint32Array,
  layout: Layout,
  badLines: ReadonlySet<number>,
  sink: DiagnosticSink,
  onProgress?: (fraction: number) => void,
): Built {
  const lineCount = lineStarts.length;
  const tokenStart = new Uint32Array(lineCount);
  const tokenEnd = new Uint32Array(lineCount);
  const tagStart = new Uint32Array(lineCount);
  const tagEnd = new Uint32Array(lineCount);
  const tokenLine = new Uint32Array(lineCount);
  const sentences: Sentence[] = [];
  const intern = new Map<string, string>();
  const fields = new Fields();
  const { columns, tagColumn, tokenColumn } = layout.dialect;
  const tabMajority = layout.tabMajority;
  const checkBad = badLines.size > 0;
  const textEnd = text.endsWith('\n') ? text.length - 1 : text.length;
  let nTokens = 0;
  let first = 0;
  let tags: string[] = [];
  let startLine = 0;
  let endLine = 0;
  let quarantined = false;
  let doc = 0;
  let sentencesInDoc = 0;
  let markers = 0;
  let docStarts = 0;
  let comments = 0;
  let openMarker = 0;

  for (let n = 1; n <= lineCount + 1; n++) {
    if (onProgress && (n & 0xffff) === 0) onProgress(n / lineCount);
    let kind: Kind;
    if (n > lineCount) kind = Kind.Break;
    else {
      const lineFrom = lineStarts[n - 1] as number;
      let to = n < lineCount ? (lineStarts[n] as number) - 1 : textEnd;
      if (to > lineFrom && text.charCodeAt(to - 1) === 13) to -= 1;
      const from = n === 1 && text.charCodeAt(0) === 0xfeff ? 1 : lineFrom;
      const end = trimEndOffset(text, from, to);
      kind =
        end === from
          ? Kind.Break
          : classifyLine(text, n, lineFrom, from, end, to, columns, tagColumn, fields, sink);
      if (kind === Kind.Token && checkBad && badLines.has(n)) kind = Kind.Bad;
      if (kind === Kind.Marker) {
        markers += 1;
        if (text.charCodeAt(from + 1) === 115 /* s */) {
          if (openMarker > 0)
            sink.add({
              line: n,
              column: 1,
              severity: 'warning',
              code: 'W_NESTED_OPEN',
              message: `<s> inside a sentence opened at line ${openMarker}`,
              expected: '</s>',
              found: '<s>',
              hint: 'close the previous sentence with </s>',
            });
          openMarker = n;
        } else {
          if (openMarker === 0)
            sink.add({
              line: n,
              column: 1,
              severity: 'warning',
              code: 'W_UNMATCHED_CLOSE',
              message: '</s> without a matching <s>',
              expected: '<s> before it',
              found: '</s>',
              hint: 'add <s> or remove this line',
            });
          openMarker = 0;
        }
      } else if (kind === Kind.DocStart) {
        docStarts += 1;
      } else if (kind === Kind.Comment || kind === Kind.Bad) {
        if (kind === Kind.Comment) comments += 1;
        else quarantined = true;
        if (startLine === 0) startLine = n;
        endLine = n;
        continue;
      } else if (kind === Kind.Token) {
        if (startLine === 0) startLine = n;
        endLine = n;
        const bad = readToken(
          text,
          n,
          lineFrom,
          end,
          to,
          columns,
          tagColumn,
          tokenColumn,
          tabMajority,
          fields,
          sink,
        );
        if (bad) {
          quarantined = true;
          continue;
        }
        const ts = fields.starts[tagColumn] as number;
        const te = fields.ends[tagColumn] as number;
        let tag: string | undefined;
        if (te - ts === 1 && text.charCodeAt(ts) === 79 /* O */) tag = 'O';
        else {
          const raw = text.slice(ts, te);
          tag = intern.get(raw);
          if (tag === undefined) {
            intern.set(raw, raw);
            tag = raw;
          }
        }
        tokenStart[nTokens] = fields.starts[tokenColumn] as number;
        tokenEnd[nTokens] = fields.ends[tokenColumn] as number;
        tagStart[nTokens] = ts;
        tagEnd[nTokens] = te;
        tokenLine[nTokens] = n;
        tags.push(tag);
        nTokens += 1;
        continue;
      }
    }
    // A break, a marker or a -DOCSTART- line ends the current sentence.
    if (nTokens > first || quarantined) {
      sentences.push({
        id: sentences.length,
        first,
        length: nTokens - first,
        tags,
        originalTags: tags,
        doc,
        startLine,
        endLine,
        quarantined,
      });
      sentencesInDoc += 1;
      tags = [];
    }
    first = nTokens;
    startLine = 0;
    quarantined = false;
    if (kind === Kind.DocStart && sentencesInDoc > 0) {
      doc += 1;
      sentencesInDoc = 0;
    }
  }
  if (openMarker > 0) {
    sink.add({
      line: openMarker,
      column: 1,
      severity: 'warning',
      code: 'W_UNCLOSED_OPEN',
      message: '<s> is never closed',
      expected: '</s>',
      found: 'end of file',
      hint: 'add </s> after the sentence',
    });
  }
  return {
    tokens: {
      tokenStart: tokenStart.subarray(0, nTokens),
      tokenEnd: tokenEnd.subarray(0, nTokens),
      tagStart: tagStart.subarray(0, nTokens),
      tagEnd: tagEnd.subarray(0, nTokens),
      line: tokenLine.subarray(0, nTokens),
    },
    sentences,
    distinctTags: intern.keys(),
    markers,
    docStarts,
    comments,
  };
}

/**
 * Tells a non-blank line's kind. Splits it into `fields` (except markers and over-long lines);
 * reports over-long lines and padded markers.
 */
function classifyLine(
  text: string,
  n: number,
  lineFrom: number,
  from: number,
  end: number,
  to: number,
  columns: number,
  tagColumn: number,
  fields: Fields,
  sink: DiagnosticSink,
): Kind {
  if (to - from > MAX_LINE_LENGTH) {
    sink.add({
      line: n,
      column: 1,
      severity: 'error',
      code: 'E_LINE_TOO_LONG',
      message: `line is ${to - from} characters long; the limit is ${MAX_LINE_LENGTH}`,
      expected: `at most ${MAX_LINE_LENGTH} characters`,
      found: `${to - from} characters`,
      hint: 'one token per line: is this really a CoNLL file?',
    });
    return Kind.Bad;
  }
  const c0 = text.charCodeAt(from);
  if (c0 === 60 /* < */ && (end - from === 3 || end - from === 4)) {
    const word = text.slice(from, end);
    if (word === '<s>' || word === '</s>') {
      if (end !== to) {
        sink.add({
          line: n,
          column: columnOf(text, lineFrom, end),
          severity: 'warning',
          code: 'W_MARKER_WHITESPACE',
          message: `whitespace after ${word}`,
          expected: word,
          found: JSON.stringify(text.slice(from, to)),
          hint: 'read as a sentence marker; remove the trailing whitespace',
        });
      }
      return Kind.Marker;
    }
  }
  fields.split(text, from, end);
  if (
    c0 === 45 /* - */ &&
    (fields.ends[0] as number) - (fields.starts[0] as number) === 10 &&
    text.startsWith('-DOCSTART-', from)
  ) {
    return Kind.DocStart;
  }
  if (c0 === 35 /* # */) {
    const tagLike =
      fields.count === columns &&
      TAG_LIKE_COMMENT.test(text.slice(fields.starts[tagColumn], fields.ends[tagColumn]));
    if (!tagLike) return Kind.Comment;
  }
  return Kind.Token;
}

/**
 * Checks a token line already split into `fields`: column count, empty token or tag, trailing
 * whitespace, separator. Narrows the tag field to exclude padding. True when the line is bad.
 */
function readToken(
  text: string,
  n: number,
  lineFrom: number,
  end: number,
  to: number,
  columns: number,
  tagColumn: number,
  tokenColumn: number,
  tabMajority: boolean,
  fields: Fields,
  sink: DiagnosticSink,
): boolean {
  if (fields.count !== columns) {
    if (
      fields.count === columns - 1 &&
      tagColumn === columns - 1 &&
      text.slice(end, to).includes('\t')
    ) {
      sink.add({
        line: n,
        // where the tag belongs: just after the TAB that opens its (empty) field
        column: columnOf(text, lineFrom, text.indexOf('\t', end) + 1),
        severity: 'error',
        code: 'E_EMPTY_TAG',
        message: 'the tag is empty',
        expected: 'a tag such as O or B-TYPE',
        found: 'nothing after the last TAB',
        hint: 'write O for a token outside any entity',
      });
    } else {
      // Name the file's separator, and say so when the line splits otherwise.
      const sep = tabMajority ? 'TAB-separated' : 'space-separated';
      const how =
        fields.tab === tabMajority
          ? ''
          : fields.tab
            ? ' (the line holds a TAB, so it is split at TABs)'
            : ' (the line has no TAB)';
      sink.add({
        line: n,
        column: 1,
        severity: 'error',
        code: 'E_COLUMNS',
        message: `expected ${columns} ${sep} columns, found ${fields.count}${how}`,
        expected: `${columns} columns`,
        found: `${fields.count} columns`,
        hint: 'every token line needs the same columns; the sentence is kept as it is and is read-only',
      });
    }
    return true;
  }
  const ks = fields.starts[tokenColumn] as number;
  if (fields.ends[tokenColumn] === ks) {
    sink.add({
      line: n,
      column: columnOf(text, lineFrom, ks),
      severity: 'error',
      code: 'E_EMPTY_TOKEN',
      message: 'the token is empty',
      expected: 'a token',
      found: 'an empty field',
      hint: 'remove the line or write the token',
    });
    return true;
  }
  const ts = fields.starts[tagColumn] as number;
  const te = fields.ends[tagColumn] as number;
  // A TAB line may pad a field with spaces ("O  "): read the tag without them.
  const trimmed = trimEndOffset(text, ts, te);
  if (trimmed !== te && trimmed !== ts) {
    sink.add({
      line: n,
      column: columnOf(text, lineFrom, trimmed),
      severity: 'info',
      code: 'I_TRAILING_WHITESPACE',
      message: 'spaces after the tag; read without them, kept on export',
    });
    fields.ends[tagColumn] = trimmed;
  }
  if (trimmed === ts) {
    sink.add({
      line: n,
      column: columnOf(text, lineFrom, ts),
      severity: 'error',
      code: 'E_EMPTY_TAG',
      message: 'the tag is empty',
      expected: 'a tag such as O or B-TYPE',
      found: 'an empty field',
      hint: 'write O for a token outside any entity',
    });
    return true;
  }
  if (end !== to) {
    sink.add({
      line: n,
      column: columnOf(text, lineFrom, end),
      severity: 'info',
      code: 'I_TRAILING_WHITESPACE',
      message: 'whitespace at the end of the line; read without it, kept on export',
    });
  }
  if (!fields.tab && tabMajority) {
    sink.add({
      line: n,
      column: 1,
      severity: 'warning',
      code: 'W_DELIMITER',
      message: 'line is space-separated while the file is TAB-separated',
      expected: 'TAB between columns',
      found: 'spaces',
      hint: 'read at spaces; a token that holds a space needs TABs',
    });
  }
  return false;
}
