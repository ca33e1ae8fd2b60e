/**
 * Characters of text per 'text' message: 1M (2 MB as UTF-16) takes the page ~3 ms to receive.
 * 4M took 8–23 ms of CPU, which a loaded 2-core machine stretched to 60–120 ms.
 */
export const TEXT_PART = 1_000_000;

/**
 * The text in parts of at most `max` characters that, joined, are `text`. From a UTF-8 file,
 * each part is decoded again from its own stretch of bytes (cut after a newline): a stretch of
 * Latin-1 then becomes a string of one byte per character, where a slice of `text` is two
 * bytes per character as soon as the file holds one emoji or curly quote anywhere (the page
 * held 196 MB of text for a 98 MB file). A part that does not equal its slice of `text` (the
 * parse mended or refused the bytes) ends this; the rest are slices.
 */
export function* textParts(
  text: string,
  bytes: Uint8Array,
  utf8: boolean,
  max = TEXT_PART,
): Generator<string> {
  let at = 0;
  if (utf8) {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    for (let from = 0; from < bytes.length && at < text.length;) {
      // a UTF-8 character has at least one byte: `max` bytes hold at most `max` characters
      let to = Math.min(bytes.length, from + max);
      const nl = to < bytes.length ? bytes.lastIndexOf(0x0a, to - 1) : to - 1;
      if (nl < from) break; // a line longer than a part: cut the text instead
      to = nl + 1;
      let part: string;
      try {
        part = decoder.decode(bytes.subarray(from, to));
      } catch {
        break;
      }
      if (part.length === 0 || part !== text.slice(at, at + part.length)) break;
      yield part;
      at += part.length;
      from = to;
    }
  }
  for (; at < text.length; at += max) yield text.slice(at, at + max);
}
