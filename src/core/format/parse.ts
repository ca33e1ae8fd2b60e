import { DiagnosticSink, type Diagnostic, type DiagnosticCode } from '../diagnostics';
import type { CorpusDocument, Dialect, Sentence, TokenTable } from '../model/document';
import { chunkRulesFor, detectScheme, type Scheme } from '../scheme/schemes';
import { codePointLength, decodeBytes, type Decoded } from './decode';
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
      : decodeBytes(input);
  const sink = new DiagnosticSink();
  for (const d of decoded.diagnostics) sink.add(d);
  const text = decoded.text;
  const lineStarts = computeLineStarts(text);
  const layout = detectLayout(text, lineStarts, options, sink);
  const built = buildSentences(text, lineStarts, layout, decoded.badLines, sink);
  if (decoded.refused) {
    // nothing else to say about a refused file
  } else if (text.length === 0) {
    sink.add(fileInfo('I_EMPTY_FILE', 'the file is empty: 0 sentences'));
  } else if (built.sentences.length === 0) {
    sink.add(fileInfo('I_NO_TOKENS', 'the file holds no token lines: 0 sentences'));
  }
  const tagLists = built.sentences.map((s) => s.tags);
  const detected = detectScheme(tagLists);
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
  sentences: Sentence[];
  markers: number;
  docStarts: number;
  comments: number;
}

/** The main pass: classifies every line and gathers tokens into sentences. */
function buildSentences(
  text: string,
  lineStarts: Uint32Array,
  layout: Layout,
  badLines: ReadonlySet<number>,
  sink: DiagnosticSink,
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
  const textEnd = text.endsWith('\n') ? text.length - 1 : text.length;

  const colOf = (lineFrom: number, offset: number) =>
    codePointLength(text.slice(lineFrom, offset)) + 1;
  const lineError = (
    line: number,
    column: number,
    code: DiagnosticCode,
    message: string,
    extra: Partial<Diagnostic> = {},
  ) => {
    sink.add({ line, column, severity: 'error', code, message, ...extra });
    quarantined = true;
  };
  const flush = () => {
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
    }
    first = nTokens;
    tags = [];
    startLine = 0;
    quarantined = false;
  };

  for (let n = 1; n <= lineCount; n++) {
    const lineFrom = lineStarts[n - 1] ?? 0;
    const next = lineStarts[n];
    let to = next === undefined ? textEnd : next - 1;
    if (to > lineFrom && text.charCodeAt(to - 1) === 13) to -= 1;
    const from = n === 1 && text.charCodeAt(0) === 0xfeff ? 1 : lineFrom;
    const end = trimEndOffset(text, from, to);
    if (end === from) {
      flush();
      continue;
    }
    if (badLines.has(n)) {
      if (startLine === 0) startLine = n;
      endLine = n;
      quarantined = true;
      continue;
    }
    if (to - from > MAX_LINE_LENGTH) {
      if (startLine === 0) startLine = n;
      endLine = n;
      lineError(
        n,
        1,
        'E_LINE_TOO_LONG',
        `line is ${to - from} characters long; the limit is ${MAX_LINE_LENGTH}`,
        {
          expected: `at most ${MAX_LINE_LENGTH} characters`,
          found: `${to - from} characters`,
          hint: 'one token per line: is this really a CoNLL file?',
        },
      );
      continue;
    }
    const c0 = text.charCodeAt(from);
    if (c0 === 60 /* < */ && (end - from === 3 || end - from === 4)) {
      const word = text.slice(from, end);
      if (word === '<s>' || word === '</s>') {
        flush();
        markers += 1;
        if (end !== to) {
          sink.add({
            line: n,
            column: colOf(lineFrom, end),
            severity: 'warning',
            code: 'W_MARKER_WHITESPACE',
            message: `whitespace after ${word}`,
            expected: word,
            found: JSON.stringify(text.slice(from, to)),
            hint: 'read as a sentence marker; remove the trailing whitespace',
          });
        }
        if (word === '<s>') {
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
        continue;
      }
    }
    fields.split(text, from, end);
    const f0s = fields.starts[0] ?? from;
    const f0e = fields.ends[0] ?? from;
    if (c0 === 45 /* - */ && f0e - f0s === 10 && text.startsWith('-DOCSTART-', f0s)) {
      flush();
      docStarts += 1;
      if (sentencesInDoc > 0) {
        doc += 1;
        sentencesInDoc = 0;
      }
      continue;
    }
    if (c0 === 35 /* # */) {
      const tf =
        fields.count === columns
          ? text.slice(fields.starts[tagColumn], fields.ends[tagColumn])
          : '';
      if (!(fields.count === columns && /^(?:O|[BIESLU]-.+)$/.test(tf))) {
        comments += 1;
        if (startLine === 0) startLine = n;
        endLine = n;
        continue;
      }
    }
    if (startLine === 0) startLine = n;
    endLine = n;
    if (fields.count !== columns) {
      const stripped = text.slice(end, to);
      if (fields.count === columns - 1 && tagColumn === columns - 1 && stripped.includes('\t')) {
        lineError(n, colOf(lineFrom, end) + 1, 'E_EMPTY_TAG', 'the tag is empty', {
          expected: 'a tag such as O or B-TYPE',
          found: 'nothing after the last TAB',
          hint: 'write O for a token outside any entity',
        });
      } else {
        const sep = fields.tab ? 'TAB-separated' : 'space-separated';
        lineError(n, 1, 'E_COLUMNS', `expected ${columns} ${sep} columns, found ${fields.count}`, {
          expected: `${columns} columns`,
          found: `${fields.count} columns`,
          hint: 'every token line needs the same columns; the sentence is kept as it is and is read-only',
        });
      }
      continue;
    }
    const ks = fields.starts[tokenColumn] ?? from;
    const ke = fields.ends[tokenColumn] ?? from;
    const ts = fields.starts[tagColumn] ?? from;
    let te = fields.ends[tagColumn] ?? from;
    if (ke === ks) {
      lineError(n, colOf(lineFrom, ks), 'E_EMPTY_TOKEN', 'the token is empty', {
        expected: 'a token',
        found: 'an empty field',
        hint: 'remove the line or write the token',
      });
      continue;
    }
    // A TAB line may pad a field with spaces ("O  "): read the tag without them.
    const tagEndTrimmed = trimEndOffset(text, ts, te);
    if (tagEndTrimmed !== te) {
      sink.add({
        line: n,
        column: colOf(lineFrom, tagEndTrimmed),
        severity: 'info',
        code: 'I_TRAILING_WHITESPACE',
        message: 'spaces after the tag; read without them, kept on export',
      });
      te = tagEndTrimmed;
    }
    if (te === ts) {
      lineError(n, colOf(lineFrom, ts), 'E_EMPTY_TAG', 'the tag is empty', {
        expected: 'a tag such as O or B-TYPE',
        found: 'an empty field',
        hint: 'write O for a token outside any entity',
      });
      continue;
    }
    if (end !== to) {
      sink.add({
        line: n,
        column: colOf(lineFrom, end),
        severity: 'info',
        code: 'I_TRAILING_WHITESPACE',
        message: 'whitespace at the end of the line; read without it, kept on export',
      });
    }
    if (!fields.tab && layout.tabMajority) {
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
    tokenStart[nTokens] = ks;
    tokenEnd[nTokens] = ke;
    tagStart[nTokens] = ts;
    tagEnd[nTokens] = te;
    tokenLine[nTokens] = n;
    tags.push(tag);
    nTokens += 1;
  }
  flush();
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
    markers,
    docStarts,
    comments,
  };
}
