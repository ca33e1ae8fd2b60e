import type { RawSpan } from './spans';
import type { DiagnosticList } from './diagnostics';
import { isObject, own, readJsonLines, type LocatedValue } from './json';
import { docIndex, objectSpan, rawTokens, RecordCollector, type ReadRecords } from './records';
import type { ExportSentence } from './sentences';

const SPAN_KEYS = ['label', 'labels', 'entities'] as const;

function spansOf(v: LocatedValue, o: object, c: RecordCollector): RawSpan[] {
  const rec = o as Record<string, unknown>;
  const present = SPAN_KEYS.filter((k) => own(rec, k) !== undefined);
  const key = present[0];
  if (key === undefined) return [];
  if (present.length > 1) {
    c.ignored(
      v.line,
      v.index,
      `"${present.slice(1).join('", "')}" ignored: spans read from "${key}"`,
    );
  }
  const list = own(rec, key);
  if (!Array.isArray(list)) {
    c.badShape(v, `"${key}"`, 'is not a list of spans');
    return [];
  }
  const spans: RawSpan[] = [];
  list.forEach((e: unknown, i) => {
    const where = `${key}[${i}]`;
    if (Array.isArray(e) && e.length === 3) {
      spans.push({ start: e[0], end: e[1], label: e[2], line: v.line, where });
    } else if (isObject(e)) {
      const old = own(e, 'start_offset') !== undefined;
      spans.push(
        objectSpan(
          e,
          old
            ? { start: 'start_offset', end: 'end_offset', label: 'label' }
            : { start: 'start', end: 'end', label: 'label' },
          v.line,
          where,
        ),
      );
    } else {
      c.badShape(
        v,
        where,
        `${JSON.stringify(e)?.slice(0, 40) ?? String(e)} is not a [start, end, "LABEL"] span`,
      );
    }
  });
  return spans;
}

/**
 * Reads doccano sequence-labelling JSONL: `{"text", "label": [[start, end, "L"], …]}`, also
 * `"labels"`, doccano 1.x `"entities": [{"start_offset", "end_offset", "label"}]`, `"data"`
 * for the text (doccano 1.x export), and retag's own `"tokens"` and `"doc"`.
 */
export function readDoccano(text: string, diags: DiagnosticList): ReadRecords {
  const c = new RecordCollector(diags);
  for (const v of readJsonLines(text, diags)) {
    c.read += 1;
    if (!isObject(v.value)) {
      c.skip(v, 'not a JSON object');
      continue;
    }
    const o = v.value;
    const body = own(o, 'text') ?? own(o, 'data');
    if (typeof body !== 'string') {
      c.skip(v, `no "text" string (found ${body === undefined ? 'none' : typeof body})`);
      continue;
    }
    const tokens = rawTokens(own(o, 'tokens'));
    const doc = docIndex(own(o, 'doc'));
    c.records.push({
      index: v.index,
      line: v.line,
      text: body,
      spans: spansOf(v, o, c),
      ...(tokens ? { tokens } : {}),
      ...(doc !== undefined ? { doc } : {}),
    });
  }
  return c.finish();
}

/** Writes doccano JSONL: one `{"text", "label", "tokens", "doc"}` object per sentence. */
export function writeDoccano(sentences: readonly ExportSentence[]): string {
  return sentences
    .map(
      (s) =>
        JSON.stringify({
          text: s.text,
          label: s.entities.map((e) => [e.start, e.end, e.label]),
          tokens: s.starts.map((a, k) => [a, s.ends[k]]),
          doc: s.doc,
        }) + '\n',
    )
    .join('');
}
