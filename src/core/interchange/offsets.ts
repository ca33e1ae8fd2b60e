import type { InterchangeFormat, OffsetUnit } from './types';

/**
 * The unit each tool's character offsets count. Python tools (brat, Prodigy/spaCy, Label Studio's
 * exported regions since its emoji fix) count code points; doccano's sequence labelling counts
 * JavaScript UTF-16 code units (doccano issue #2290). They differ only after a character outside
 * the Basic Multilingual Plane (emoji, some CJK).
 */
export const FORMAT_OFFSETS: Readonly<Record<InterchangeFormat, OffsetUnit>> = {
  'jsonl-doccano': 'utf16',
  'label-studio': 'codepoints',
  brat: 'codepoints',
  prodigy: 'codepoints',
};

/** Converts between a text's UTF-16 offsets (what retag uses) and a tool's offsets. */
export interface OffsetMap {
  /** Length of the text in the tool's unit. */
  readonly length: number;
  /** True when the two units differ somewhere in this text. */
  readonly differs: boolean;
  /** The UTF-16 offset of a tool offset in [0, length]. */
  toUtf16(offset: number): number;
  /** The tool offset of a UTF-16 offset (one inside a surrogate pair counts as the pair's end). */
  fromUtf16(offset: number): number;
}

const IDENTITY = (n: number) => n;

function hasAstral(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return true;
    }
  }
  return false;
}

/** Builds the offset map of one text for a unit (identity unless code points and astral text). */
export function offsetMap(text: string, unit: OffsetUnit): OffsetMap {
  if (unit === 'utf16' || !hasAstral(text)) {
    return { length: text.length, differs: false, toUtf16: IDENTITY, fromUtf16: IDENTITY };
  }
  const toU16: number[] = [];
  const toCp = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    toU16.push(i);
    toCp[i] = cp;
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      toCp[i + 1] = cp + 1;
      i += 1;
    }
    cp += 1;
  }
  toU16.push(text.length);
  toCp[text.length] = cp;
  return {
    length: cp,
    differs: true,
    toUtf16: (n) => toU16[n] ?? text.length,
    fromUtf16: (i) => toCp[i] ?? cp,
  };
}
