import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../core/format/parse';
import { applyStep } from '../core/model/edit';
import type { CorpusDocument } from '../core/model/document';
import { packResult } from '../core/model/pack';
import {
  docTransfer,
  receiveDoc,
  rememberMirror,
  rememberSource,
  SOURCE_TRANSFER_TOKENS,
} from './doc-transfer';

const view = (d: CorpusDocument) => ({
  text: d.text,
  tokens: d.tokens,
  sentences: d.sentences.map((s) => ({ ...s, originalTags: null })),
  scheme: d.scheme.scheme,
});

function edited(d: CorpusDocument): CorpusDocument {
  let cur = d;
  for (const si of [3, 50, 700]) {
    const s = cur.sentences[si]!;
    const r = applyStep(cur, {
      type: 'setTags',
      sentence: si,
      start: 0,
      before: [s.tags[0]!],
      after: ['B-zz'],
    });
    if (r.ok) cur = r.doc;
  }
  return cur;
}

describe('sending a document to a worker', () => {
  const bytes = new Uint8Array(
    readFileSync(resolve(process.cwd(), '../shared/corpora/wnut17/emerging.dev.conll')),
  );

  it('packs a small document, whose token table the page keeps (not transferred)', async () => {
    const doc = edited(parse(bytes).document);
    const { transfer, buffers } = docTransfer(doc);
    expect(transfer.kind).toBe('packed');
    expect(buffers).not.toContain(doc.tokens.line.buffer);
    expect(view(await receiveDoc(structuredClone(transfer)))).toEqual(view(doc));
  });

  it('hands on the port where the parse worker posted its copy, once, with the edits', async () => {
    const base = parse(bytes).document;
    const channel = new MessageChannel();
    // what the parse worker does: a copy of its packed result, nothing transferred
    channel.port1.postMessage(packResult(parse(bytes)));
    rememberMirror(base, channel.port2);
    const doc = edited(base);
    const { transfer, buffers } = docTransfer(doc);
    expect(transfer.kind).toBe('port');
    if (transfer.kind !== 'port') return;
    expect(transfer.edits.map((e) => e.index)).toEqual([3, 50, 700]);
    expect(buffers).toEqual([channel.port2]);
    // the port is used once: the next worker gets the document packed
    expect(docTransfer(doc).transfer.kind).toBe('packed');
    expect(view(await receiveDoc(transfer))).toEqual(view(doc));
    channel.port1.close();
  });

  it('keeps one port at most: the next parse closes the one nobody took', () => {
    const first = parse(bytes).document;
    const second = parse(bytes).document;
    const a = new MessageChannel();
    const b = new MessageChannel();
    rememberMirror(first, a.port2);
    rememberMirror(second, b.port2);
    expect(docTransfer(first).transfer.kind).toBe('packed');
    expect(docTransfer(second).transfer.kind).toBe('port');
    a.port1.close();
    b.port1.close();
  });

  it('sends a big document as its file plus the edited sentences', async () => {
    // a corpus over the threshold: the 1M-token scale file, twice
    const one = readFileSync(resolve(process.cwd(), '../shared/corpora/scale/scale-1m.conll'));
    const big = new Uint8Array(Buffer.concat([one, Buffer.from('\n'), one]));
    const base = parse(big).document;
    expect(base.tokens.line.length).toBeGreaterThanOrEqual(SOURCE_TRANSFER_TOKENS);
    const blob = new Blob([big]);
    rememberSource(base, blob, {});
    const doc = edited(base);
    const { transfer, buffers } = docTransfer(doc);
    expect(transfer.kind).toBe('source');
    if (transfer.kind !== 'source') return;
    expect(transfer.edits.map((e) => e.index)).toEqual([3, 50, 700]);
    // the Blob itself goes (sending one copies nothing), nothing is transferred away
    expect(transfer.bytes).toBe(blob);
    expect(buffers).toEqual([]);
    const back = await receiveDoc(structuredClone(transfer));
    expect(back.text === doc.text).toBe(true);
    expect(back.sentences.length).toBe(doc.sentences.length);
    expect(back.sentences.every((s, i) => s.tags.join() === doc.sentences[i]!.tags.join())).toBe(
      true,
    );
    // a structural edit makes a new token table: that document is packed, not re-parsed
    const other = { ...doc, tokens: { ...doc.tokens } };
    expect(docTransfer(other).transfer.kind).toBe('packed');
  }, 60_000);
});
