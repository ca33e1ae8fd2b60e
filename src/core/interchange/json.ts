import type { DiagnosticList } from './diagnostics';

/** A JSON value read from the input, with the 1-based line it starts on. */
export interface LocatedValue {
  readonly value: unknown;
  readonly line: number;
  /** 0-based index among the values read (JSONL line with a value, array element). */
  readonly index: number;
}

/** A plain JSON object (not an array, not null). */
export type JsonObject = { readonly [key: string]: unknown };

/** True for a JSON object. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object's own property (never one inherited from Object.prototype, e.g. `constructor`). */
export function own(o: JsonObject, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

const BLANK = /^[ \t\r\n\uFEFF]*$/;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads JSON Lines: one value per non-blank line; a malformed line is reported and skipped. */
export function readJsonLines(text: string, diags: DiagnosticList): LocatedValue[] {
  const out: LocatedValue[] = [];
  const lines = stripBom(text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (BLANK.test(line)) continue;
    try {
      out.push({ value: JSON.parse(line) as unknown, line: i + 1, index: out.length });
    } catch (e) {
      diags.add({
        line: i + 1,
        severity: 'error',
        code: 'E_JSON',
        message: `not a JSON value, line skipped: ${(e as Error).message}`,
      });
    }
  }
  return out;
}

/**
 * The 1-based line where each element of a top-level JSON array starts. Scans the text once,
 * skipping strings; expects text that JSON.parse accepted.
 */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line += 1;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    if (depth === 1 && expecting && c !== 93 /* ] */) {
      lines.push(line);
      expecting = false;
    }
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth += 1;
      if (depth === 1 && c === 91) expecting = true;
    } else if (c === 93 || c === 125) depth -= 1;
    else if (c === 44 /* , */ && depth === 1) expecting = true;
  }
  return lines;
}

/** The 1-based line of a JSON.parse error message's "position N", or 0. */
function errorLine(text: string, message: string): number {
  const m = /position (\d+)/.exec(message);
  if (!m) return 0;
  const pos = Number(m[1]);
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads a JSON file that holds an array of records, one record, or JSON Lines of records.
 * Never throws: a file that is none of these is reported (E_JSON) and gives no values.
 */
export function readJsonRecords(text: string, diags: DiagnosticList): LocatedValue[] {
  const body = stripBom(text);
  if (BLANK.test(body)) return [];
  let whole: unknown;
  try {
    whole = JSON.parse(body) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    // JSON Lines: the first line parses on its own.
    const first = body.split('\n', 1)[0] ?? '';
    if (body.includes('\n') && isJsonObjectLine(first)) return readJsonLines(body, diags);
    diags.add({
      line: errorLine(body, message),
      severity: 'error',
      code: 'E_JSON',
      message: `not JSON, nothing read: ${message}`,
    });
    return [];
  }
  if (!Array.isArray(whole)) return [{ value: whole, line: 1, index: 0 }];
  const lines = arrayElementLines(body);
  return whole.map((value: unknown, index) => ({ value, line: lines[index] ?? 1, index }));
}

function isJsonObjectLine(line: string): boolean {
  try {
    return isObject(JSON.parse(line));
  } catch {
    return false;
  }
}
