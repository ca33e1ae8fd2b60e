import type { DiagnosticList } from './diagnostics';
import { isObject, own, readJsonRecords } from './json';
import { docIndex, rawTokens, RecordCollector, type ReadRecords } from './records';
import type { ExportSentence } from './sentences';
import type { RawSpan } from './spans';

/**
 * Reads Prodigy / spaCy JSONL: `{"text", "tokens": [{"text", "start", "end", "id", "ws"}],
 * "spans": [{"start", "end", "token_start", "token_end", "label"}]}` (token_end inclusive).
 * The record's tokens are used as they are; records answered "reject" or "ignore" are skipped.
 */
export function readProdigy(text: string, diags: DiagnosticList): ReadRecords {
  const c = new RecordCollector(diags);
  for (const v of readJsonRecords(text, diags)) {
    c.read += 1;
    if (!isObject(v.value)) {
      c.skip(v, 'not a JSON object');
      continue;
    }
    const o = v.value;
    const body = own(o, 'text');
    if (typeof body !== 'string') {
      c.skip(v, `no "text" string (found ${body === undefined ? 'none' : typeof body})`);
      continue;
    }
    const answer = own(o, 'answer');
    if (answer === 'reject' || answer === 'ignore') {
      c.skip(v, `answered "${answer}" in Prodigy`, true);
      continue;
    }
    const spans: RawSpan[] = [];
    const list = own(o, 'spans');
    if (list !== undefined && !Array.isArray(list)) c.badShape(v, '"spans"', 'is not a list');
    if (Array.isArray(list)) {
      list.forEach((e: unknown, i) => {
        const where = `spans[${i}]`;
        if (!isObject(e)) {
          c.badShape(v, where, 'is not a span object');
          return;
        }
        const covered = own(e, 'text');
        spans.push({
          start: own(e, 'start'),
          end: own(e, 'end'),
          label: own(e, 'label'),
          line: v.line,
          where,
          tokenStart: own(e, 'token_start'),
          tokenEnd: own(e, 'token_end'),
          ...(covered !== undefined ? { text: covered } : {}),
        });
      });
    }
    const tokens = rawTokens(own(o, 'tokens'));
    const meta = own(o, 'meta');
    const doc = isObject(meta) ? docIndex(own(meta, 'doc')) : undefined;
    c.records.push({
      index: v.index,
      line: v.line,
      text: body,
      spans,
      ...(tokens ? { tokens } : {}),
      ...(doc !== undefined ? { doc } : {}),
    });
  }
  return c.finish();
}

/**
 * Writes Prodigy JSONL: one `{"text", "tokens", "spans", "meta": {"doc"}}` object per sentence;
 * tokens carry `ws` (a space follows), spans `token_end` inclusive.
 */
export function writeProdigy(sentences: readonly ExportSentence[]): string {
  return sentences
    .map(
      (s) =>
        JSON.stringify({
          text: s.text,
          tokens: s.tokens.map((t, k) => ({
            text: t,
            start: s.starts[k],
            end: s.ends[k],
            id: k,
            ws: k + 1 < s.tokens.length,
          })),
          spans: s.entities.map((e) => ({
            start: e.start,
            end: e.end,
            token_start: e.tokenStart,
            token_end: e.tokenEnd - 1,
            label: e.label,
          })),
          meta: { doc: s.doc },
        }) + '\n',
    )
    .join('');
}
