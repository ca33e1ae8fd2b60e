import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeConsistency } from '../core/checks/consistency';
import { unpackFindings } from '../core/checks/wire';
import { parse } from '../core/format/parse';
import type { CorpusDocument } from '../core/model/document';
import type { ConsistencyReply, ConsistencyRequest } from './consistency-protocol';
import { docTransfer } from './doc-transfer';

// The worker module run in this thread: `self` is a stand-in whose onmessage the test calls
// and whose postMessage records the replies with their time.
const scope = {
  onmessage: null as ((e: { data: ConsistencyRequest }) => void) | null,
  postMessage: (m: ConsistencyReply) => replies.push({ at: performance.now(), m }),
};
let replies: { at: number; m: ConsistencyReply }[] = [];
const send = (m: ConsistencyRequest) => scope.onmessage!({ data: m });

/** The first ~200,000 tokens of scale-1m: a build of a few hundred ms, many slices. */
function slice(): CorpusDocument {
  const all = readFileSync(resolve(process.cwd(), '../shared/corpora/scale/scale-1m.conll'));
  const cut = all.indexOf('\n\n', 2_000_000) + 2;
  return parse(all.subarray(0, cut)).document;
}

const init = (doc: CorpusDocument): ConsistencyRequest => ({
  type: 'init',
  gen: 1,
  sources: [{ name: 'a', evidenceOnly: false, doc: docTransfer(doc).transfer }],
});

async function until(done: () => boolean, ms = 30_000): Promise<void> {
  const end = performance.now() + ms;
  while (!done() && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
}

const findingsReplies = () => replies.filter((r) => r.m.type === 'findings');

let doc: CorpusDocument;
beforeAll(async () => {
  (globalThis as unknown as { self: typeof scope }).self = scope;
  await import('./consistency.worker');
  doc = slice();
});

describe('consistency worker', () => {
  it('stands still while the page reports input, then sends every finding', async () => {
    replies = [];
    send(init(doc));
    // input every 50 ms for 0.6 s, from the moment the analysis starts
    let lastInput = 0;
    for (let t = 0; t < 600; t += 50) {
      send({ type: 'input' });
      lastInput = performance.now();
      await new Promise((r) => setTimeout(r, 50));
    }
    await until(() => findingsReplies().length === 1);
    const [done] = findingsReplies();
    expect(done).toBeDefined();
    // nothing was sent while input came, and the answer waited for 250 ms of quiet
    expect(replies[0]!.at).toBeGreaterThanOrEqual(lastInput + 240);
    expect(done!.m.type === 'findings' && done!.m.paused).toBeGreaterThan(500);
    const sent = replies.flatMap((r) => (r.m.type === 'error' ? [] : unpackFindings(r.m.changed)));
    const expected = analyzeConsistency([{ name: 'a', evidenceOnly: false, doc }]);
    expect(sent.map((f) => f.id).sort()).toEqual(expected.map((f) => f.id).sort());
    // every flagged place arrives as it was found (unflagged ones are trimmed to examples)
    const flaggedOf = (fs: typeof expected) =>
      new Map(fs.map((f) => [f.id, f.occurrences.filter((o) => o.flagged)]));
    expect(flaggedOf(sent)).toEqual(flaggedOf(expected));
    expect(done!.m.type === 'findings' && done!.m.order).toEqual(expected.map((f) => f.id));
  });

  it('answers an edit sent during a paused analysis after the analysis, with the edit in', async () => {
    replies = [];
    send(init(doc));
    send({ type: 'input' });
    // a word that starts many sentences, is never labelled and has no finding: labelling it
    // as X in three sentences makes a new finding
    const before = new Set(
      analyzeConsistency([{ name: 'a', evidenceOnly: false, doc }]).map((f) =>
        f.words.join(' ').toLowerCase(),
      ),
    );
    const firstWord = (i: number) => {
      const s = doc.sentences[i]!;
      return doc.text.slice(doc.tokens.tokenStart[s.first], doc.tokens.tokenEnd[s.first]);
    };
    const starts = new Map<string, number[]>();
    doc.sentences.forEach((s, i) => {
      if (s.length < 2 || s.quarantined || s.tags[0] !== 'O') return;
      starts.set(firstWord(i), [...(starts.get(firstWord(i)) ?? []), i]);
    });
    const [word, at] = [...starts].find(
      ([w, is]) =>
        is.length >= 10 && w.length >= 4 && /^[A-Za-z]+$/.test(w) && !before.has(w.toLowerCase()),
    )!;
    const edits = at.slice(0, 3).map((index) => ({
      index,
      tags: ['B-X', ...doc.sentences[index]!.tags.slice(1)],
    }));
    send({ type: 'update', gen: 1, sentences: edits });
    await until(() => findingsReplies().length === 2);
    const [first, second] = findingsReplies();
    expect(first!.at).toBeLessThanOrEqual(second!.at);
    const edited = doc.sentences.slice();
    for (const e of edits) edited[e.index] = { ...edited[e.index]!, tags: e.tags };
    const expected = analyzeConsistency([
      { name: 'a', evidenceOnly: false, doc: { ...doc, sentences: edited } },
    ]);
    const theFinding = expected.find((f) => f.words.join(' ').toLowerCase() === word.toLowerCase());
    expect(theFinding).toBeDefined();
    // the update's reply carries the new finding; the analysis' reply did not
    const ids = (r: { m: ConsistencyReply }) =>
      r.m.type === 'error' ? [] : r.m.changed.findings.map((f) => f.id);
    expect(ids(second!)).toContain(theFinding!.id);
    expect(replies.filter((r) => r.at <= first!.at).flatMap(ids)).not.toContain(theFinding!.id);
  });
});
