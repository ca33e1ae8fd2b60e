// Runs the corpus-wide consistency analysis off the main thread and keeps its index, so an
// edit costs an incremental update here, not a new analysis.
import { ConsistencyIndex, type ConsistencySource, type Finding } from '../core/checks/consistency';
import type { CorpusDocument } from '../core/model/document';
import { packFindings, type FindingsWire } from '../core/checks/wire';
import { receiveDoc } from './doc-transfer';
import { stepAside } from './step-aside';
import type { ConsistencyReply, ConsistencyRequest } from './consistency-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ConsistencyRequest>) => void) | null;
  postMessage(message: ConsistencyReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/**
 * Places (occurrences) per message to the page. They travel packed (`FindingsWire`), so a part
 * costs the page about the findings in it: at 10M tokens, 17 messages took 191 ms of the
 * page's thread in all (median 5.9 ms), where 155 messages of 2,000 places as objects took
 * 1,166 ms, 311 of it in GCs.
 */
const PART_PLACES = 20_000;

/**
 * The analysis runs in slices of about 8 ms and stops while the user types or points, until
 * 250 ms after the page last said so (the page says so at most every 50 ms), but for at most
 * a second at a time, so input that never stops only slows it down: the worker and the page
 * share two cores, and a second of analysis beside a burst of keys made their frames twice
 * as slow. A key that comes mid-slice shares the cores with the rest of that slice. (At 2M
 * tokens and more, `receiveDoc` first re-reads the file in one piece, which does not pause.)
 */
const aside = stepAside(8, 250, 1000);

/** Unflagged places sent per variant: enough to show examples; the counts stay exact. */
const EXAMPLES = 25;

/**
 * Keeps every flagged place but only a few examples of the others: a word like "the" has
 * 29,000 places, and copying them all to the page after every edit would cost more than the
 * analysis. The UI says when a finding's places are trimmed.
 */
function trim(f: Finding): Finding {
  if (f.occurrences.length <= EXAMPLES * f.variants.length) return f;
  const seen = new Map<number, number>();
  const occurrences = f.occurrences.filter((o) => {
    if (o.flagged) return true;
    const n = seen.get(o.variant) ?? 0;
    seen.set(o.variant, n + 1);
    return n < EXAMPLES;
  });
  return { ...f, occurrences };
}

let index: ConsistencyIndex | null = null;
/** The findings (as the index returned them) the page has, by id. */
let sent = new Map<string, Finding>();
/** The order of the last reply (the page keeps it when a reply leaves it out). */
let lastOrder: readonly string[] | null = null;
let doc: CorpusDocument | null = null;

/** Messages are handled one after another (an init may wait for a file to be read). */
let queue = Promise.resolve();
scope.onmessage = (e) => {
  const m = e.data;
  // taken at once, even while the analysis runs: it is what pauses the analysis
  if (m.type === 'input') aside.noteInput();
  else queue = queue.then(() => handle(m));
};

async function handle(m: Exclude<ConsistencyRequest, { type: 'input' }>): Promise<void> {
  const t0 = performance.now();
  /** Time spent paused for the user (not part of the analysis' own time). */
  let paused = 0;
  const timedPause = async () => {
    const p0 = performance.now();
    await aside.pause();
    paused += performance.now() - p0;
  };
  try {
    if (m.type === 'init') {
      aside.start();
      const sources: ConsistencySource[] = [];
      for (const s of m.sources)
        sources.push({ name: s.name, evidenceOnly: s.evidenceOnly, doc: await receiveDoc(s.doc) });
      doc = sources[0]?.doc ?? null;
      index = await ConsistencyIndex.build(sources, {}, aside.due, timedPause);
      sent = new Map();
      lastOrder = null;
    } else {
      if (!index || !doc) return;
      const sentences = doc.sentences.slice();
      for (const u of m.sentences) {
        const s = sentences[u.index];
        if (s) sentences[u.index] = { ...s, tags: u.tags };
      }
      doc = { ...doc, sentences };
      index.update(
        0,
        doc,
        m.sentences.map((u) => u.index),
      );
    }
    const findings = index.findings();
    // The index keeps a finding's object while its words are unaffected: send only new ones.
    const changed: Finding[] = [];
    const next = new Map<string, Finding>();
    for (const f of findings) {
      next.set(f.id, f);
      if (sent.get(f.id) !== f) changed.push(trim(f));
    }
    sent = next;
    const order = findings.map((f) => f.id);
    const sameOrder =
      lastOrder !== null &&
      lastOrder.length === order.length &&
      order.every((id, i) => id === lastOrder?.[i]);
    lastOrder = order;
    // in parts of about PART_PLACES places each, the last one with the order
    let part: Finding[] = [];
    let places = 0;
    const packed = (fs: readonly Finding[]): [FindingsWire, Transferable[]] => {
      const w = packFindings(fs);
      return [w, [w.places.buffer]];
    };
    for (const f of changed) {
      if (places + f.occurrences.length > PART_PLACES && part.length > 0) {
        const [wire, transfer] = packed(part);
        scope.postMessage({ type: 'part', gen: m.gen, changed: wire }, transfer);
        part = [];
        places = 0;
        // the page receives each part in a task of its own: not while the user types
        if (m.type === 'init') await timedPause();
      }
      part.push(f);
      places += f.occurrences.length;
    }
    const [wire, transfer] = packed(part);
    scope.postMessage(
      {
        type: 'findings',
        gen: m.gen,
        ...(sameOrder ? {} : { order }),
        changed: wire,
        ms: performance.now() - t0 - paused,
        paused,
      },
      transfer,
    );
  } catch (err) {
    scope.postMessage({ type: 'error', gen: m.gen, message: String(err) });
  }
}
