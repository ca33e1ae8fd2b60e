/** How bad a diagnostic is: errors quarantine data, warnings flag suspicious data, infos record normalisations. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Stable diagnostic codes. Pipelines grep for them, so a code never changes meaning.
 * E_* are errors, W_* warnings, I_* infos.
 */
export type DiagnosticCode =
  // file level
  | 'I_EMPTY_FILE'
  | 'I_NO_TOKENS'
  | 'E_BINARY'
  | 'E_FILE_TOO_LARGE'
  | 'E_ENCODING'
  | 'W_LONE_CR'
  | 'I_MIXED_LINE_ENDINGS'
  | 'W_TAG_COLUMN'
  | 'I_TAG_COLUMNS'
  | 'E_TAG_COLUMN'
  | 'E_TOKEN_COLUMN'
  | 'I_TRUNCATED'
  // line level
  | 'E_LINE_TOO_LONG'
  | 'E_COLUMNS'
  | 'E_EMPTY_TOKEN'
  | 'E_EMPTY_TAG'
  | 'W_DELIMITER'
  | 'I_TRAILING_WHITESPACE'
  | 'W_MARKER_WHITESPACE'
  | 'W_UNMATCHED_CLOSE'
  | 'W_NESTED_OPEN'
  | 'W_UNCLOSED_OPEN'
  | 'W_BOM_INSIDE'
  | 'I_INVISIBLE_CHAR'
  // tag sequence level
  | 'W_I_WITHOUT_B'
  | 'W_TYPE_MISMATCH'
  | 'W_E_WITHOUT_START'
  | 'W_UNCLOSED_ENTITY'
  | 'W_B_WITHOUT_PREVIOUS'
  | 'W_E_WITHOUT_NEXT'
  | 'W_UNKNOWN_PREFIX'
  | 'W_LOWERCASE_PREFIX'
  | 'W_EMPTY_TYPE';

/** One finding about the input, positioned in the file. Data, never an exception. */
export interface Diagnostic {
  /** 1-based line. 0 for findings about the whole file. */
  readonly line: number;
  /** 1-based column, counted in Unicode code points. */
  readonly column: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
  readonly hint?: string;
  /** Byte offset in the file, where the finding is about bytes (encoding). */
  readonly byteOffset?: number;
  /** Index of the sentence the finding belongs to, when it belongs to one. */
  readonly sentence?: number;
}

/** Most diagnostics kept per code; the rest are counted and summarised by one I_TRUNCATED info. */
export const MAX_DIAGNOSTICS_PER_CODE = 2000;

/** Collects diagnostics with a per-code cap, keeping exact counts of everything reported. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  readonly counts = new Map<DiagnosticCode, number>();

  /** Records one diagnostic (or only counts it once its code reached the cap). */
  add(d: Diagnostic): void {
    const n = (this.counts.get(d.code) ?? 0) + 1;
    this.counts.set(d.code, n);
    if (n <= MAX_DIAGNOSTICS_PER_CODE) this.list.push(d);
  }

  /** True when `code` reached the listing cap (callers may then skip building the diagnostic). */
  isFull(code: DiagnosticCode): boolean {
    return (this.counts.get(code) ?? 0) >= MAX_DIAGNOSTICS_PER_CODE;
  }

  /** Counts one diagnostic of `code` without listing it (for use once the code is full). */
  count(code: DiagnosticCode): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }

  /** Returns the diagnostics in file order, plus one I_TRUNCATED info per capped code. */
  finish(): Diagnostic[] {
    const out = this.list.slice().sort((a, b) => a.line - b.line || a.column - b.column);
    for (const [code, n] of this.counts) {
      if (n > MAX_DIAGNOSTICS_PER_CODE) {
        out.push({
          line: 0,
          column: 0,
          severity: 'info',
          code: 'I_TRUNCATED',
          message: `${n - MAX_DIAGNOSTICS_PER_CODE} more ${code} diagnostics not listed (${n} in all)`,
        });
      }
    }
    return out;
  }
}

/** The severity a code always has: its first letter says it (E_, W_, I_). */
export function severityOf(code: DiagnosticCode): Severity {
  return code.startsWith('E_') ? 'error' : code.startsWith('W_') ? 'warning' : 'info';
}

/** Exact number of diagnostics per severity, from per-code counts (caps do not lose any). */
export function countBySeverity(
  counts: ReadonlyMap<DiagnosticCode, number>,
): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const [code, n] of counts) out[severityOf(code)] += n;
  return out;
}
