import type { CorpusDocument } from '../model/document';

/** One document of the corpus under analysis; evidence-only documents inform but are never flagged. */
export interface ConsistencySource {
  readonly name: string;
  readonly doc: CorpusDocument;
  readonly evidenceOnly: boolean;
}

/** Tuning of the analysis; every field has a default. */
export interface ConsistencyOptions {
  /**
   * Longest entity, in tokens, whose words become a key (default 8). Longer entities are
   * skipped: they rarely recur verbatim, and every key costs a scan of its occurrences.
   */
  readonly maxLength?: number;
  /**
   * Compare words folded (lower case, simple English plural "s" dropped; see `foldWord`):
   * the default. False compares exact, case-sensitive token text.
   */
  readonly fold?: boolean;
}

/** An entity inside the words of a finding, in token offsets relative to the first word. */
export interface VariantChunk {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * How one occurrence of the words is labelled, relative to the words [0, n): entity chunks
 * inside (for a crossing variant: the parts of the entities that lie inside the words), and
 * whether an entity crosses the edges.
 */
export interface Variant {
  /** Stable across runs: "Protocol", "O", "[1,2)Protocol", "inside:Protocol", "cross:<[0,1)X". */
  readonly id: string;
  /** Human text: "Protocol", "no entity", "only “QUIC” as Protocol", "inside a longer Protocol". */
  readonly label: string;
  readonly chunks: readonly VariantChunk[];
  readonly crossing: boolean;
  readonly count: number;
}

/** One place where the words occur. */
export interface Occurrence {
  /** Index into the sources given to the analysis. */
  readonly source: number;
  /** Sentence index in that source's document, and the token range [start, end) in it. */
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  /** Index into the finding's variants. */
  readonly variant: number;
  /** True when it disagrees with the suggested variant and may be edited (not evidence-only, not crossing). */
  readonly flagged: boolean;
  /** 1-based file line of the first token, and its 1-based column in code points. */
  readonly line: number;
  readonly column: number;
}

/** Words labelled in more than one way across the corpus. */
export interface Finding {
  /**
   * Stable: the JSON of the words as compared (folded, e.g. ["network"], unless folding is off),
   * so it does not depend on which form of them is shown.
   */
  readonly id: string;
  readonly kind: 'type' | 'boundary';
  readonly code: 'W_INCONSISTENT_TYPE' | 'W_INCONSISTENT_BOUNDARY';
  /** The words as shown: each one's most frequent form in the corpus (see CorpusTable.display). */
  readonly words: readonly string[];
  /** True when words were compared folded (see foldWord): applyVariant checks them the same way. */
  readonly folded: boolean;
  /** Most frequent first. */
  readonly variants: readonly Variant[];
  /** In corpus order: source, sentence, start. */
  readonly occurrences: readonly Occurrence[];
  /** Index into variants: the majority (context-weighted) labelling, never a crossing one. */
  readonly suggested: number;
  /** In [0, 1]: how likely the flagged occurrences are errors (see scoreFinding). */
  readonly score: number;
  /** Occurrences that do not cross an entity edge: the ones that compete for the labelling. */
  readonly considered: number;
  readonly message: string;
}
