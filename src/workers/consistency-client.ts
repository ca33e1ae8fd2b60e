import type { Finding } from '../core/checks/consistency';
import { FindingsMirror, type SentenceIndexSet } from '../core/checks/mirror';
import { unpackFindings } from '../core/checks/wire';
import type { CorpusDocument } from '../core/model/document';
import type { ConsistencyReply, ConsistencyRequest } from './consistency-protocol';
import { docTransfer } from './doc-transfer';

/** A consistency analysis living in a worker: started for a corpus, then told about edits. */
export interface ConsistencyJob {
  update(sentences: readonly { index: number; tags: readonly string[] }[]): void;
  /** The user is typing or pointing: a full analysis in progress pauses (see the worker). */
  userActive(): void;
  stop(): void;
}

/**
 * Starts the analysis of `sources` (the open document first, then evidence-only files) in a
 * worker; `onFindings` gets the ranked findings after the analysis and after each update.
 */
export function startConsistency(
  sources: readonly { name: string; doc: CorpusDocument; evidenceOnly: boolean }[],
  onFindings: (
    findings: readonly Finding[],
    flagged: SentenceIndexSet,
    ms: number,
    paused: number,
  ) => void,
  onError: (message: string) => void,
): ConsistencyJob {
  const worker = new Worker(new URL('./consistency.worker.ts', import.meta.url), {
    type: 'module',
  });
  const gen = 1;
  const mirror = new FindingsMirror();
  worker.onmessage = (e: MessageEvent<ConsistencyReply>) => {
    const m = e.data;
    if (m.gen !== gen) return;
    if (m.type === 'part') mirror.take(unpackFindings(m.changed));
    else if (m.type === 'findings') {
      mirror.take(unpackFindings(m.changed));
      const { findings, flagged } = mirror.finish(m.order);
      onFindings(findings, flagged, m.ms, m.paused);
    } else onError(m.message);
  };
  worker.onerror = (e) => onError(e.message || 'the consistency worker failed');
  const post = (m: ConsistencyRequest) => worker.postMessage(m);
  const sent = sources.map((s) => ({
    name: s.name,
    evidenceOnly: s.evidenceOnly,
    ...docTransfer(s.doc),
  }));
  worker.postMessage(
    {
      type: 'init',
      gen,
      sources: sent.map((s) => ({ name: s.name, evidenceOnly: s.evidenceOnly, doc: s.transfer })),
    } satisfies ConsistencyRequest,
    sent.flatMap((s) => s.buffers),
  );
  return {
    update: (sentences) => post({ type: 'update', gen, sentences }),
    userActive: () => post({ type: 'input' }),
    stop: () => worker.terminate(),
  };
}
