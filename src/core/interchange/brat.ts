import type { DiagnosticList } from './diagnostics';
import { offsetMap } from './offsets';
import { RecordCollector, type ReadRecords } from './records';
import type { ExportSentence } from './sentences';
import type { RawSpan } from './spans';

const KINDS: Readonly<Record<string, string>> = {
  R: 'relation',
  E: 'event',
  '*': 'equivalence',
  A: 'attribute',
  M: 'attribute',
  N: 'normalization',
  '#': 'note',
};

function offset(s: string): unknown {
  return /^[0-9]+$/.test(s) ? Number(s) : s;
}

/** Ids of text-bound annotations that are event triggers (`E1<TAB>Type:T5 Theme:T3`). */
function triggers(lines: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const m = /^E\S*\t[^:\s]+:(\S+)/.exec(line);
    if (m) ids.add(m[1]!);
  }
  return ids;
}

/**
 * Reads brat standoff: the .txt is one record; each `T` line of the .ann is a span. Discontinuous
 * spans, event triggers, relations, events, attributes and notes are reported and left out of
 * the tags. Every line break of the text ends a sentence and every blank line a document.
 */
export function readBrat(txt: string, ann: string, diags: DiagnosticList): ReadRecords {
  const c = new RecordCollector(diags);
  c.read = 1;
  const lines = ann.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const trig = triggers(lines);
  const spans: RawSpan[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (/^[ \t]*$/.test(line)) return;
    const tab = line.indexOf('\t');
    const id = tab < 0 ? line : line.slice(0, tab);
    const kind = KINDS[line[0] === 'A' || line[0] === 'M' ? line[0] : (line[0] ?? '')];
    if (line.startsWith('T') && tab > 0) {
      const rest = line.slice(tab + 1);
      const tab2 = rest.indexOf('\t');
      const head = tab2 < 0 ? rest : rest.slice(0, tab2);
      const covered = tab2 < 0 ? undefined : rest.slice(tab2 + 1);
      const space = head.indexOf(' ');
      const label = space < 0 ? head : head.slice(0, space);
      const frags = space < 0 ? [] : head.slice(space + 1).split(';');
      const where = `${id}`;
      if (trig.has(id)) {
        c.spans += 1;
        c.ignored(
          n,
          0,
          `${id} ${JSON.stringify(label)} is an event trigger; left out of the entity tags`,
        );
        return;
      }
      /** A span that cannot be read as one: counted, reported at its line, left out. */
      const leaveOut = (code: 'W_SPAN_DISCONTINUOUS' | 'W_SPAN_SHAPE', message: string) => {
        c.spans += 1;
        c.leftOut += 1;
        diags.add({ line: n, column: 1, record: 0, severity: 'warning', code, message });
      };
      if (frags.length > 1) {
        leaveOut(
          'W_SPAN_DISCONTINUOUS',
          `${id} ${JSON.stringify(label)} has ${frags.length} fragments (${head.slice(space + 1)}); a tag sequence holds contiguous spans only; span left out`,
        );
        return;
      }
      const [s, e, extra] = (frags[0] ?? '').split(' ');
      if (s === undefined || e === undefined || extra !== undefined) {
        leaveOut(
          'W_SPAN_SHAPE',
          `${id}: expected "TYPE START END" after the id, found ${JSON.stringify(head)}; span left out`,
        );
        return;
      }
      spans.push({
        start: offset(s),
        end: offset(e),
        label,
        line: n,
        where,
        ...(covered !== undefined ? { text: covered } : {}),
      });
      return;
    }
    if (kind !== undefined && (line[0] === '#' || tab > 0)) {
      c.ignored(n, 0, `${id}: ${kind} ignored (the tags hold entities only)`);
      return;
    }
    diags.add({
      line: n,
      column: 1,
      record: 0,
      severity: 'warning',
      code: 'W_BRAT_LINE',
      message: `not a brat annotation line (T, R, E, A, M, N, * or #, then a TAB); ignored`,
    });
  });
  c.records.push({ index: 0, line: 0, text: txt, spans, lineBreaks: true });
  return c.finish();
}

/**
 * Writes brat standoff: the .txt holds one sentence per line (tokens joined by single spaces, a
 * blank line between documents); the .ann one `T<n><TAB>LABEL START END<TAB>text` per entity,
 * offsets in code points. Expects sentences with UTF-16 offsets.
 */
export function writeBrat(sentences: readonly ExportSentence[]): { txt: string; ann: string } {
  const parts: string[] = [];
  const entities: { label: string; start: number; end: number; text: string }[] = [];
  let at = 0; // UTF-16 offset of the sentence in the .txt
  sentences.forEach((s, i) => {
    if (i > 0 && s.doc !== sentences[i - 1]!.doc) {
      parts.push('\n');
      at += 1;
    }
    for (const e of s.entities) {
      const text = s.text.slice(e.start, e.end);
      entities.push({ label: e.label, start: at + e.start, end: at + e.end, text });
    }
    parts.push(s.text, '\n');
    at += s.text.length + 1;
  });
  const txt = parts.join('');
  const cp = offsetMap(txt, 'codepoints');
  const ann = entities
    .map(
      (e, k) =>
        `T${k + 1}\t${e.label} ${cp.fromUtf16(e.start)} ${cp.fromUtf16(e.end)}\t${e.text}\n`,
    )
    .join('');
  return { txt, ann };
}
