import type { Diagnostic } from '../diagnostics';

/**
 * Files larger than this are refused: a V8 string (Chrome, Edge, Node) holds at most 2^29-24
 * characters, and a file decodes to at most one UTF-16 code unit per byte, so any file up to
 * this size fits in one string. (512 MiB would be 24 bytes too many.)
 */
export const MAX_FILE_BYTES = 2 ** 29 - 24;

/** The limit in words, for messages: "536,870,888 bytes (512 MiB)". */
export const MAX_FILE_SIZE_TEXT = `${MAX_FILE_BYTES.toLocaleString('en')} bytes (512 MiB)`;

/**
 * Why a file of `size` bytes cannot be opened, or null when it can. Decides on the size alone,
 * so callers can refuse a file before reading it (`File.size`), with a message naming the limit.
 */
export function fileSizeRefusal(size: number): string | null {
  if (size <= MAX_FILE_BYTES) return null;
  return `file is ${size.toLocaleString('en')} bytes; the limit is ${MAX_FILE_SIZE_TEXT}, the longest text a browser can hold as one string`;
}

/** Encodings retag reads. UTF-8 is the default; windows-1252 is the usual "reopen as" choice. */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/** How many leading bytes are searched for NUL to tell a binary file from text. */
export const BINARY_SNIFF_BYTES = 8192;

/**
 * Original bytes for a stretch of the decoded text that did not decode cleanly. Serialization
 * writes these bytes instead of the text, so an undecodable line is written back unchanged.
 */
export interface RawPatch {
  /** Start offset in the decoded text (UTF-16 code units). */
  readonly start: number;
  /** End offset in the decoded text, exclusive. */
  readonly end: number;
  readonly bytes: Uint8Array;
  /**
   * Set only on the zero-length patch at offset 0 that marks a document read in another
   * encoding than UTF-8: serialization then encodes the whole text in that encoding.
   */
  readonly encoding?: TextEncodingName;
}

/** Result of turning file bytes into text without losing any byte. */
export interface Decoded {
  /** The text; a leading BOM is kept as U+FEFF so that encoding the text gives the bytes back. */
  readonly text: string;
  readonly patches: readonly RawPatch[];
  /** 1-based numbers of the lines that hold undecodable bytes (their sentences are quarantined). */
  readonly badLines: ReadonlySet<number>;
  /** True when the bytes are not text at all (NUL bytes, or too large): nothing should be parsed. */
  readonly refused: boolean;
  readonly diagnostics: Diagnostic[];
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// windows-1252 as the WHATWG Encoding Standard defines it: every byte is one character (the five
// bytes cp1252 leaves undefined map to C1 controls), so decoding never fails or loses a byte.
const cp1252Decoder = new TextDecoder('windows-1252');

/**
 * Decodes file bytes (UTF-8 unless told otherwise); undecodable UTF-8 lines become patches with
 * E_ENCODING diagnostics. Refuses binary and too-large files. Never throws.
 */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName = 'utf-8'): Decoded {
  const tooLarge = fileSizeRefusal(bytes.length);
  if (tooLarge !== null) {
    return refuse(bytes, {
      line: 0,
      column: 0,
      severity: 'error',
      code: 'E_FILE_TOO_LARGE',
      message: tooLarge,
      expected: `at most ${MAX_FILE_SIZE_TEXT}`,
      found: `${bytes.length.toLocaleString('en')} bytes`,
      hint: 'split the corpus into smaller files',
    });
  }
  const sniff = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < sniff; i++) {
    if (bytes[i] === 0) {
      return refuse(bytes, {
        line: 0,
        column: 0,
        severity: 'error',
        code: 'E_BINARY',
        message: `not a text file: NUL byte at offset ${i}`,
        byteOffset: i,
        hint: 'open a CoNLL-style text file (one token per line)',
      });
    }
  }
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return {
      text: fatalDecoder.decode(bytes),
      patches: [],
      badLines: new Set(),
      refused: false,
      diagnostics: [],
    };
  } catch {
    return decodeLineByLine(bytes);
  }
}

function refuse(bytes: Uint8Array, d: Diagnostic): Decoded {
  return {
    text: '',
    patches: [{ start: 0, end: 0, bytes }],
    badLines: new Set(),
    refused: true,
    diagnostics: [d],
  };
}

/** Slow path, only for files with invalid UTF-8: decodes clean stretches fast, bad lines lossily. */
function decodeLineByLine(bytes: Uint8Array): Decoded {
  const parts: string[] = [];
  const patches: RawPatch[] = [];
  const badLines = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  let textLength = 0;
  let cleanFrom = 0;
  let lineStart = 0;
  let line = 1;
  while (lineStart < bytes.length) {
    const nl = bytes.indexOf(0x0a, lineStart);
    const lineEnd = nl < 0 ? bytes.length : nl + 1;
    const bad = firstInvalidUtf8(bytes, lineStart, lineEnd);
    if (bad >= 0) {
      if (cleanFrom < lineStart) {
        const clean = fatalDecoder.decode(bytes.subarray(cleanFrom, lineStart));
        parts.push(clean);
        textLength += clean.length;
      }
      const raw = bytes.subarray(lineStart, lineEnd);
      const shown = showUndecodable(bytes, lineStart, lineEnd, bad);
      patches.push({ start: textLength, end: textLength + shown.length, bytes: raw.slice() });
      parts.push(shown);
      textLength += shown.length;
      badLines.add(line);
      const prefix = fatalDecoder.decode(bytes.subarray(lineStart, bad));
      diagnostics.push({
        line,
        column: codePointLength(prefix) + 1,
        severity: 'error',
        code: 'E_ENCODING',
        message: `byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} is not valid UTF-8`,
        expected: 'UTF-8',
        found: `0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`,
        byteOffset: bad,
        hint: 'the file may be in windows-1252 or latin-1; convert it to UTF-8 (e.g. iconv -f cp1252 -t utf-8)',
      });
      cleanFrom = lineEnd;
    }
    lineStart = lineEnd;
    line += 1;
  }
  if (cleanFrom < bytes.length) parts.push(fatalDecoder.decode(bytes.subarray(cleanFrom)));
  return { text: parts.join(''), patches, badLines, refused: false, diagnostics };
}

