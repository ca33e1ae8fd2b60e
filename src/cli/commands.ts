import { analyzeConsistency, occurrenceMessage, variantTags } from '../core/checks/consistency';
import type { Finding, Occurrence } from '../core/checks/consistency';
import type { Diagnostic } from '../core/diagnostics';
import { countBySeverity } from '../core/diagnostics';
import { parse, type ParseOptions, type ParseResult } from '../core/format/parse';
import { serialize } from '../core/format/serialize';
import { describeDialect, describeScheme, summarize } from '../core/model/summary';
import { extractChunks } from '../core/scheme/chunks';
import { convertDocumentScheme } from '../core/scheme/convert-document';
import { SCHEME_NAMES, type Scheme } from '../core/scheme/schemes';
import type { CliArgs } from './args';

/** What a command produced: text for stdout and stderr, bytes for a file, and the exit status. */
export interface CommandOutput {
  stdout: string | Uint8Array;
  stderr: string;
  status: number;
  /** For convert -o: bytes to write to this path instead of stdout. */
  file?: { path: string; bytes: Uint8Array };
  /** For convert --to brat -o OUT: several files (OUT.txt, OUT.ann), each written atomically. */
  files?: { path: string; bytes: Uint8Array }[];
}

function parseOptions(args: CliArgs): ParseOptions {
  return { tagColumn: args.tagColumn, tokenColumn: args.tokenColumn, scheme: args.schemeIn };
}

/** A column option that names a column the file does not have: a usage error (exit 2). */
export class ColumnError extends Error {}

