import { sentenceTokens, type CorpusDocument } from '../model/document';
import { extractChunks } from '../scheme/chunks';
import { DiagnosticList } from './diagnostics';
import { offsetMap } from './offsets';
import { labelProblem, show } from './spans';
import type { OffsetUnit } from './types';

/** An entity of an exported sentence: character offsets (tool unit) and token range. */
export interface ExportEntity {
  readonly start: number;
  readonly end: number;
  /** Tokens [tokenStart, tokenEnd), end exclusive. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly label: string;
}

/** One sentence as exported: tokens joined by single spaces, offsets in the tool's unit. */
export interface ExportSentence {
  /** Index of the sentence in the document, and its document (0-based, as `Sentence.doc`). */
  readonly index: number;
  readonly doc: number;
  readonly text: string;
  readonly tokens: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly entities: readonly ExportEntity[];
}

/**
 * The sentences of a document for export: quarantined ones left out (their malformed lines are
 * not tokens); entities read with the document's chunk rules; offsets counted in `unit`.
 */
export function exportSentences(
  doc: CorpusDocument,
  unit: OffsetUnit,
  diags: DiagnosticList,
): { sentences: ExportSentence[]; leftOut: number } {
  const out: ExportSentence[] = [];
  let leftOut = 0;
  doc.sentences.forEach((s, index) => {
    if (s.quarantined) {
      leftOut += 1;
      diags.add({
        line: s.startLine,
        severity: 'warning',
        code: 'W_EXPORT',
        message: `sentence ${index} has malformed lines (see retag check): left out of the export`,
      });
      return;
    }
    const tokens = sentenceTokens(doc, s);
    const text = tokens.join(' ');
    const map = offsetMap(text, unit);
    const starts: number[] = [];
    const ends: number[] = [];
    let at = 0;
    for (const t of tokens) {
      starts.push(map.fromUtf16(at));
      ends.push(map.fromUtf16(at + t.length));
      at += t.length + 1;
    }
    const entities = extractChunks(s.tags, doc.scheme.rules).map((c) => {
      const problem = labelProblem(c.type);
      if (problem) {
        diags.add({
          line: doc.tokens.line[s.first + c.start] ?? s.startLine,
          severity: 'warning',
          code: 'W_EXPORT',
          message: `sentence ${index}, tokens ${c.start}-${c.end}: ${problem}; exported as it is, an import will leave it out`,
        });
      }
      return {
        start: starts[c.start]!,
        end: ends[c.end - 1]!,
        tokenStart: c.start,
        tokenEnd: c.end,
        label: c.type,
      };
    });
    out.push({ index, doc: s.doc, text, tokens, starts, ends, entities });
  });
  return { sentences: out, leftOut };
}

/** Warns once about tokens that hold a space: only formats with token offsets keep them whole. */
export function warnSpacedTokens(
  sentences: readonly ExportSentence[],
  diags: DiagnosticList,
  format: string,
): void {
  for (const s of sentences) {
    const t = s.tokens.find((w) => /\p{White_Space}/u.test(w));
    if (t === undefined) continue;
    diags.once('spaced', {
      line: 0,
      severity: 'warning',
      code: 'W_EXPORT',
      message: `sentence ${s.index} has the token ${show(t)}, which holds whitespace: ${format} records no token offsets, so it reads back as several tokens`,
    });
    return;
  }
}
