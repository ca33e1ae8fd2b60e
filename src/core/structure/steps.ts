/**
 * Structural edits as data: plain JSON objects that carry what they need to be applied, to be
 * refused when the document no longer matches (stale), and to be inverted exactly.
 */

/** Splits one token in two lines; inverse of `MergeTokensStep` (same fields, swapped). */
export interface SplitTokenStep {
  readonly type: 'splitToken';
  readonly sentence: number;
  /** Token index in the sentence. */
  readonly token: number;
  /** UTF-16 offset inside the token text: parts are text.slice(0, at) and text.slice(at). */
  readonly at: number;
  /** The token text before the split. */
  readonly text: string;
  /** The second part's line as it is written, without its line ending. */
  readonly line: string;
  /** The line ending written between the two lines. */
  readonly eol: string;
  /** The sentence's current tags before (n) and after (n + 1). */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** The file's tag of the token before ([t]) and of the two parts after ([t1, t2]). */
  readonly originalBefore: readonly string[];
  readonly originalAfter: readonly string[];
}

/** Merges token `token` and `token + 1` (two adjacent lines) into one line. */
export interface MergeTokensStep {
  readonly type: 'mergeTokens';
  readonly sentence: number;
  readonly token: number;
  /** Length of the first token's text. */
  readonly at: number;
  /** The merged token text (first + second). */
  readonly text: string;
  /** The second token's line, removed, without its line ending. */
  readonly line: string;
  /** The first line's ending, removed. */
  readonly eol: string;
  /** Current tags before (n) and after (n - 1). */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** File tags of the two tokens before ([t1, t2]) and of the merged token after ([t]). */
  readonly originalBefore: readonly string[];
  readonly originalAfter: readonly string[];
}

/** Inserts a sentence break before token `token`; inverse of `JoinSentencesStep`. */
export interface SplitSentenceStep {
  readonly type: 'splitSentence';
  readonly sentence: number;
  /** The new sentence starts at this token (0 < token < length). */
  readonly token: number;
  /** Id of the new (second) sentence. */
  readonly id: number;
  /** The lines inserted, each with its line ending (a blank line, or `</s>` and `<s>`). */
  readonly breakLines: string;
  /** Current tags of the sentence before, and of the two sentences after, concatenated. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** Joins sentence `sentence` and `sentence + 1`, removing the break lines between them. */
export interface JoinSentencesStep {
  readonly type: 'joinSentences';
  readonly sentence: number;
  /** Length of the first sentence (where the second one starts in the joined one). */
  readonly token: number;
  /** Id of the second sentence, which goes away. */
  readonly id: number;
  /** The lines removed, each with its line ending. */
  readonly breakLines: string;
  /** Current tags of both sentences before (concatenated) and of the joined sentence after. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** A structural edit: it changes the file's text, not only tags. */
export type StructureStep =
  SplitTokenStep | MergeTokensStep | SplitSentenceStep | JoinSentencesStep;

/** Why a structural edit cannot apply. */
export type StructureError =
  | 'no-such-sentence'
  | 'out-of-range'
  | 'quarantined'
  | 'stale'
  | 'document-break-between'
  | 'comment-between'
  | 'bad-split-point'
  | 'bad-merge'
  | 'unsupported-line'
  | 'changes-layout'
  | 'unwritable-tag';

const TYPES: ReadonlySet<string> = new Set([
  'splitToken',
  'mergeTokens',
  'splitSentence',
  'joinSentences',
]);

/** True when a logged step is a structural one (as opposed to a `setTags` step). */
export function isStructureStep(step: { readonly type: string }): step is StructureStep {
  return TYPES.has(step.type);
}

/** The step that undoes `step` (applying both gives back an equal document). */
export function invertStructure(step: StructureStep): StructureStep {
  switch (step.type) {
    case 'splitToken':
      return {
        ...step,
        type: 'mergeTokens',
        before: step.after,
        after: step.before,
        originalBefore: step.originalAfter,
        originalAfter: step.originalBefore,
      };
    case 'mergeTokens':
      return {
        ...step,
        type: 'splitToken',
        before: step.after,
        after: step.before,
        originalBefore: step.originalAfter,
        originalAfter: step.originalBefore,
      };
    case 'splitSentence':
      return { ...step, type: 'joinSentences', before: step.after, after: step.before };
    case 'joinSentences':
      return { ...step, type: 'splitSentence', before: step.after, after: step.before };
  }
}

/**
 * How sentence indices move: old index i > `at` becomes i + `delta`; `at` stays (after a join,
 * old `at + 1` is part of `at`). Token edits move nothing.
 */
export function sentenceShift(step: StructureStep): {
  readonly at: number;
  readonly delta: -1 | 0 | 1;
} {
  switch (step.type) {
    case 'splitSentence':
      return { at: step.sentence, delta: 1 };
    case 'joinSentences':
      return { at: step.sentence, delta: -1 };
    default:
      return { at: step.sentence, delta: 0 };
  }
}

/** One line for history and the UI, e.g. `Split token “end-to-end” at 3`. */
export function describeStructure(step: StructureStep): string {
  switch (step.type) {
    case 'splitToken':
      return `Split token “${step.text}” at ${step.at}`;
    case 'mergeTokens':
      return `Merge tokens “${step.text.slice(0, step.at)}” and “${step.text.slice(step.at)}”`;
    case 'splitSentence':
      return `Split sentence ${step.sentence + 1} before token ${step.token + 1}`;
    case 'joinSentences':
      return `Join sentences ${step.sentence + 1} and ${step.sentence + 2}`;
  }
}
