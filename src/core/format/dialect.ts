import type { DiagnosticSink } from '../diagnostics';
import type { Dialect } from '../model/document';
import { looksLikeTag } from '../scheme/tags';
import { Fields, trimEndOffset } from './lines';
import type { ParseOptions } from './parse';

/** Data lines the layout detector looks at. */
const SAMPLE_LINES = 5000;

/** The detected layout of a file, before the main pass. */
export interface Layout {
  readonly dialect: Omit<Dialect, 'sentenceMarkers' | 'docStarts' | 'comments'>;
  /** True when TAB-separated lines are the majority (space-separated ones get W_DELIMITER). */
  readonly tabMajority: boolean;
}

/**
 * Detects the column layout from the first data lines: the usual column count, the separator,
 * the token column (column 2 when column 1 numbers tokens, as in GermEval) and the tag column
 * (the last unless overridden; says so when another column looks more like tags).
 */
export function detectLayout(
  text: string,
  lineStarts: Uint32Array,
  options: ParseOptions,
  sink: DiagnosticSink,
): Layout {
  const fields = new Fields();
  const histogram = new Map<number, number>();
  const sample: string[][] = [];
  const firstOfSentence: boolean[] = [];
  let tabLines = 0;
  let spaceLines = 0;
  let afterBreak = true;
  const textEnd = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let n = 1; n <= lineStarts.length && sample.length < SAMPLE_LINES; n++) {
    const lineFrom = lineStarts[n - 1] ?? 0;
    const next = lineStarts[n];
    let to = next === undefined ? textEnd : next - 1;
    if (to > lineFrom && text.charCodeAt(to - 1) === 13) to -= 1;
    const from = n === 1 && text.charCodeAt(0) === 0xfeff ? 1 : lineFrom;
    const end = trimEndOffset(text, from, to);
    const c0 = text.charCodeAt(from);
    if (end === from || c0 === 35 /* # */ || end - from > 10_000) {
      if (end === from) afterBreak = true;
      continue;
    }
    const word = text.slice(from, end);
    if (word === '<s>' || word === '</s>' || word.startsWith('-DOCSTART-')) {
      afterBreak = true;
      continue;
    }
    fields.split(text, from, end);
    if (fields.tab) tabLines += 1;
    else spaceLines += 1;
    histogram.set(fields.count, (histogram.get(fields.count) ?? 0) + 1);
    const values: string[] = [];
    for (let i = 0; i < fields.count; i++)
      values.push(text.slice(fields.starts[i], fields.ends[i]));
    sample.push(values);
    firstOfSentence.push(afterBreak);
    afterBreak = false;
  }
  let columns = 2;
  let best = -1;
  for (const [count, seen] of histogram) {
    if (seen > best || (seen === best && count > columns)) {
      best = seen;
      columns = count;
    }
  }
  // A tagged corpus has at least a token and a tag: a one-column file is all E_COLUMNS errors.
  if (columns < 2) columns = 2;
  const rows = sample.filter((r) => r.length === columns);
  let tokenColumn = detectTokenColumn(rows, firstOfSentence, sample, columns);
  if (options.tokenColumn !== undefined) {
    if (options.tokenColumn >= 0 && options.tokenColumn < columns)
      tokenColumn = options.tokenColumn;
    else {
      sink.add({
        line: 0,
        column: 0,
        severity: 'error',
        code: 'E_TOKEN_COLUMN',
        message: `token column ${options.tokenColumn + 1} does not exist: data lines have ${columns} columns; reading column ${tokenColumn + 1}`,
        expected: `1..${columns}`,
        found: String(options.tokenColumn + 1),
        hint: 'choose a token column between 1 and the number of columns',
      });
    }
  }
  let tagColumn = columns - 1;
  if (options.tagColumn !== undefined) {
    if (options.tagColumn >= 0 && options.tagColumn < columns) tagColumn = options.tagColumn;
    else {
      sink.add({
        line: 0,
        column: 0,
        severity: 'error',
        code: 'E_TAG_COLUMN',
        message: `tag column ${options.tagColumn + 1} does not exist: data lines have ${columns} columns; reading column ${columns}`,
        expected: `1..${columns}`,
        found: String(options.tagColumn + 1),
        hint: 'choose a tag column between 1 and the number of columns',
      });
    }
  }
  const otherTagColumns =
    rows.length > 0 && columns > 1
      ? reportTagColumns(rows, tagColumn, tokenColumn, options, sink)
      : [];
  const separator = tabLines > 0 && spaceLines > 0 ? 'mixed' : spaceLines > 0 ? 'space' : 'tab';
  return {
    dialect: {
      columns,
      tokenColumn,
      tagColumn,
      otherTagColumns,
      separator,
      ...lineEndings(text, lineStarts, sink),
      bom: text.charCodeAt(0) === 0xfeff,
      finalNewline: text.endsWith('\n'),
    },
    tabMajority: tabLines > 0 && tabLines >= spaceLines,
  };
}