/** Parses a file; a --tag-column or --token-column out of range is a usage error. */
export function parseFile(file: string, bytes: Uint8Array, args: CliArgs): ParseResult {
  const r = parse(bytes, parseOptions(args));
  const bad = r.diagnostics.find((d) => d.code === 'E_TAG_COLUMN' || d.code === 'E_TOKEN_COLUMN');
  if (bad) throw new ColumnError(`${file}: ${bad.message.replace(/; reading column \d+$/, '')}`);
  return r;
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** Shows control characters (CR, NUL, …) in messages as \uXXXX so one diagnostic stays one line. */
export function printable(s: string): string {
  return s.replace(
    CONTROL,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/**
 * One diagnostic in the compiler convention: `FILE:LINE:COL: severity CODE message`. The code
 * may be any string, so checks outside the parser (W_INCONSISTENT_*) print the same way.
 */
export function formatDiagnostic(
  file: string,
  d: Omit<Diagnostic, 'code'> & { readonly code: string },
): string {
  const line = d.line > 0 ? d.line : 1;
  const column = d.column > 0 ? d.column : 1;
  const expected = d.expected !== undefined ? ` (expected ${d.expected})` : '';
  return printable(`${file}:${line}:${column}: ${d.severity} ${d.code} ${d.message}${expected}`);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `retag check`: diagnostics, then a summary per file. Exit 1 if any file has an error. */
export function runCheck(args: CliArgs, read: (file: string) => Uint8Array): CommandOutput {
  const out: string[] = [];
  let errors = 0;
  for (const file of args.files) {
    const r = parseFile(file, read(file), args);
    for (const d of r.diagnostics) {
      if (d.severity === 'info' && !args.verbose) continue;
      out.push(formatDiagnostic(file, d));
    }
    const counts = countBySeverity(r.diagnosticCounts);
    errors += counts.error;
    out.push(...summaryLines(file, r, counts));
  }
  return { stdout: out.join('\n') + '\n', stderr: '', status: errors > 0 ? 1 : 0 };
}

function summaryLines(
  file: string,
  r: ParseResult,
  counts: { error: number; warning: number; info: number },
): string[] {
  const doc = r.document;
  const s = summarize(doc);
  const types = s.entitiesByType.map(([t, n]) => `${t} ${n}`).join(', ');
  const lines = [
    `${file}: ${plural(s.tokens, 'token')}, ${plural(s.sentences, 'sentence')}, ${plural(s.documents, 'document')}, ${plural(s.entities, 'entity').replace('entitys', 'entities')}`,
    `  entities: ${types || 'none'}`,
    `  dialect: ${describeDialect(doc)}`,
    `  scheme: ${describeScheme(doc)}`,
    `  diagnostics: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}` +
      (s.quarantined > 0
        ? `; ${plural(s.quarantined, 'sentence')} quarantined (read-only, exported verbatim)`
        : ''),
  ];
  return lines;
}

/** `retag spans`: one JSON object per entity per line, in file order. */
export function runSpans(args: CliArgs, read: (file: string) => Uint8Array): CommandOutput {
  const file = args.files[0] as string;
  const r = parseFile(file, read(file), args);
  const doc = r.document;
  const out: string[] = [];
  let skipped = 0;
  doc.sentences.forEach((s, i) => {
    // A quarantined sentence lost its malformed lines, so its token indices would not match
    // the file: it is numbered but not listed.
    if (s.quarantined) {
      skipped += 1;
      return;
    }
    for (const c of extractChunks(s.tags, doc.scheme.rules)) {
      out.push(
        `{"sentence": ${i}, "start": ${c.start}, "end": ${c.end}, "label": ${JSON.stringify(c.type)}}`,
      );
    }
  });
  const errors = countBySeverity(r.diagnosticCounts).error;
  const note =
    errors > 0
      ? `retag: ${file}: ${plural(errors, 'error')}` +
        (skipped > 0 ? `; ${plural(skipped, 'malformed sentence')} not listed` : '') +
        `; see retag check ${file}`
      : '';
  return {
    stdout: out.length > 0 ? out.join('\n') + '\n' : '',
    stderr: note ? printable(note) + '\n' : '',
    status: 0,
  };
}

/** `retag convert`: rewrites tag fields in another scheme; byte-identical when nothing changes. */
export function runConvert(args: CliArgs, read: (file: string) => Uint8Array): CommandOutput {
  const file = args.files[0] as string;
  const bytes = read(file);
  const r = parseFile(file, bytes, args);
  const from = r.document.scheme.scheme;
  const to: Scheme = args.scheme ?? from;
  const notes: string[] = [];
  // one pass over the sentences (an applyStep per sentence would copy the array each time)
  const { doc, changed, repaired, skipped, refused } = convertDocumentScheme(r.document, to);
  if (to !== from) {
    notes.push(
      `retag: ${file}: ${SCHEME_NAMES[from]} -> ${SCHEME_NAMES[to]}: ${plural(changed, 'sentence')} rewritten`,
    );
    if (repaired > 0)
      notes.push(
        `retag: ${file}: ${plural(repaired, 'sentence')} had invalid ${SCHEME_NAMES[from]} sequences; their entities were read as conlleval reads them`,
      );
    if (skipped > 0)
      notes.push(
        `retag: ${file}: ${plural(skipped, 'quarantined sentence')} left unchanged (see retag check)`,
      );
    if (refused > 0)
      notes.push(
        `retag: ${file}: ${plural(refused, 'sentence')} left unchanged: the new tags cannot be written there (a space in a tag on a space-separated line?)`,
      );
  }
  const outBytes = to === from ? bytes : serialize(doc);
  const stderr = notes.length > 0 ? notes.map(printable).join('\n') + '\n' : '';
  if (args.output !== undefined) {
    return { stdout: '', stderr, status: 0, file: { path: args.output, bytes: outBytes } };
  }
  return { stdout: outBytes, stderr, status: 0 };
}

/**
 * `retag check --consistency`: all files as one corpus, words compared folded (exactly with
 * --exact); one warning (or JSON object) per flagged occurrence, likeliest errors first, then a
 * summary line. Findings are warnings, so the exit
 * status is 0 unless a file has parse errors (1, as plain check), whose malformed sentences
 * are left out of the analysis.
 */
export function runConsistency(args: CliArgs, read: (file: string) => Uint8Array): CommandOutput {
  const notes: string[] = [];
  let errors = 0;
  const sources = args.files.map((file) => {
    const r = parseFile(file, read(file), args);
    const n = countBySeverity(r.diagnosticCounts).error;
    if (n > 0) {
      errors += n;
      const q = r.document.sentences.filter((s) => s.quarantined).length;
      notes.push(
        `retag: ${file}: ${plural(n, 'error')}; ${plural(q, 'malformed sentence')} not analysed; see retag check ${file}`,
      );
    }
    return { name: file, doc: r.document, evidenceOnly: false };
  });
  const findings = analyzeConsistency(sources, { fold: !args.exact });
  const flagged: { f: Finding; o: Occurrence; rank: number }[] = [];
  findings.forEach((f, rank) => {
    for (const o of f.occurrences) if (o.flagged) flagged.push({ f, o, rank });
  });
  // Likeliest errors first; equal scores in file order, so related lines stay together.
  flagged.sort(
    (x, y) =>
      y.f.score - x.f.score ||
      x.o.source - y.o.source ||
      x.o.sentence - y.o.sentence ||
      x.o.start - y.o.start ||
      x.rank - y.rank,
  );
  const out = flagged.map(({ f, o }) => {
    const src = sources[o.source]!;
    if (!args.json) {
      return formatDiagnostic(src.name, {
        line: o.line,
        column: o.column,
        severity: 'warning',
        code: f.code,
        message: occurrenceMessage(f, o),
      });
    }
    const found = src.doc.sentences[o.sentence]!.tags.slice(o.start, o.end).join(' ');
    const suggested = variantTags(src.doc, f, f.suggested, o).join(' ');
    const score = Math.round(f.score * 1000) / 1000;
    return `{"file": ${JSON.stringify(src.name)}, "sentence": ${o.sentence}, "start": ${o.start}, "end": ${o.end}, "found": ${JSON.stringify(found)}, "suggested": ${JSON.stringify(suggested)}, "score": ${score}}`;
  });
  if (!args.json) {
    out.push(
      `${plural(findings.length, 'inconsistency', 'inconsistencies')} (${plural(flagged.length, 'occurrence')} flagged) in ${plural(sources.length, 'file')}`,
    );
  }
  return {
    stdout: out.length > 0 ? out.join('\n') + '\n' : '',
    stderr: notes.length > 0 ? notes.map(printable).join('\n') + '\n' : '',
    status: errors > 0 ? 1 : 0,
  };
}
