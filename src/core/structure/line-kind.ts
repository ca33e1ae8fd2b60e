import { Fields, MAX_LINE_LENGTH, trimEndOffset } from '../format/lines';
import type { Dialect } from '../model/document';

/** What one line is, as the parser's main pass decides it. */
export type LineKind = 'break' | 'marker' | 'docstart' | 'comment' | 'bad' | 'token';

/** A line read on its own: its kind and, for token lines, where the token and tag fields sit. */
export interface ReadLine {
  readonly kind: LineKind;
  /** Offsets inside the line string (only for token lines). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly tagStart: number;
  readonly tagEnd: number;
}

const TAG_LIKE_COMMENT = /^(?:O|[BIESLU]-.+)$/;
const fields = new Fields();

/** A line split into its content and its line ending (`\r\n`, `\n`, or none for the last line). */
export function splitEol(line: string): { content: string; eol: string } {
  if (line.endsWith('\r\n')) return { content: line.slice(0, -2), eol: '\r\n' };
  if (line.endsWith('\n')) return { content: line.slice(0, -1), eol: '\n' };
  return { content: line, eol: '' };
}

function kindOnly(kind: LineKind): ReadLine {
  return { kind, tokenStart: 0, tokenEnd: 0, tagStart: 0, tagEnd: 0 };
}

/**
 * Classifies one line exactly as `parse` would (break, `<s>`/`</s>`, -DOCSTART-, comment,
 * malformed, token) and finds the token and tag fields of a token line. `content` excludes the
 * line ending; `first` says the line is line 1 (whose BOM is not part of the line).
 */
export function readLine(
  content: string,
  eol: string,
  first: boolean,
  dialect: Pick<Dialect, 'columns' | 'tagColumn' | 'tokenColumn'>,
): ReadLine {
  let to = content.length;
  // parse drops one CR before the end of a line that has no LF after it (the file's last line).
  if (eol === '' && to > 0 && content.charCodeAt(to - 1) === 13) to -= 1;
  const from = first && content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = trimEndOffset(content, from, to);
  if (end === from) return kindOnly('break');
  if (to - from > MAX_LINE_LENGTH) return kindOnly('bad');
  const c0 = content.charCodeAt(from);
  if (c0 === 60 /* < */ && (end - from === 3 || end - from === 4)) {
    const word = content.slice(from, end);
    if (word === '<s>' || word === '</s>') return kindOnly('marker');
  }
  fields.split(content, from, end);
  const { columns, tagColumn, tokenColumn } = dialect;
  if (
    c0 === 45 /* - */ &&
    (fields.ends[0] as number) - (fields.starts[0] as number) === 10 &&
    content.startsWith('-DOCSTART-', from)
  ) {
    return kindOnly('docstart');
  }
  if (c0 === 35 /* # */) {
    const tagLike =
      fields.count === columns &&
      TAG_LIKE_COMMENT.test(content.slice(fields.starts[tagColumn], fields.ends[tagColumn]));
    if (!tagLike) return kindOnly('comment');
  }
  if (fields.count !== columns) return kindOnly('bad');
  const ks = fields.starts[tokenColumn] as number;
  const ke = fields.ends[tokenColumn] as number;
  const ts = fields.starts[tagColumn] as number;
  const te = trimEndOffset(content, ts, fields.ends[tagColumn] as number);
  if (ke === ks || te === ts) return kindOnly('bad');
  return { kind: 'token', tokenStart: ks, tokenEnd: ke, tagStart: ts, tagEnd: te };
}
