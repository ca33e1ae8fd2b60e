import type { Finding, Occurrence } from './types';

/**
 * Findings in a form that crosses a worker boundary cheaply: every place of every finding in
 * one Int32Array (transferable), the rest of each finding as it is. A 10M-token corpus has
 * about 307,000 places to send (186,000 flagged, the rest examples); as objects they cost the
 * page over a second of receiving and made minor GCs of 100–200 ms there, where an Int32Array
 * is copied in one piece and holds no objects at all. The page turns the places of a finding
 * into objects only when asked (the panel shows one finding's places at a time).
 */
export interface FindingsWire {
  readonly findings: readonly WireFinding[];
  /** `PLACE` numbers per place: see `placeAt`. */
  readonly places: Int32Array;
}

/** A finding without its places: they are `count` places in the wire's array from place `from`. */
export type WireFinding = Omit<Finding, 'occurrences'> & {
  readonly from: number;
  readonly count: number;
};

/** Numbers per place: source, sentence, start, end, variant, flagged (0/1), line, column. */
export const PLACE = 8;

/** Packs findings for a message (their places are copied; the findings are not changed). */
export function packFindings(findings: readonly Finding[]): FindingsWire {
  let total = 0;
  for (const f of findings) total += f.occurrences.length;
  const places = new Int32Array(total * PLACE);
  const out: WireFinding[] = [];
  let at = 0;
  for (const f of findings) {
    const { occurrences, ...rest } = f;
    out.push({ ...rest, from: at, count: occurrences.length });
    for (const o of occurrences) {
      const k = at * PLACE;
      places[k] = o.source;
      places[k + 1] = o.sentence;
      places[k + 2] = o.start;
      places[k + 3] = o.end;
      places[k + 4] = o.variant;
      places[k + 5] = o.flagged ? 1 : 0;
      places[k + 6] = o.line;
      places[k + 7] = o.column;
      at++;
    }
  }
  return { findings: out, places };
}

/** Place `i` of a wire's array, as an object. */
function placeAt(places: Int32Array, i: number): Occurrence {
  const k = i * PLACE;
  return {
    source: places[k] as number,
    sentence: places[k + 1] as number,
    start: places[k + 2] as number,
    end: places[k + 3] as number,
    variant: places[k + 4] as number,
    flagged: places[k + 5] === 1,
    line: places[k + 6] as number,
    column: places[k + 7] as number,
  };
}

/** A received finding: its places stay packed until `occurrences` is first read. */
class PackedFinding implements Finding {
  readonly id: string;
  readonly kind: Finding['kind'];
  readonly code: Finding['code'];
  readonly words: Finding['words'];
  readonly folded: boolean;
  readonly variants: Finding['variants'];
  readonly suggested: number;
  readonly score: number;
  readonly considered: number;
  readonly message: string;
  /** The places, `PLACE` numbers each (a view of the wire's array). */
  readonly places: Int32Array;
  #occurrences: readonly Occurrence[] | null = null;

  constructor(w: WireFinding, places: Int32Array) {
    this.id = w.id;
    this.kind = w.kind;
    this.code = w.code;
    this.words = w.words;
    this.folded = w.folded;
    this.variants = w.variants;
    this.suggested = w.suggested;
    this.score = w.score;
    this.considered = w.considered;
    this.message = w.message;
    this.places = places.subarray(w.from * PLACE, (w.from + w.count) * PLACE);
  }

  get occurrences(): readonly Occurrence[] {
    if (!this.#occurrences) {
      const n = this.places.length / PLACE;
      const out = new Array<Occurrence>(n);
      for (let i = 0; i < n; i++) out[i] = placeAt(this.places, i);
      this.#occurrences = out;
    }
    return this.#occurrences;
  }
}

/** The findings of a wire, in its order (each equal to the finding that was packed). */
export function unpackFindings(w: FindingsWire): Finding[] {
  return w.findings.map((f) => new PackedFinding(f, w.places));
}

/**
 * Calls `fn` with the sentence of each flagged place of `source` in a finding, in order,
 * without turning packed places into objects.
 */
export function forEachFlagged(f: Finding, source: number, fn: (sentence: number) => void): void {
  if (f instanceof PackedFinding) {
    const p = f.places;
    for (let k = 0; k < p.length; k += PLACE)
      if (p[k] === source && p[k + 5] === 1) fn(p[k + 1] as number);
    return;
  }
  for (const o of f.occurrences) if (o.source === source && o.flagged) fn(o.sentence);
}

/** Number of flagged places of `source` in a finding. */
export function flaggedCount(f: Finding, source: number): number {
  let n = 0;
  forEachFlagged(f, source, () => n++);
  return n;
}
