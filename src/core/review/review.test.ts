import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSpan } from '../edit/commands';
import { applyTransaction, replay, type Op } from '../edit/history';
import { changeList, changesToJsonl, previewTransaction, revertChange } from '../edit/preview';
import { applyTagEdits, conll, parseText } from '../testing/fixtures';
import { corpusStats } from './stats';
import {
  buildTagIssues,
  countTagIssues,
  repairSentences,
  sentencesWithIssue,
  updateTagIssues,
} from './tag-issues';
import { applyChecked } from '../testing/check-transaction';

const doc = (...s: string[]) => parseText(conll(...s), { scheme: 'iob2' }).document;

describe('tag issues', () => {
  const d = doc('a/O b/I-X c/O', 'd/B-X e/I-Y', 'f/O g/O', 'h/I-Y i/O');
  it('indexes the sentences with invalid sequences and counts by code', () => {
    const ix = buildTagIssues(d);
    expect([...ix.keys()]).toEqual([0, 1, 3]);
    expect(countTagIssues(ix)).toEqual([
      ['W_I_WITHOUT_B', 2],
      ['W_TYPE_MISMATCH', 1],
    ]);
    expect(sentencesWithIssue(ix, 'W_I_WITHOUT_B')).toEqual([0, 3]);
  });
  it('fix all of a kind is one transaction over those sentences, and undoable', () => {
    const ix = buildTagIssues(d);
    const tr = repairSentences(d, sentencesWithIssue(ix, 'W_I_WITHOUT_B'));
    expect(tr?.steps.map((s) => s.sentence)).toEqual([0, 3]);
    const next = applyChecked(d, tr);
    expect(next.sentences[0]?.tags).toEqual(['O', 'B-X', 'O']);
    expect(next.sentences[3]?.tags).toEqual(['B-Y', 'O']);
    const after = updateTagIssues(ix, next, [0, 3]);
    expect([...after.keys()]).toEqual([1]);
    expect(repairSentences(next, [2])).toBeNull();
  });
  it('keeps the same index object when an edit changes no issue', () => {
    const ix = buildTagIssues(d);
    expect(updateTagIssues(ix, d, [0, 2])).toBe(ix);
  });
  it('incremental updates equal a from-scratch index (property)', () => {
    const tagArb = fc.constantFrom('O', 'B-X', 'I-X', 'I-Y', 'B-Y');
    fc.assert(
      fc.property(
        fc.array(fc.array(tagArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(4), fc.nat(4), tagArb), { maxLength: 8 }),
        (sents, edits) => {
          const start = doc(...sents.map((s) => s.map((t, i) => `w${i}/${t}`).join(' ')));
          let ix = buildTagIssues(start);
          const cur = applyTagEdits(start, edits, (d, si) => {
            ix = updateTagIssues(ix, d, [si]);
          });
          expect([...ix].sort((a, b) => a[0] - b[0])).toEqual(
            [...buildTagIssues(cur)].sort((a, b) => a[0] - b[0]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('previews and the change list', () => {
  const d = doc('John/O Smith/O went/O', 'to/O Paris/B-LOC');
  it('previews a transaction as runs of old → new tags with the tokens', () => {
    const tr = labelSpan(d, 0, 0, 2, 'PER');
    expect(previewTransaction(d, tr!)).toEqual([
      {
        sentence: 0,
        start: 0,
        end: 2,
        tokens: ['John', 'Smith'],
        before: ['O', 'O'],
        after: ['B-PER', 'I-PER'],
      },
    ]);
  });
  it('lists changes against the file, exports them as JSON Lines, and reverts one', () => {
    let cur = applyChecked(d, labelSpan(d, 0, 0, 2, 'PER'));
    cur = applyChecked(cur, labelSpan(cur, 1, 1, 2, 'GPE'));
    const rows = changeList(cur);
    expect(rows.map((r) => [r.sentence, r.start, r.end, r.after.join(' ')])).toEqual([
      [0, 0, 2, 'B-PER I-PER'],
      [1, 1, 2, 'B-GPE'],
    ]);
    const jsonl = changesToJsonl(cur, 'f.conll', rows);
    expect(jsonl.split('\n')[1]).toBe(
      '{"file":"f.conll","sentence":1,"line":6,"start":1,"end":2,"tokens":["Paris"],"before":["B-LOC"],"after":["B-GPE"]}',
    );
    expect(jsonl.endsWith('\n')).toBe(true);
    const back = applyChecked(cur, revertChange(cur, rows[1]!));
    expect(back.sentences[1]?.tags).toEqual(['O', 'B-LOC']);
    expect(changeList(back)).toHaveLength(1);
    expect(revertChange(back, rows[1]!)).toBeNull();
  });
});

describe('stats', () => {
  it('counts entities per label in the file and now', () => {
    const d = doc('John/B-PER Smith/I-PER went/O', 'to/O Paris/B-LOC');
    const next = applyTransaction(d, labelSpan(d, 1, 1, 2, 'GPE')!)!;
    const st = corpusStats(next);
    expect(st.tokens).toBe(5);
    expect(st.sentences).toBe(2);
    expect(st.entities).toBe(2);
    expect([...st.byLabel]).toEqual([
      ['GPE', [0, 1]],
      ['LOC', [1, 0]],
      ['PER', [1, 1]],
    ]);
  });
});

describe('review marks in the op log', () => {
  it('replay collects reviewed sentences and ignores unknown ones', () => {
    const d = doc('a/O', 'b/O', 'c/O');
    const ops: Op[] = [
      { kind: 'review', sentences: [0, 2, 9], reviewed: true },
      { kind: 'do', tr: labelSpan(d, 1, 0, 1, 'X')!, time: 1, group: false },
      { kind: 'review', sentences: [2], reviewed: false },
    ];
    const r = replay(d, ops);
    expect([...r.reviewed]).toEqual([0]);
    expect(r.applied).toBe(3);
    expect(r.history.done).toHaveLength(1);
  });
});
