import { looksLikeTag } from '../scheme/tags';

/**
 * True when a text reads as prose rather than a token-per-line corpus: most of its first lines
 * hold many words and do not end in something tag-like. Used to offer raw-text annotation when
 * a plain `.txt` is opened (a CoNLL file with a few long lines is still CoNLL).
 */
export function looksLikeProse(text: string): boolean {
  let lines = 0;
  let tagged = 0;
  let words = 0;
  let at = 0;
  while (at < text.length && lines < 500) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl).trim();
    at = nl < 0 ? text.length : nl + 1;
    if (line === '' || line === '<s>' || line === '</s>' || line.startsWith('-DOCSTART-')) continue;
    lines += 1;
    const fields = line.split(/\s+/);
    words += fields.length;
    if (fields.length > 1 && looksLikeTag(fields[fields.length - 1] as string)) tagged += 1;
  }
  return lines > 0 && tagged / lines < 0.5 && words / lines > 4;
}
