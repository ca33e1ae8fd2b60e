import type { CorpusDocument, Sentence } from '../model/document';
import {
  editable,
  planOrError,
  sameTags,
  tagAt,
  tokenAt,
  withTags,
  writable,
  type Prepared,
} from './access';
import { readLine, splitEol } from './line-kind';
import { fullLine } from './rewrite';
import type { JoinSentencesStep, SplitSentenceStep, StructureError } from './steps';

/** Break lines, each with its line ending; null unless every one ends in LF. */
function breakLineList(text: string): string[] | null {
  if (text === '' || !text.endsWith('\n')) return null;
  return text
    .slice(0, -1)
    .split('\n')
    .map((l) => l + '\n');
}

/** Checks a sentence split and works out its rewrite. */
export function prepareSplitSentence(
  doc: CorpusDocument,
  st: SplitSentenceStep,
): Prepared | StructureError {
  const s = editable(doc, st.sentence);
  if (typeof s === 'string') return s;
  if (!Number.isInteger(st.token) || st.token < 0 || st.token > s.length) return 'out-of-range';
  if (st.token === 0 || st.token === s.length) return 'bad-split-point';
  const k = s.first + st.token;
  const n = doc.tokens.line[k] as number;
  if (doc.tokens.line[k - 1] !== n - 1) return 'comment-between';
  const breaks = breakLineList(st.breakLines);
  if (
    !sameTags(s.tags, st.before) ||
    st.after.length !== s.length ||
    !Number.isInteger(st.id) ||
    doc.sentences.some((x) => x.id === st.id) ||
    breaks === null
  )
    return 'stale';
  const p = planOrError(
    doc,
    {
      fromLine: n,
      toLine: n,
      lines: [...breaks, fullLine(doc, n)],
      firstToken: k,
      oldTokens: 1,
      expect: [{ token: tokenAt(doc, k), tag: tagAt(doc, k) }],
    },
    'stale',
  );
  if (typeof p === 'string') return p;
  if (!writable(st.after, s.originalTags)) return 'unwritable-tag';
  const added = breaks.length;
  const left: Sentence = {
    ...s,
    length: st.token,
    ...withTags(st.after.slice(0, st.token), s.originalTags.slice(0, st.token)),
    endLine: n - 1,
  };
  const right: Sentence = {
    id: st.id,
    first: k,
    length: s.length - st.token,
    ...withTags(st.after.slice(st.token), s.originalTags.slice(st.token)),
    doc: s.doc,
    startLine: n + added,
    endLine: s.endLine + added,
    quarantined: false,
  };
  return { plan: p, from: st.sentence, count: 1, sentences: [left, right] };
}

/** What lies between two sentences' token lines: an error if anything but break lines. */
function between(doc: CorpusDocument, from: number, to: number): StructureError | null {
  let comment = false;
  for (let n = from; n <= to; n++) {
    const { content, eol } = splitEol(fullLine(doc, n));
    const kind = readLine(content, eol, n === 1, doc.dialect).kind;
    if (kind === 'docstart') return 'document-break-between';
    if (kind === 'comment') comment = true;
    else if (kind !== 'break' && kind !== 'marker') return 'quarantined';
  }
  return comment ? 'comment-between' : null;
}

/** Checks a sentence join and works out its rewrite. */
export function prepareJoin(doc: CorpusDocument, st: JoinSentencesStep): Prepared | StructureError {
  const s = editable(doc, st.sentence);
  if (typeof s === 'string') return s;
  const t = editable(doc, st.sentence + 1);
  if (typeof t === 'string') return t;
  if (s.doc !== t.doc) return 'document-break-between';
  const nLast = doc.tokens.line[s.first + s.length - 1] as number;
  const nFirst = doc.tokens.line[t.first] as number;
  const gap = between(doc, nLast + 1, nFirst - 1);
  if (gap) return gap;
  if (s.endLine !== nLast || t.startLine !== nFirst) return 'comment-between';
  const removed = doc.text.slice(doc.lineStarts[nLast], doc.lineStarts[nFirst - 1]);
  if (
    s.length !== st.token ||
    t.id !== st.id ||
    removed !== st.breakLines ||
    !sameTags([...s.tags, ...t.tags], st.before) ||
    st.after.length !== s.length + t.length
  )
    return 'stale';
  const p = planOrError(
    doc,
    {
      fromLine: nLast + 1,
      toLine: nFirst,
      lines: [fullLine(doc, nFirst)],
      firstToken: t.first,
      oldTokens: 1,
      expect: [{ token: tokenAt(doc, t.first), tag: tagAt(doc, t.first) }],
    },
    'stale',
  );
  if (typeof p === 'string') return p;
  const orig = [...s.originalTags, ...t.originalTags];
  if (!writable(st.after, orig)) return 'unwritable-tag';
  const joined: Sentence = {
    ...s,
    length: s.length + t.length,
    ...withTags(st.after, orig),
    endLine: t.endLine - (nFirst - nLast - 1),
  };
  return { plan: p, from: st.sentence, count: 2, sentences: [joined] };
}
