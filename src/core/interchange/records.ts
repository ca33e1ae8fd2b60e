import type { RawRecord } from './build';
import type { DiagnosticList } from './diagnostics';
import { isObject, own, type JsonObject, type LocatedValue } from './json';
import type { RawSpan } from './spans';
import type { RawToken } from './tokens';

/** What a format reader gives the builder. */
export interface ReadRecords {
  readonly records: RawRecord[];
  /** Values read, and values skipped (malformed, no text, rejected). */
  readonly read: { records: number; skipped: number };
  /** Spans the reader itself left out (brat discontinuous spans, malformed entries). */
  readonly spans: number;
  readonly leftOut: number;
}

/** Collects records, skipped ones and reader-level span counts. */
export class RecordCollector {
  readonly records: RawRecord[] = [];
  read = 0;
  skipped = 0;
  spans = 0;
  leftOut = 0;

  constructor(readonly diags: DiagnosticList) {}

  /** Skips a value, with the reason (E_RECORD, or W_RECORD_REJECTED for rejected ones). */
  skip(v: LocatedValue, message: string, rejected = false): void {
    this.skipped += 1;
    this.diags.add({
      line: v.line,
      record: v.index,
      severity: rejected ? 'warning' : 'error',
      code: rejected ? 'W_RECORD_REJECTED' : 'E_RECORD',
      message: `${message}; record skipped`,
    });
  }

  /** Reports a span entry of the wrong shape (left out). */
  badShape(v: LocatedValue, where: string, message: string): void {
    this.spans += 1;
    this.leftOut += 1;
    this.diags.add({
      line: v.line,
      record: v.index,
      severity: 'warning',
      code: 'W_SPAN_SHAPE',
      message: `${where}: ${message}; span left out`,
    });
  }

  /** Reports something of the input retag does not read into tags (info). */
  ignored(line: number, record: number, message: string): void {
    this.diags.add({ line, record, severity: 'info', code: 'I_IGNORED', message });
  }

  /** The result for the builder. */
  finish(): ReadRecords {
    return {
      records: this.records,
      read: { records: this.read, skipped: this.skipped },
      spans: this.spans,
      leftOut: this.leftOut,
    };
  }
}

/** A retag document index (a non-negative safe integer), else undefined. */
export function docIndex(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** Token offsets as `[[start, end], …]` (retag's export) or `{start, end, text}` objects. */
export function rawTokens(v: unknown): RawToken[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return [{ start: v, end: undefined }];
  return v.map((t: unknown): RawToken => {
    if (Array.isArray(t)) return { start: t[0], end: t[1] };
    if (isObject(t)) {
      const text = own(t, 'text');
      return {
        start: own(t, 'start'),
        end: own(t, 'end'),
        ...(text !== undefined ? { text } : {}),
      };
    }
    return { start: t, end: undefined };
  });
}

/** A span entry given as an object with the named offset and label keys. */
export function objectSpan(
  o: JsonObject,
  keys: { start: string; end: string; label: string },
  line: number,
  where: string,
): RawSpan {
  return {
    start: own(o, keys.start),
    end: own(o, keys.end),
    label: own(o, keys.label),
    line,
    where,
  };
}
