// Spans to token ranges, and sentence breaks that never cut an entity.
import type { Chunk } from '../scheme/chunks';
import type { Prepared } from './build';
import type { DiagnosticList } from './diagnostics';
import { describeSpan, show } from './spans';
import type { TokenList } from './tokens';

const PARAGRAPH = /\n[ \t\r\f\v]*\n/;

/** The token holding a UTF-16 offset, as text for messages. */
function around(text: string, t: TokenList, offset: number): string {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = t.starts[lo];
  const e = t.ends[lo];
  if (s === undefined || e === undefined || offset < s || offset > e) return 'between tokens';
  return `inside the token ${show(text.slice(s, e))}`;
}

interface Aligned {
  readonly chunks: Chunk[];
  readonly leftOut: number;
}

/** Maps kept spans to token ranges; a span off token boundaries is reported and left out. */
export function align(
  p: Prepared,
  t: TokenList,
  blank: readonly boolean[],
  diags: DiagnosticList,
): Aligned {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  t.starts.forEach((s, k) => byStart.set(s, k));
  t.ends.forEach((e, k) => byEnd.set(e, k + 1));
  const chunks: Chunk[] = [];
  let leftOut = 0;
  const text = p.raw.text;
  p.spans.forEach((s, i) => {
    if (!s.labelOk || p.overlaps[i]) return;
    const a = byStart.get(s.start);
    const b = byEnd.get(s.end);
    let why: string | null = null;
    if (a === undefined) why = `starts ${around(text, t, s.start)}`;
    else if (b === undefined) why = `ends ${around(text, t, s.end)}`;
    else if (blank[a] || blank[b - 1]) why = 'starts or ends on a whitespace-only token';
    else if (p.given && (s.raw.tokenStart !== undefined || s.raw.tokenEnd !== undefined)) {
      if (s.raw.tokenStart !== a || s.raw.tokenEnd !== b - 1) {
        why = `its token_start/token_end ${show(s.raw.tokenStart)}, ${show(s.raw.tokenEnd)} disagree with its character offsets (tokens ${a} to ${b - 1})`;
      }
    }
    if (why !== null) {
      leftOut += 1;
      diags.add({
        line: s.raw.line,
        record: p.raw.index,
        severity: 'warning',
        code: why.startsWith('its token_') ? 'W_SPAN_TOKENS' : 'W_SPAN_MISALIGNED',
        message: `${describeSpan(s.raw)}: ${why}; span left out (never shifted to fit)`,
      });
      return;
    }
    chunks.push({ start: a!, end: b!, type: s.label });
  });
  chunks.sort((x, y) => x.start - y.start);
  return { chunks, leftOut };
}

/** Sentence (and, for brat, paragraph) breaks as token indices, never inside an entity. */
export function breaksOf(
  p: Prepared,
  t: TokenList,
  chunks: readonly Chunk[],
): { sentences: number[]; paragraphs: Set<number> } {
  const inside = new Uint8Array(t.starts.length + 1);
  for (const c of chunks) for (let k = c.start + 1; k < c.end; k++) inside[k] = 1;
  const cand = new Set<number>(p.raw.doc !== undefined ? [] : t.sentenceStarts);
  const paragraphs = new Set<number>();
  if (p.raw.lineBreaks) {
    for (let k = 1; k < t.starts.length; k++) {
      const gap = p.raw.text.slice(t.ends[k - 1], t.starts[k]);
      if (gap.includes('\n')) cand.add(k);
      if (PARAGRAPH.test(gap) && !inside[k]) paragraphs.add(k);
    }
  }
  const sentences = [...cand].filter((k) => k > 0 && !inside[k]).sort((a, b) => a - b);
  return { sentences, paragraphs };
}
