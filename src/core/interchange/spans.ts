import { isWritableTag } from '../scheme/tags';
import type { DiagnosticList } from './diagnostics';
import type { OffsetMap } from './offsets';

/** A span as a format reader found it: fields unchecked, offsets in the tool's unit. */
export interface RawSpan {
  readonly start: unknown;
  readonly end: unknown;
  readonly label: unknown;
  /** 1-based line to report it at (JSONL record, array element, .ann line). */
  readonly line: number;
  /** Where it sits in the record, for messages: `label[2]`, `T3`, `result[0]`. */
  readonly where: string;
  /** The covered text as the tool recorded it, to check against the text (brat, Label Studio). */
  readonly text?: unknown;
  /** Prodigy's token indices (token_end inclusive), to check against the character offsets. */
  readonly tokenStart?: unknown;
  readonly tokenEnd?: unknown;
}

/** A span whose offsets and label passed the checks: UTF-16 offsets, end exclusive. */
export interface CheckedSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  /** False when the label cannot be written into a tag (then it is only used for overlaps). */
  readonly labelOk: boolean;
  readonly raw: RawSpan;
}

/** Shows a label or token in a message: quoted, escaped, shortened. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : String(JSON.stringify(value) ?? String(value));
  const short = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return typeof value === 'string' ? JSON.stringify(short) : short;
}

/** Why a label cannot become a tag's type, or null when it can. */
export function labelProblem(label: unknown): string | null {
  if (typeof label !== 'string') return `label ${show(label)} is not a string`;
  if (label.length === 0) return 'the label is empty';
  if (!isWritableTag(label)) {
    return `label ${show(label)} holds whitespace or a control character, which a tag cannot hold`;
  }
  return null;
}

function offsetProblem(start: unknown, end: unknown, length: number): string | null {
  for (const [name, v] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (typeof v !== 'number') return `${name} ${show(v)} is not a number`;
    if (!Number.isSafeInteger(v)) return `${name} ${v} is not an integer offset`;
    if (v < 0) return `${name} ${v} is negative`;
    if (v > length) return `${name} ${v} is past the end of the text (length ${length})`;
  }
  if ((end as number) <= (start as number)) return `the span is empty or reversed`;
  return null;
}

/** Prefix of every span message: where the span is, its label and offsets as given. */
export function describeSpan(s: RawSpan): string {
  const at =
    typeof s.start === 'number' && typeof s.end === 'number' ? ` [${s.start}, ${s.end})` : '';
  return `${s.where}${typeof s.label === 'string' ? ` ${show(s.label)}` : ''}${at}`;
}

/**
 * Checks raw spans: offsets (integers inside the text, non-empty), label, covered text; drops
 * exact duplicates; returns the spans with usable offsets (in UTF-16). Everything left out or
 * suspicious is reported.
 */
export function checkSpans(
  spans: readonly RawSpan[],
  text: string,
  map: OffsetMap,
  record: number,
  diags: DiagnosticList,
): { spans: CheckedSpan[]; leftOut: number } {
  const out: CheckedSpan[] = [];
  const seen = new Set<string>();
  let leftOut = 0;
  for (const raw of spans) {
    const bad = offsetProblem(raw.start, raw.end, map.length);
    const report = (code: 'W_SPAN_OFFSETS' | 'W_SPAN_LABEL', why: string) =>
      diags.add({
        line: raw.line,
        record,
        severity: 'warning',
        code,
        message: `${describeSpan(raw)}: ${why}; span left out`,
      });
    if (bad) {
      report('W_SPAN_OFFSETS', bad);
      leftOut += 1;
      continue;
    }
    const start = map.toUtf16(raw.start as number);
    const end = map.toUtf16(raw.end as number);
    const labelBad = labelProblem(raw.label);
    if (labelBad) {
      report('W_SPAN_LABEL', labelBad);
      leftOut += 1;
    }
    const label = typeof raw.label === 'string' ? raw.label : '';
    const key = `${start},${end},${label}`;
    if (!labelBad) {
      if (seen.has(key)) {
        diags.add({
          line: raw.line,
          record,
          severity: 'info',
          code: 'I_SPAN_DUPLICATE',
          message: `${describeSpan(raw)}: the same span is given again; read once`,
        });
        continue;
      }
      seen.add(key);
    }
    if (raw.text !== undefined && raw.text !== text.slice(start, end)) {
      diags.add({
        line: raw.line,
        record,
        severity: 'warning',
        code: 'W_SPAN_TEXT',
        message: `${describeSpan(raw)}: its recorded text ${show(raw.text)} differs from the text there, ${show(text.slice(start, end))}; the offsets are used`,
      });
    }
    out.push({ start, end, label, labelOk: labelBad === null, raw });
  }
  return { spans: out, leftOut };
}

/**
 * Marks every span that overlaps another one (sweep over spans sorted by start) and reports it;
 * returns the flags, index-aligned with `spans`. Overlapping spans are all left out: retag does
 * not choose between them.
 */
export function findOverlaps(
  spans: readonly CheckedSpan[],
  record: number,
  diags: DiagnosticList,
): boolean[] {
  const flags = new Array<boolean>(spans.length).fill(false);
  const partner = new Array<number>(spans.length).fill(-1);
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  // In start order, a span overlaps an earlier one iff the furthest-reaching earlier span ends
  // after its start, and a later one iff the next span starts before its end.
  let reach = -1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const s = spans[i]!;
    const next = order[k + 1];
    if (reach >= 0 && spans[reach]!.end > s.start) {
      flags[i] = true;
      partner[i] = reach;
    } else if (next !== undefined && spans[next]!.start < s.end) {
      flags[i] = true;
      partner[i] = next;
    }
    if (reach < 0 || s.end > spans[reach]!.end) reach = i;
  }
  spans.forEach((s, i) => {
    if (!flags[i] || !s.labelOk) return;
    const p = spans[partner[i]!];
    diags.add({
      line: s.raw.line,
      record,
      severity: 'warning',
      code: 'W_SPAN_OVERLAP',
      message: `${describeSpan(s.raw)}: overlaps ${p ? describeSpan(p.raw) : 'another span'}; span left out`,
    });
  });
  return flags;
}
