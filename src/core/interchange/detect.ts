import { isObject, own, type JsonObject } from './json';
import type { InterchangeFormat } from './types';

/** A detected input format, with the reason in one line. */
export interface DetectedFormat {
  readonly format: InterchangeFormat | 'conll';
  readonly reason: string;
}

/** The first JSON object of a text that holds JSON, JSON Lines or a JSON array, or null. */
function firstObject(content: string): JsonObject | null {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
  for (const candidate of [firstLine, body]) {
    try {
      const v: unknown = JSON.parse(candidate);
      if (isObject(v)) return v;
      if (Array.isArray(v)) {
        const o: unknown = v.find(isObject);
        if (isObject(o)) return o;
        return {};
      }
    } catch {
      // not this way
    }
  }
  return null;
}

function byKeys(o: JsonObject): { format: InterchangeFormat; why: string } {
  const tokens = own(o, 'tokens');
  if (isObject(own(o, 'data')) || own(o, 'annotations') !== undefined) {
    return {
      format: 'label-studio',
      why: 'objects with "data"/"annotations" (Label Studio tasks)',
    };
  }
  if (own(o, 'spans') !== undefined || (Array.isArray(tokens) && isObject(tokens[0]))) {
    return { format: 'prodigy', why: 'objects with "spans" or token objects (Prodigy/spaCy)' };
  }
  return { format: 'jsonl-doccano', why: 'objects with "text" and "label"/"entities" (doccano)' };
}

/**
 * Tells the format of an input from its name and content: `.ann` (or a `.txt` with an `.ann`
 * beside it) is brat; JSON content is Label Studio, Prodigy or doccano by its keys; anything
 * else is CoNLL.
 */
export function detectFormat(
  name: string,
  content: string,
  options: { annBeside?: boolean } = {},
): DetectedFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.ann')) return { format: 'brat', reason: 'a .ann file (brat standoff)' };
  if (lower.endsWith('.txt') && options.annBeside) {
    return { format: 'brat', reason: 'a .txt file with a .ann beside it (brat standoff)' };
  }
  const start = content.replace(/^\uFEFF?[ \t\r\n]*/, '').charAt(0);
  const jsonName = /\.(jsonl|json|ndjson)$/.test(lower);
  if (start === '{' || start === '[' || jsonName) {
    const o = firstObject(content);
    if (o) {
      const { format, why } = byKeys(o);
      return { format, reason: `JSON ${why}` };
    }
    if (jsonName) {
      const format = lower.endsWith('.json') ? 'label-studio' : 'jsonl-doccano';
      return {
        format,
        reason: `a ${lower.slice(lower.lastIndexOf('.'))} file that does not parse`,
      };
    }
  }
  return { format: 'conll', reason: 'not JSON or brat: read as CoNLL columns' };
}