/** The 256 characters of windows-1252, indexed by byte. */
const CP1252 = cp1252Decoder.decode(Uint8Array.from({ length: 256 }, (_, i) => i));

/**
 * The text shown for an undecodable line (whose bytes are kept in a patch): valid UTF-8 as
 * UTF-8, each byte that is not as its windows-1252 character. Never U+FFFD, so no replacement
 * character enters the document, and a windows-1252 line reads as meant ("café", not "caf�").
 * Invalid bytes are never ASCII, so the line's TABs, spaces and line ending stay where they are.
 */
function showUndecodable(bytes: Uint8Array, from: number, to: number, firstBad: number): string {
  let out = '';
  let at = from;
  for (let bad = firstBad; bad >= 0; bad = firstInvalidUtf8(bytes, at, to)) {
    if (bad > at) out += fatalDecoder.decode(bytes.subarray(at, bad));
    out += CP1252[bytes[bad] ?? 0] ?? '';
    at = bad + 1;
  }
  if (at < to) out += fatalDecoder.decode(bytes.subarray(at, to));
  return out;
}

/**
 * Reads the bytes as windows-1252 (the "reopen as windows-1252" choice for files that are not
 * UTF-8). Every byte is one character, so nothing is undecodable; a zero-length marker patch
 * tells serialization to write the text back in windows-1252, byte for byte.
 */
function decodeWindows1252(bytes: Uint8Array): Decoded {
  return {
    text: cp1252Decoder.decode(bytes),
    patches: [{ start: 0, end: 0, bytes: new Uint8Array(0), encoding: 'windows-1252' }],
    badLines: new Set(),
    refused: false,
    diagnostics: [],
  };
}

let cp1252Bytes: Map<number, number> | null = null;

/** windows-1252 byte of a character, or -1 when the encoding has none. */
function cp1252Byte(c: number): number {
  if (c < 0x80) return c;
  if (!cp1252Bytes) {
    cp1252Bytes = new Map();
    for (let b = 0x80; b < 256; b++) cp1252Bytes.set(CP1252.charCodeAt(b), b);
  }
  return cp1252Bytes.get(c) ?? -1;
}

/**
 * The first character of `text` that `encoding` cannot write, or null when it can write all of
 * it. Lets an edit be refused before it would put such a character into a windows-1252 file.
 */
export function firstUnencodable(text: string, encoding: TextEncodingName): string | null {
  if (encoding === 'utf-8') return null;
  for (const ch of text) if (ch.length > 1 || cp1252Byte(ch.charCodeAt(0)) < 0) return ch;
  return null;
}

/**
 * Encodes text as windows-1252. Text decoded from windows-1252 comes back byte for byte. A
 * character the encoding lacks (only an edit can bring one in; see `firstUnencodable`) is
 * written as UTF-8, the one lossless choice left.
 */
function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = cp1252Byte(text.charCodeAt(i));
    if (b < 0) return encodeWindows1252Slow(text);
    out[i] = b;
  }
  return out;
}

function encodeWindows1252Slow(text: string): Uint8Array {
  const encoder = new TextEncoder();
  const out: number[] = [];
  for (const ch of text) {
    const b = ch.length === 1 ? cp1252Byte(ch.charCodeAt(0)) : -1;
    if (b >= 0) out.push(b);
    else for (const u of encoder.encode(ch)) out.push(u);
  }
  return Uint8Array.from(out);
}

/** Offset of the first byte in [from, to) that starts an invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= to) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Number of Unicode code points in a string (columns are counted in code points). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
    n += 1;
  }
  return n;
}

/**
 * Encodes text back to bytes, writing each patch's original bytes in place of its text (or the
 * whole text in windows-1252 when the patches start with that encoding's marker).
 */
export function encodeText(text: string, patches: readonly RawPatch[]): Uint8Array {
  const encoder = new TextEncoder();
  if (patches.length === 0) return encoder.encode(text);
  if (patches[0]?.encoding === 'windows-1252') return encodeWindows1252(text);
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const p of patches) {
    if (p.start > at) pieces.push(encoder.encode(text.slice(at, p.start)));
    pieces.push(p.bytes);
    at = p.end;
  }
  if (at < text.length) pieces.push(encoder.encode(text.slice(at)));
  let total = 0;
  for (const p of pieces) total += p.length;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of pieces) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
