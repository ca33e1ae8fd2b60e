// Test helper (not shipped): every edit test checks the result, that undo restores the
// original, and that the steps survive JSON (design.md, conventions).
import { expect } from 'vitest';
import type { Transaction } from '../edit/commands';
import { applyTransaction } from '../edit/history';
import type { CorpusDocument } from '../model/document';
import { applyStep, invertStep } from '../model/edit';

/** Applies a transaction to `doc`, checks JSON round trip and undo, and returns the result. */
export function applyChecked(doc: CorpusDocument, tr: Transaction | null): CorpusDocument {
  expect(tr).not.toBeNull();
  const after = applyTransaction(doc, tr!);
  expect(after).not.toBeNull();
  const viaJson = applyTransaction(doc, JSON.parse(JSON.stringify(tr)) as Transaction);
  expect(viaJson?.sentences.map((s) => s.tags)).toEqual(after!.sentences.map((s) => s.tags));
  let back = after!;
  for (const step of [...tr!.steps].reverse()) {
    const r = applyStep(back, invertStep(step));
    expect(r.ok).toBe(true);
    if (r.ok) back = r.doc;
  }
  expect(back.sentences.map((s) => s.tags)).toEqual(doc.sentences.map((s) => s.tags));
  return after!;
}
