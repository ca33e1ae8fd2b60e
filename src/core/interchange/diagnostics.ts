import type { InterchangeCode, InterchangeDiagnostic } from './types';

/** Most diagnostics listed per code; the rest are counted (one I_TRUNCATED each). */
export const MAX_LISTED_PER_CODE = 2000;

/** Collects findings in input order, with a per-code listing cap and exact counts. */
export class DiagnosticList {
  private readonly list: InterchangeDiagnostic[] = [];
  readonly counts = new Map<InterchangeCode, number>();
  private onceSeen = new Set<string>();

  /** @param file the input file name put on every finding that does not name its own. */
  constructor(private readonly file?: string) {}

  /** Records one finding (or only counts it once its code reached the cap). */
  add(d: InterchangeDiagnostic): void {
    const n = (this.counts.get(d.code) ?? 0) + 1;
    this.counts.set(d.code, n);
    if (n > MAX_LISTED_PER_CODE) return;
    this.list.push(d.file === undefined && this.file !== undefined ? { ...d, file: this.file } : d);
  }

  /** Records a finding only the first time `key` is seen (e.g. "tokenized", said once). */
  once(key: string, d: InterchangeDiagnostic): void {
    if (this.onceSeen.has(key)) return;
    this.onceSeen.add(key);
    this.add(d);
  }

  /** The number of findings of a code, listed or not. */
  count(code: InterchangeCode): number {
    return this.counts.get(code) ?? 0;
  }

  /** The findings in line order (whole-input ones first), plus one I_TRUNCATED per capped code. */
  finish(): InterchangeDiagnostic[] {
    const out = this.list.slice().sort((a, b) => a.line - b.line);
    for (const [code, n] of this.counts) {
      if (n > MAX_LISTED_PER_CODE) {
        out.push({
          line: 0,
          severity: 'info',
          code: 'I_TRUNCATED',
          message: `${n - MAX_LISTED_PER_CODE} more ${code} findings not listed (${n} in all)`,
          ...(this.file !== undefined ? { file: this.file } : {}),
        });
      }
    }
    return out;
  }
}
