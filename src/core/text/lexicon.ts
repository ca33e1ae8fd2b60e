// Word lists and character classes shared by the word and sentence passes.

/** Characters that separate tokens: JS whitespace, C0/C1 controls, and ZERO WIDTH SPACE. */
export const SEPARATOR = /[\s\p{Cc}\u200B]/u;
/** A maximal run of non-separator characters. */
export const NON_SEPARATOR_RUN = /[^\s\p{Cc}\u200B]+/gu;
/** Unicode mandatory line breaks (CR LF counts once where it is matched as a pair). */
export const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** Same characters one at a time, for same-length replacement. */
export const LINE_BREAK_CHAR = /[\n\r\v\f\u0085\u2028\u2029]/g;

/** Abbreviations that keep their period whatever follows (lowercase, without the period). */
export const ABBREV_ALWAYS: ReadonlySet<string> = new Set([
  'approx',
  'ca',
  'cf',
  'corp',
  'dept',
  'dr',
  'esp',
  'etc',
  'al',
  'inc',
  'jr',
  'ltd',
  'mr',
  'mrs',
  'ms',
  'prof',
  'resp',
  'sr',
  'viz',
  'vs',
]);

/** Abbreviations after which no sentence ends, whatever the next word looks like. */
export const ABBREV_NEVER_FINAL: ReadonlySet<string> = new Set([
  'cf',
  'dr',
  'e.g',
  'i.e',
  'mr',
  'mrs',
  'ms',
  'prof',
  'viz',
  'vs',
]);

/** Words that are abbreviations only before a number (`Fig. 3`, `No. 5`, `pp. 10`). */
export const ABBREV_BEFORE_NUMBER: ReadonlySet<string> = new Set([
  'app',
  'apr',
  'art',
  'aug',
  'ch',
  'chap',
  'dec',
  'ed',
  'eq',
  'eqs',
  'feb',
  'fig',
  'figs',
  'jan',
  'jul',
  'jun',
  'mar',
  'no',
  'nos',
  'nov',
  'nr',
  'oct',
  'p',
  'para',
  'pp',
  'ref',
  'refs',
  'sec',
  'secs',
  'sep',
  'sept',
  'tab',
  'vol',
  'vols',
]);

/** `e.g`, `U.S`, `Ph.D`: letters and inner periods (the final period is not included). */
export const DOTTED_INITIALS = /^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u;

/** Is `word` (without its final period) an abbreviation in any list? */
export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return ABBREV_ALWAYS.has(w) || ABBREV_BEFORE_NUMBER.has(w) || DOTTED_INITIALS.test(word);
}

/** Lowercase words a heading does not end with (a wrapped prose line often does). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for from with as and or nor but so if than that which who ' +
    'whose this these those its their our his her is are was were be been being has have had ' +
    'into over under between about not no can will would should could may might must do does'
  ).split(' '),
);

/** Clitics split off as in the Penn Treebank (`'s`, `'re`, … without the apostrophe). */
export const CLITICS: ReadonlySet<string> = new Set(['s', 're', 've', 'll', 'd', 'm']);

/** Is the UTF-16 unit at `i` an ASCII or typographic apostrophe? */
export function isApostropheAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x27 || c === 0x2019;
}
