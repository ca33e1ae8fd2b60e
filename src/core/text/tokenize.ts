// Raw prose → sentences of tokens, for annotating untagged text (see words.ts, sentences.ts).
import { LINE_BREAK, NON_SEPARATOR_RUN } from './lexicon';
import { sentenceBreaks } from './sentences';
import { wordTokens } from './words';

/** A token: UTF-16 offsets into the text, end exclusive. */
export interface TextToken {
  readonly start: number;
  readonly end: number;
}

/** A sentence: offsets of its first token's start and last token's end, and its tokens. */
export interface TextSentence {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly TextToken[];
}

/**
 * Splits prose into sentences and tokens (words, numbers, punctuation, citation marks),
 * Penn-Treebank-like; `locale` is passed to Intl.Segmenter (an invalid one throws RangeError).
 */
export function tokenizeText(text: string, locale = 'en'): TextSentence[] {
  const tokens = wordTokens(text, locale);
  return groupSentences(tokens, sentenceBreaks(text, tokens, locale));
}

/** One sentence per line that has any non-whitespace; tokens are maximal runs of non-whitespace. */
export function tokenizeWhitespace(text: string): TextSentence[] {
  const tokens: TextToken[] = [];
  for (const m of text.matchAll(NON_SEPARATOR_RUN)) {
    tokens.push({ start: m.index, end: m.index + m[0].length });
  }
  const breaks: number[] = [];
  for (const m of text.matchAll(LINE_BREAK)) breaks.push(m.index + m[0].length);
  return groupSentences(tokens, breaks);
}

/** Writes sentences as CoNLL text: one `token<TAB>O` line per token, a blank line after each sentence (LF). */
export function rawTextToConll(text: string, sentences?: readonly TextSentence[]): string {
  const parts: string[] = [];
  for (const s of sentences ?? tokenizeText(text)) {
    for (const t of s.tokens) parts.push(text.slice(t.start, t.end), '\tO\n');
    parts.push('\n');
  }
  return parts.join('');
}

/** Groups tokens into sentences: a token starting at or after the next break opens a new one. */
function groupSentences(tokens: readonly TextToken[], breaks: readonly number[]): TextSentence[] {
  const out: TextSentence[] = [];
  let current: TextToken[] = [];
  let b = 0;
  for (const t of tokens) {
    let opens = false;
    while (b < breaks.length && (breaks[b] as number) <= t.start) {
      b += 1;
      opens = true;
    }
    if (opens && current.length > 0) {
      out.push(sentence(current));
      current = [];
    }
    current.push(t);
  }
  if (current.length > 0) out.push(sentence(current));
  return out;
}

function sentence(tokens: TextToken[]): TextSentence {
  const first = tokens[0] as TextToken;
  const last = tokens[tokens.length - 1] as TextToken;
  return { start: first.start, end: last.end, tokens };
}