/** Column 2 holds the tokens when column 1 numbers them 1..n in each sentence. */
function detectTokenColumn(
  rows: readonly string[][],
  firstOfSentence: readonly boolean[],
  sample: readonly string[][],
  columns: number,
): number {
  if (columns < 3 || rows.length === 0) return 0;
  if (!rows.every((r) => /^[0-9]+$/.test(r[0] ?? ''))) return 0;
  for (let i = 0; i < sample.length; i++) {
    if (firstOfSentence[i] && sample[i]?.[0] !== '1') return 0;
  }
  return 1;
}

function reportTagColumns(
  rows: readonly string[][],
  tagColumn: number,
  tokenColumn: number,
  options: ParseOptions,
  sink: DiagnosticSink,
): number[] {
  const columns = rows[0]?.length ?? 0;
  const tagLike: { column: number; entities: number }[] = [];
  let chosenShare = 0;
  for (let c = 0; c < columns; c++) {
    let like = 0;
    let entities = 0;
    for (const r of rows) {
      const v = r[c] ?? '';
      if (looksLikeTag(v)) {
        like += 1;
        if (v !== 'O') entities += 1;
      }
    }
    const share = like / rows.length;
    if (c === tagColumn) chosenShare = share;
    if (share >= 0.95 && c !== tokenColumn) tagLike.push({ column: c, entities });
  }
  const chosenLooksLikeTags = tagLike.some((t) => t.column === tagColumn);
  const others = tagLike.filter((t) => t.column !== tagColumn);
  if (!chosenLooksLikeTags) {
    const alt = others[0];
    sink.add({
      line: 0,
      column: 0,
      severity: 'warning',
      code: 'W_TAG_COLUMN',
      message:
        `column ${tagColumn + 1} does not look like tags (${Math.round(chosenShare * 100)}% of sampled values are)` +
        (alt ? `; column ${alt.column + 1} does` : ''),
      expected: 'O, B-TYPE, I-TYPE, …',
      found: `column ${tagColumn + 1}`,
      hint: alt
        ? `read the tags from column ${alt.column + 1} (--tag-column ${alt.column + 1})`
        : 'choose the tag column (--tag-column N)',
    });
  } else if (others.length > 0 && options.tagColumn === undefined) {
    const list = tagLike
      .map((t) => `${t.column + 1} (${t.entities} non-O tags in ${rows.length} sampled lines)`)
      .join(', ');
    sink.add({
      line: 0,
      column: 0,
      severity: 'info',
      code: 'I_TAG_COLUMNS',
      message: `several columns look like tags: ${list}; reading column ${tagColumn + 1}`,
      hint: `choose another with --tag-column N`,
    });
  }
  return others.map((t) => t.column);
}

function lineEndings(
  text: string,
  lineStarts: Uint32Array,
  sink: DiagnosticSink,
): Pick<Dialect, 'lineEnding'> {
  const newlines = lineStarts.length - (text.endsWith('\n') ? 0 : 1);
  if (newlines <= 0) return { lineEnding: 'none' };
  let crlf = 0;
  if (text.includes('\r')) {
    for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) crlf += 1;
  }
  if (crlf === 0) return { lineEnding: 'lf' };
  if (crlf === newlines) return { lineEnding: 'crlf' };
  sink.add({
    line: 0,
    column: 0,
    severity: 'info',
    code: 'I_MIXED_LINE_ENDINGS',
    message: `${crlf} lines end in CRLF and ${newlines - crlf} in LF; each is kept as it is`,
  });
  return { lineEnding: 'mixed' };
}
