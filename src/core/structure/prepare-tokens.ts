import type { CorpusDocument, Sentence } from '../model/document';
import {
  badSplitPoint,
  editable,
  fieldsOf,
  planOrError,
  replaceFields,
  sameTags,
  tokenAt,
  withTags,
  writable,
  type Prepared,
} from './access';
import { splitEol } from './line-kind';
import { fullLine, resampleLayout, SAMPLE_TOKENS } from './rewrite';
import type { MergeTokensStep, SplitTokenStep, StructureError } from './steps';

/**
 * Adds the re-detected layout to an edit of token lines near the top of the file; refuses the
 * edit when the detector would then read the file with another number of columns.
 */
function withLayout(doc: CorpusDocument, p: Prepared, k: number): Prepared | StructureError {
  if (k >= SAMPLE_TOKENS) return p;
  const layout = resampleLayout(doc, p.plan.rw);
  return layout.columns === doc.dialect.columns ? { ...p, layout } : 'changes-layout';
}

/** Checks a token split and works out its rewrite. */
export function prepareSplitToken(
  doc: CorpusDocument,
  st: SplitTokenStep,
): Prepared | StructureError {
  const s = editable(doc, st.sentence);
  if (typeof s === 'string') return s;
  if (!Number.isInteger(st.token) || st.token < 0 || st.token >= s.length) return 'out-of-range';
  const k = s.first + st.token;
  const text = tokenAt(doc, k);
  const [o1, o2] = st.originalAfter;
  if (
    text !== st.text ||
    !sameTags(s.tags, st.before) ||
    !sameTags([s.originalTags[st.token] as string], st.originalBefore) ||
    st.after.length !== s.length + 1 ||
    o1 === undefined ||
    o2 === undefined ||
    st.originalAfter.length !== 2 ||
    (st.eol !== '\n' && st.eol !== '\r\n')
  )
    return 'stale';
  if (badSplitPoint(text, st.at)) return 'bad-split-point';
  const { n, ts, te, gs, ge } = fieldsOf(doc, k);
  const { content, eol } = splitEol(fullLine(doc, n));
  if (content.endsWith('\r')) return 'unsupported-line';
  const first = text.slice(0, st.at);
  const line1 = replaceFields(content, ts, te, first, gs, ge, o1);
  if (line1 === null) return 'unsupported-line';
  const p = planOrError(
    doc,
    {
      fromLine: n,
      toLine: n,
      lines: [line1 + st.eol, st.line + eol],
      firstToken: k,
      oldTokens: 1,
      expect: [
        { token: first, tag: o1 },
        { token: text.slice(st.at), tag: o2 },
      ],
    },
    'bad-split-point',
  );
  if (typeof p === 'string') return p;
  const orig = [
    ...s.originalTags.slice(0, st.token),
    o1,
    o2,
    ...s.originalTags.slice(st.token + 1),
  ];
  if (!writable(st.after, orig)) return 'unwritable-tag';
  const next: Sentence = {
    ...s,
    length: s.length + 1,
    ...withTags(st.after, orig),
    endLine: s.endLine + 1,
  };
  return withLayout(doc, { plan: p, from: st.sentence, count: 1, sentences: [next] }, k);
}

/** Checks a token merge and works out its rewrite. */
export function prepareMerge(doc: CorpusDocument, st: MergeTokensStep): Prepared | StructureError {
  const s = editable(doc, st.sentence);
  if (typeof s === 'string') return s;
  if (!Number.isInteger(st.token) || st.token < 0 || st.token + 1 >= s.length)
    return 'out-of-range';
  const k = s.first + st.token;
  const a = fieldsOf(doc, k);
  const n2 = doc.tokens.line[k + 1] as number;
  if (n2 !== a.n + 1) return 'comment-between';
  const l1 = splitEol(fullLine(doc, a.n));
  const l2 = splitEol(fullLine(doc, n2));
  const t1 = tokenAt(doc, k);
  const [o] = st.originalAfter;
  if (
    t1 + tokenAt(doc, k + 1) !== st.text ||
    t1.length !== st.at ||
    l1.eol !== st.eol ||
    l2.content !== st.line ||
    !sameTags(s.tags, st.before) ||
    !sameTags(s.originalTags.slice(st.token, st.token + 2), st.originalBefore) ||
    st.after.length !== s.length - 1 ||
    o === undefined ||
    st.originalAfter.length !== 1
  )
    return 'stale';
  if (l1.content.endsWith('\r') || l2.content.endsWith('\r')) return 'unsupported-line';
  const merged = replaceFields(l1.content, a.ts, a.te, st.text, a.gs, a.ge, o);
  if (merged === null) return 'unsupported-line';
  const p = planOrError(
    doc,
    {
      fromLine: a.n,
      toLine: n2,
      lines: [merged + l2.eol],
      firstToken: k,
      oldTokens: 2,
      expect: [{ token: st.text, tag: o }],
    },
    'bad-merge',
  );
  if (typeof p === 'string') return p;
  const orig = [...s.originalTags.slice(0, st.token), o, ...s.originalTags.slice(st.token + 2)];
  if (!writable(st.after, orig)) return 'unwritable-tag';
  const next: Sentence = {
    ...s,
    length: s.length - 1,
    ...withTags(st.after, orig),
    endLine: s.endLine - 1,
  };
  return withLayout(doc, { plan: p, from: st.sentence, count: 1, sentences: [next] }, k);
}
