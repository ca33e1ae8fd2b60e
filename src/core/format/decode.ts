import type { Diagnostic } from '../diagnostics';

/** Files larger than this are refused: a V8 string holds at most 2^29-24 characters. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

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
const lossyDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 bytes; undecodable lines become patches with E_ENCODING diagnostics. Never throws. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse(bytes, {
      line: 0,
      column: 0,
      severity: 'error',
      code: 'E_FILE_TOO_LARGE',
      message: `file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES} bytes (512 MiB)`,
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
      const shown = lossyDecoder.decode(raw);
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

/** Encodes text back to bytes, writing each patch's original bytes in place of its text. */
export function encodeText(text: string, patches: readonly RawPatch[]): Uint8Array {
  const encoder = new TextEncoder();
  if (patches.length === 0) return encoder.encode(text);
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
