import { countBySeverity } from '../core/diagnostics';
import type { CorpusDocument } from '../core/model/document';
import { corpusReport, type CorpusReport } from '../core/review/report';
import type { CliArgs } from './args';
import { parseFile, plural, printable, type CommandOutput } from './commands';

function share(n: number, total: number): string {
  return `${total > 0 ? ((100 * n) / total).toFixed(1) : '0.0'}%`;
}

function mean(m: ReadonlyMap<number, number>): string {
  let sum = 0;
  let n = 0;
  for (const [len, count] of m) {
    sum += len * count;
    n += count;
  }
  return n > 0 ? (sum / n).toFixed(2) : '0.00';
}

/** Quarantined sentences as "2 (lines 5, 9)", at most 10 lines listed. */
function quarantinedText(r: CorpusReport, doc: CorpusDocument): string {
  if (r.quarantined.length === 0) return 'none';
  const lines = r.quarantined.slice(0, 10).map((i) => doc.sentences[i]!.startLine);
  const more = r.quarantined.length > 10 ? ', …' : '';
  return `${plural(r.quarantined.length, 'sentence')} (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${more}); see retag check`;
}

/** The text layout of `retag stats`: a summary block, then tables by type and by length. */
export function statsText(file: string, r: CorpusReport, doc: CorpusDocument): string {
  const invalid =
    r.invalid.size === 0
      ? 'none'
      : `${[...r.invalid].map(([c, n]) => `${c} ${n}`).join(', ')} (in ${plural(r.invalidSentences, 'sentence')})`;
  const out = [
    file,
    `  tokens       ${r.tokens}`,
    `  sentences    ${r.sentences}`,
    `  documents    ${r.documents}`,
    `  entities     ${r.entities}`,
    `  scheme       ${r.schemeName}, ${r.schemeOverridden ? 'set by the user' : 'detected'}`,
    `  invalid      ${invalid}`,
    `  quarantined  ${quarantinedText(r, doc)}`,
  ];
  if (r.entities > 0) {
    const width = Math.min(40, Math.max(4, ...[...r.entitiesByType.keys()].map((t) => t.length)));
    out.push(
      '',
      `  ${'type'.padEnd(width)}  ${'count'.padStart(7)}  ${'share'.padStart(6)}  mean length`,
    );
    for (const [t, n] of r.entitiesByType) {
      const lengths = r.lengthsByType.get(t) ?? new Map<number, number>();
      out.push(
        `  ${t.padEnd(width)}  ${String(n).padStart(7)}  ${share(n, r.entities).padStart(6)}  ${mean(lengths).padStart(11)}`,
      );
    }
    out.push(
      '',
      `  ${'length'.padStart(6)}  ${'count'.padStart(7)}  ${'share'.padStart(6)}  by type`,
    );
    for (const [len, n] of r.lengths) {
      const byType = [...r.lengthsByType]
        .filter(([, m]) => m.has(len))
        .map(([t, m]) => `${t} ${m.get(len)}`)
        .join(', ');
      out.push(
        `  ${String(len).padStart(6)}  ${String(n).padStart(7)}  ${share(n, r.entities).padStart(6)}  ${byType}`,
      );
    }
  }
  return out.map(printable).join('\n') + '\n';
}

/** The JSON of `retag stats --json`: one object; label-keyed parts as arrays of pairs. */
export function statsJson(file: string, r: CorpusReport, doc: CorpusDocument): string {
  return (
    JSON.stringify({
      file,
      tokens: r.tokens,
      sentences: r.sentences,
      documents: r.documents,
      entities: r.entities,
      scheme: r.scheme,
      schemeName: r.schemeName,
      schemeSource: r.schemeOverridden ? 'user' : 'detected',
      entitiesByType: [...r.entitiesByType],
      lengths: [...r.lengths],
      lengthsByType: [...r.lengthsByType].map(([t, m]) => [t, [...m]]),
      invalid: [...r.invalid],
      invalidSentences: r.invalidSentences,
      quarantined: r.quarantined.map((i) => ({ sentence: i, line: doc.sentences[i]!.startLine })),
    }) + '\n'
  );
}

/** `retag stats FILE [--json]`: corpus statistics; exit 0 (1 if the file has errors). */
export function runStats(args: CliArgs, read: (file: string) => Uint8Array): CommandOutput {
  const file = args.files[0] as string;
  const r = parseFile(file, read(file), args);
  const report = corpusReport(r.document);
  const errors = countBySeverity(r.diagnosticCounts).error;
  return {
    stdout: args.json ? statsJson(file, report, r.document) : statsText(file, report, r.document),
    stderr:
      errors > 0
        ? printable(`retag: ${file}: ${plural(errors, 'error')}; see retag check ${file}`) + '\n'
        : '',
    status: errors > 0 ? 1 : 0,
  };
}
