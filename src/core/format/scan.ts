import type { DiagnosticCode, DiagnosticSink } from '../diagnostics';
import type { CorpusDocument } from '../model/document';
import { validateTags } from '../scheme/validate';
import { codePointLength } from './decode';
import { lineOfOffset } from './lines';

// Characters that are invisible or control characters, which trim() and \s would eat or a
// renderer would hide: C0/C1 controls (not TAB/LF), zero-width and bidi controls, BOM, lone CR.
/** One invisible or control character (not TAB or LF); the editor marks these in tokens. */
export const INVISIBLE_CHAR =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;
const SUSPICIOUS = new RegExp(INVISIBLE_CHAR.source, 'g');

/** Names of the invisible characters users meet most, for readable diagnostics. */
const NAMES = new Map<number, string>([
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'BYTE ORDER MARK'],
]);

/** Reports lone CRs, BOMs after the start, and invisible or control characters, one regex pass. */
export function scanCharacters(text: string, lineStarts: Uint32Array, sink: DiagnosticSink): void {
  SUSPICIOUS.lastIndex = 0;
  // Matches come in offset order: keep a running column per line, so a line full of control
  // characters costs linear time, not quadratic.
  let curLine = 0;
  let curOffset = 0;
  let curColumn = 1;
  for (let m = SUSPICIOUS.exec(text); m !== null; m = SUSPICIOUS.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    if (at === 0 && c === 0xfeff) continue;
    if (c === 13 && text.charCodeAt(at + 1) === 10) continue;
    const code: DiagnosticCode =
      c === 13 ? 'W_LONE_CR' : c === 0xfeff ? 'W_BOM_INSIDE' : 'I_INVISIBLE_CHAR';
    if (sink.isFull(code)) {
      sink.count(code);
      continue;
    }
    const line = lineOfOffset(lineStarts, at);
    if (line !== curLine) {
      curLine = line;
      curOffset = lineStarts[line - 1] ?? 0;
      curColumn = 1;
    }
    curColumn += codePointLength(text.slice(curOffset, at));
    curOffset = at;
    const column = curColumn;
    const u = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    if (c === 13) {
      sink.add({
        line,
        column,
        severity: 'warning',
        code,
        message: 'a carriage return (CR) not followed by LF',
        found: 'CR',
        expected: 'LF or CRLF line endings',
        hint: 'read as part of the line, kept on export',
      });
    } else if (c === 0xfeff) {
      sink.add({
        line,
        column,
        severity: 'warning',
        code,
        message: `${u} BYTE ORDER MARK inside the file (invisible)`,
        found: u,
        hint: 'probably files joined together; kept on export',
      });
    } else {
      const name = NAMES.get(c) ?? 'control character';
      sink.add({
        line,
        column,
        severity: 'info',
        code,
        message: `${u} ${name} (invisible)`,
        found: u,
        hint: 'kept on export; shown as a marker in the editor',
      });
    }
  }
}

/** Checks every sentence's tags against the document's scheme and reports invalid sequences. */
export function validateSentences(doc: CorpusDocument, sink: DiagnosticSink): void {
  const { text, lineStarts, tokens } = doc;
  for (const s of doc.sentences) {
    if (s.quarantined) continue;
    for (const issue of validateTags(s.tags, doc.scheme.scheme)) {
      const k = s.first + issue.index;
      const line = tokens.line[k] ?? 0;
      const from = lineStarts[line - 1] ?? 0;
      sink.add({
        line,
        column: codePointLength(text.slice(from, tokens.tagStart[k])) + 1,
        severity: 'warning',
        code: issue.code,
        message: issue.message,
        expected: issue.expected,
        found: issue.found,
        hint: issue.hint,
        sentence: s.id,
      });
    }
  }
}
