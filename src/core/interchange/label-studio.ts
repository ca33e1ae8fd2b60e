import type { DiagnosticList } from './diagnostics';
import { isObject, own, readJsonRecords, type JsonObject, type LocatedValue } from './json';
import { docIndex, rawTokens, RecordCollector, type ReadRecords } from './records';
import type { ExportSentence } from './sentences';
import type { RawSpan } from './spans';

/** The text of a task: `data.text`, the field the results point at, or the only string field. */
function taskText(data: JsonObject, results: readonly unknown[]): string | undefined {
  const text = own(data, 'text');
  if (typeof text === 'string') return text;
  for (const r of results) {
    const to = isObject(r) ? own(r, 'to_name') : undefined;
    if (typeof to === 'string' && typeof own(data, to) === 'string') return own(data, to) as string;
  }
  const strings = Object.keys(data).filter((k) => typeof own(data, k) === 'string');
  return strings.length === 1 ? (own(data, strings[0]!) as string) : undefined;
}

/** Picks the annotation to read: the first not cancelled, else the first prediction. */
function pickResults(
  v: LocatedValue,
  task: JsonObject,
  c: RecordCollector,
): { results: unknown[] } | { rejected: string } {
  const anns = own(task, 'annotations') ?? own(task, 'completions');
  const list = Array.isArray(anns) ? anns : [];
  const usable = list.filter((a) => isObject(a) && own(a, 'was_cancelled') !== true);
  if (usable.length > 0) {
    if (list.length > 1) {
      c.ignored(
        v.line,
        v.index,
        `task ${v.index}: ${list.length - 1} other annotation${list.length === 2 ? '' : 's'} ignored; the first one not cancelled is read`,
      );
    }
    const result = own(usable[0] as JsonObject, 'result');
    return { results: Array.isArray(result) ? result : [] };
  }
  const preds = own(task, 'predictions');
  const first = Array.isArray(preds) ? preds.find(isObject) : undefined;
  if (first) {
    c.ignored(
      v.line,
      v.index,
      `task ${v.index}: no annotation${list.length > 0 ? ' that is not cancelled' : ''}; its first prediction is read`,
    );
    const result = own(first, 'result');
    return { results: Array.isArray(result) ? result : [] };
  }
  if (list.length > 0)
    return { rejected: `task ${v.index}: every annotation was cancelled (skipped)` };
  return { results: [] };
}

function spansOf(v: LocatedValue, results: readonly unknown[], c: RecordCollector): RawSpan[] {
  const spans: RawSpan[] = [];
  results.forEach((r, i) => {
    const where = `task ${v.index} result[${i}]`;
    if (!isObject(r)) {
      c.badShape(v, where, 'is not an object');
      return;
    }
    const type = own(r, 'type');
    const value = own(r, 'value');
    if (type !== 'labels') {
      c.ignored(
        v.line,
        v.index,
        `${where}: a result of type ${JSON.stringify(type) ?? 'none'} is not a labelled span; ignored`,
      );
      return;
    }
    if (!isObject(value)) {
      c.badShape(v, where, 'has no "value" object');
      return;
    }
    const labels = own(value, 'labels');
    const label = Array.isArray(labels) && labels.length === 1 ? (labels[0] as unknown) : labels;
    if (Array.isArray(labels) && labels.length !== 1) {
      c.badShape(v, where, `has ${labels.length} labels; a tag holds one`);
      return;
    }
    const text = own(value, 'text');
    spans.push({
      start: own(value, 'start'),
      end: own(value, 'end'),
      label,
      line: v.line,
      where,
      ...(text !== undefined ? { text } : {}),
    });
  });
  return spans;
}

/**
 * Reads Label Studio tasks (a JSON array, one task, or JSONL): text from `data`, spans from the
 * `labels` results of the first annotation not cancelled (else the first prediction).
 */
export function readLabelStudio(text: string, diags: DiagnosticList): ReadRecords {
  const c = new RecordCollector(diags);
  for (const v of readJsonRecords(text, diags)) {
    c.read += 1;
    const task = v.value;
    const data = isObject(task) ? own(task, 'data') : undefined;
    if (!isObject(task) || !isObject(data)) {
      c.skip(v, `task ${v.index}: not a Label Studio task (no "data" object)`);
      continue;
    }
    const picked = pickResults(v, task, c);
    if ('rejected' in picked) {
      c.skip(v, picked.rejected, true);
      continue;
    }
    const body = taskText(data, picked.results);
    if (body === undefined) {
      c.skip(
        v,
        `task ${v.index}: no text in "data" (no "text" string, and not exactly one string field)`,
      );
      continue;
    }
    const tokens = rawTokens(own(data, 'tokens'));
    const doc = docIndex(own(data, 'doc'));
    c.records.push({
      index: v.index,
      line: v.line,
      text: body,
      spans: spansOf(v, picked.results, c),
      ...(tokens ? { tokens } : {}),
      ...(doc !== undefined ? { doc } : {}),
    });
  }
  return c.finish();
}

/**
 * Writes Label Studio tasks: a JSON array, one task per line, `data` holding `text`, `tokens`
 * (`[[start, end], …]`) and `doc`; result ids `s<sentence>e<entity>`.
 */
export function writeLabelStudio(sentences: readonly ExportSentence[]): string {
  if (sentences.length === 0) return '[]\n';
  const tasks = sentences.map((s) =>
    JSON.stringify({
      data: { text: s.text, tokens: s.starts.map((a, k) => [a, s.ends[k]]), doc: s.doc },
      annotations: [
        {
          result: s.entities.map((e, k) => ({
            id: `s${s.index}e${k}`,
            from_name: 'label',
            to_name: 'text',
            type: 'labels',
            value: {
              start: e.start,
              end: e.end,
              text: s.tokens.slice(e.tokenStart, e.tokenEnd).join(' '),
              labels: [e.label],
            },
          })),
        },
      ],
    }),
  );
  return `[\n${tasks.join(',\n')}\n]\n`;
}
