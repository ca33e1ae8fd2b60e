import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { extractChunks } from '../scheme/chunks';
import { chunkRulesFor, encodeChunks, SCHEMES, type Scheme } from '../scheme/schemes';
import { validateTags } from '../scheme/validate';
import { clearSpan, labelSpan, relabelEntity, removeEntity, type Transaction } from './commands';
import { applyTransaction, EMPTY_HISTORY, record, redo, replay, undo, type Op } from './history';

const chunksArb = fc.array(
  fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 3 }), fc.constantFrom('X', 'Y')),
  { maxLength: 4 },
);

/** A valid one-sentence document of 8 tokens in a scheme, from random entities. */
function build(scheme: Scheme, marks: [number, number, string][]) {
  const taken = new Array<boolean>(8).fill(false);
  const chunks: { start: number; end: number; type: string }[] = [];
  for (const [s, len, type] of marks) {
    const e = Math.min(8, s + len);
    if (taken.slice(s, e).some(Boolean)) continue;
    for (let i = s; i < e; i++) taken[i] = true;
    chunks.push({ start: s, end: e, type });
  }
  chunks.sort((a, b) => a.start - b.start);
  const tags = encodeChunks(chunks, 8, scheme);
  return parse(new TextEncoder().encode(tags.map((g, i) => `w${i}\t${g}\n`).join('')), { scheme })
    .document;
}

const commandArb = fc.oneof(
  fc.tuple(
    fc.constant('label'),
    fc.nat(7),
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom('X', 'Y', 'Z'),
  ),
  fc.tuple(fc.constant('clear'), fc.nat(7), fc.integer({ min: 1, max: 4 }), fc.constant('')),
  fc.tuple(fc.constant('remove'), fc.nat(7), fc.constant(1), fc.constant('')),
  fc.tuple(fc.constant('relabel'), fc.nat(7), fc.constant(1), fc.constantFrom('X', 'Y', 'Z')),
);

function command(
  doc: ReturnType<typeof build>,
  [kind, at, len, type]: [string, number, number, string],
): Transaction | null {
  const end = Math.min(8, at + len);
  if (kind === 'label') return labelSpan(doc, 0, at, end, type);
  if (kind === 'clear') return clearSpan(doc, 0, at, end);
  if (kind === 'remove') return removeEntity(doc, 0, at);
  return relabelEntity(doc, 0, at, type);
}

describe('commands (properties)', () => {
  it('keep every sentence valid in its scheme and give the entities asked for', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMES),
        chunksArb,
        fc.array(commandArb, { maxLength: 6 }),
        (scheme, marks, cmds) => {
          let doc = build(scheme, marks);
          for (const c of cmds) {
            const tr = command(doc, c);
            if (!tr) continue;
            const next = applyTransaction(doc, tr);
            expect(next).not.toBeNull();
            doc = next!;
            const tags = doc.sentences[0]!.tags;
            expect(validateTags(tags, scheme)).toEqual([]);
            if (c[0] === 'label') {
              const chunks = extractChunks(tags, chunkRulesFor(scheme));
              expect(chunks).toContainEqual({
                start: c[1],
                end: Math.min(8, c[1] + c[2]),
                type: c[3],
              });
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('history: undo all restores the import, redo all restores the edits, replay of the op log rebuilds both', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMES),
        chunksArb,
        fc.array(fc.tuple(commandArb, fc.nat(900)), { maxLength: 8 }),
        fc.array(fc.constantFrom('undo', 'redo'), { maxLength: 6 }),
        (scheme, marks, cmds, travels) => {
          const start = build(scheme, marks);
          let doc = start;
          let h = EMPTY_HISTORY;
          let time = 0;
          const ops: Op[] = [];
          for (const [c, dt] of cmds) {
            const tr = command(doc, c);
            if (!tr) continue;
            time += dt;
            const group =
              h.done.length > 0 &&
              time - h.done[h.done.length - 1]!.time < 600 &&
              h.done[h.done.length - 1]!.command === tr.command;
            doc = applyTransaction(doc, tr)!;
            h = record(h, tr, time, group);
            ops.push({
              kind: 'do',
              tr: JSON.parse(JSON.stringify(tr)) as Transaction,
              time,
              group,
            });
          }
          for (const kind of travels) {
            const t = kind === 'undo' ? undo(doc, h) : redo(doc, h);
            if (!t) continue;
            doc = t.doc;
            h = t.history;
            ops.push({ kind });
          }
          const rebuilt = replay(start, ops);
          expect(rebuilt.applied).toBe(ops.length);
          expect(rebuilt.doc.sentences[0]!.tags).toEqual(doc.sentences[0]!.tags);
          expect(rebuilt.history).toEqual(h);
          let all = { doc, history: h };
          for (let t = undo(all.doc, all.history); t; t = undo(all.doc, all.history)) all = t;
          expect(all.doc.sentences[0]!.tags).toEqual(start.sentences[0]!.tags);
        },
      ),
      { numRuns: 800 },
    );
  });
});
