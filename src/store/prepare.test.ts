import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSpan } from '../core/edit/commands';
import { applyTransaction } from '../core/edit/history';
import { changedTagCount, type CorpusDocument } from '../core/model/document';
import { parseText } from '../core/testing/fixtures';
import { filterSentences } from './checks';
import { useEditor } from './editor-store';
import { prepareToShow } from './prepare';
import { RowHeights } from './row-heights';
import { rowEstimate, rowHeightsFor } from './row-layout';
import { showInStore } from './testing';

/** A document of `n` sentences of 1–30 tokens; every fifth has a wrong column count. */
function corpus(lengths: number[]): CorpusDocument {
  const text = lengths
    .map((len, i) =>
      Array.from({ length: len }, (_, t) =>
        i % 5 === 3 && t === 0 ? `w${t}\tO\tX\n` : `w${t}\tO\n`,
      ).join(''),
    )
    .join('\n');
  return parseText(text, { scheme: 'iob2' }).document;
}

/** Labels token 0 of each sentence in `edited` (a change of one or more tags). */
function edit(doc: CorpusDocument, edited: number[]): CorpusDocument {
  let d = doc;
  for (const si of edited) {
    const tr = labelSpan(d, si, 0, 1, 'PER');
    d = (tr && applyTransaction(d, tr)) ?? d;
  }
  return d;
}

const noPause = async () => undefined;

describe('prepareToShow', () => {
  it('finds the changes, quarantined sentences and row heights a one-pass reading finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(39), { maxLength: 8 }),
        async (lengths, picks) => {
          const doc = edit(corpus(lengths), picks);
          const changes = await prepareToShow(doc, noPause);
          const expected = new Map<number, number>();
          doc.sentences.forEach((s, i) => {
            if (changedTagCount(s) > 0) expected.set(i, changedTagCount(s));
          });
          expect(changes.changedBySentence).toEqual(expected);
          expect(changes.changedTags).toBe([...expected.values()].reduce((a, b) => a + b, 0));
          // the row heights are the prepared ones, equal to the estimates of every sentence
          const rows = rowHeightsFor(doc.sentences, null);
          expect(rowHeightsFor(doc.sentences, null)).toBe(rows);
          const whole = new RowHeights(doc.sentences.map((s) => rowEstimate(s.length)));
          for (let i = 0; i <= doc.sentences.length; i++)
            expect(rows.offset(i)).toBe(whole.offset(i));
          // and the filter finds the quarantined sentences prepared here
          showInStore(doc, changes);
          const st = useEditor.getState();
          expect(st.changedTags).toBe(changes.changedTags);
          const problems = doc.sentences.flatMap((s, i) => (s.quarantined ? [i] : []));
          expect(problems.length).toBe(lengths.filter((_, i) => i % 5 === 3).length);
          expect(filterSentences(st, 'problems')).toEqual(problems);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('pauses between slices of 50,000 sentences', async () => {
    const doc = corpus(Array.from({ length: 120_001 }, () => 1));
    let pauses = 0;
    await prepareToShow(doc, async () => {
      pauses++;
    });
    // 3 slices of the counts, one pause before the rows, 3 slices of the rows
    expect(pauses).toBe(2 + 1 + 2);
  });

  it('estimates a filtered list, or a document nobody prepared, in one pass', () => {
    const doc = corpus([3, 20, 40]);
    const rows = rowHeightsFor(doc.sentences, Int32Array.from([2, 0]));
    expect([rows.height(0), rows.height(1)]).toEqual([rowEstimate(40), rowEstimate(3)]);
    expect(rowHeightsFor(doc.sentences, null)).not.toBe(rowHeightsFor(doc.sentences, null));
  });
});
