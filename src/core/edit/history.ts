import type { CorpusDocument } from '../model/document';
import { applySteps, invertStep, type SetTagsStep } from '../model/edit';
import {
  applyStructure,
  invertStructure,
  sentenceShift,
  type StructureStep,
} from '../structure/structure';
import type { Transaction } from './commands';

/**
 * One undoable unit: the steps of one transaction, or of several grouped ones; or one
 * structural edit (split/merge tokens, split/join sentences), which never groups.
 */
export interface HistoryEntry {
  readonly steps: readonly SetTagsStep[];
  readonly command: string;
  /** When the entry was last extended (ms), for grouping. */
  readonly time: number;
  readonly structure?: StructureStep;
}

/** Undo and redo stacks. Cursor moves never enter it; file import is not undoable. */
export interface History {
  readonly done: readonly HistoryEntry[];
  readonly undone: readonly HistoryEntry[];
}

/** Edits of one command on one sentence closer together than this are undone together. */
export const GROUP_MS = 600;

/** Most entries kept; older ones are dropped (their edits stay in the document). */
export const MAX_HISTORY = 5000;

export const EMPTY_HISTORY: History = { done: [], undone: [] };

function sentenceOf(steps: readonly SetTagsStep[]): number {
  return steps.length > 0 ? (steps[0] as SetTagsStep).sentence : -1;
}

/** True when a new transaction would be grouped with the last entry. */
export function groupsWith(h: History, tr: Transaction, time: number): boolean {
  const last = h.done[h.done.length - 1];
  return (
    !!last &&
    last.command === tr.command &&
    time - last.time < GROUP_MS &&
    sentenceOf(last.steps) === sentenceOf(tr.steps) &&
    tr.steps.every((s) => s.sentence === sentenceOf(tr.steps))
  );
}

/** Records an applied transaction; quick successive edits of one kind on one sentence group. Clears redo. */
export function record(
  h: History,
  tr: Transaction,
  time: number,
  group = groupsWith(h, tr, time),
): History {
  const last = h.done[h.done.length - 1];
  const done =
    group && last
      ? [
          ...h.done.slice(0, -1),
          { steps: [...last.steps, ...tr.steps], command: last.command, time },
        ]
      : [...h.done, { steps: tr.steps, command: tr.command, time }];
  return {
    done: done.length > MAX_HISTORY ? done.slice(done.length - MAX_HISTORY) : done,
    undone: [],
  };
}

/** Records an applied structural edit (its own entry). Clears redo. */
export function recordStructure(h: History, step: StructureStep, time: number): History {
  const done = [...h.done, { steps: [], command: `structure.${step.type}`, time, structure: step }];
  return {
    done: done.length > MAX_HISTORY ? done.slice(done.length - MAX_HISTORY) : done,
    undone: [],
  };
}

/**
 * Result of undo or redo: the new document and history, and the tag steps that were applied,
 * or the structural step that was (sentence indices may have moved: see `sentenceShift`).
 */
export interface Travel {
  readonly doc: CorpusDocument;
  readonly history: History;
  readonly steps: readonly SetTagsStep[];
  readonly structure?: StructureStep;
}

/** Undoes the last entry; null when there is nothing to undo or it no longer applies. */
export function undo(doc: CorpusDocument, h: History): Travel | null {
  const entry = h.done[h.done.length - 1];
  if (!entry) return null;
  if (entry.structure) {
    const step = invertStructure(entry.structure);
    const r = applyStructure(doc, step);
    if (!r.ok) return null;
    return {
      doc: r.doc,
      history: { done: h.done.slice(0, -1), undone: [...h.undone, entry] },
      steps: [],
      structure: step,
    };
  }
  const steps = [...entry.steps].reverse().map(invertStep);
  const r = applySteps(doc, steps);
  if (!r.ok) return null;
  return {
    doc: r.doc,
    history: { done: h.done.slice(0, -1), undone: [...h.undone, entry] },
    steps,
  };
}

/** Redoes the last undone entry; null when there is nothing to redo. */
export function redo(doc: CorpusDocument, h: History): Travel | null {
  const entry = h.undone[h.undone.length - 1];
  if (!entry) return null;
  if (entry.structure) {
    const r = applyStructure(doc, entry.structure);
    if (!r.ok) return null;
    return {
      doc: r.doc,
      history: { done: [...h.done, entry], undone: h.undone.slice(0, -1) },
      steps: [],
      structure: entry.structure,
    };
  }
  const r = applySteps(doc, entry.steps);
  if (!r.ok) return null;
  return {
    doc: r.doc,
    history: { done: [...h.done, entry], undone: h.undone.slice(0, -1) },
    steps: entry.steps,
  };
}

/**
 * An entry of the persisted operation log. Replaying the log on the imported document
 * rebuilds both the document and its undo history.
 */
export type Op =
  | {
      readonly kind: 'do';
      readonly tr: Transaction;
      readonly time: number;
      readonly group: boolean;
    }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  /** Marks sentences reviewed or not. Not an edit: it does not enter the undo history. */
  | { readonly kind: 'review'; readonly sentences: readonly number[]; readonly reviewed: boolean }
  /** A structural edit (tokens or sentence breaks); undoable, its own history entry. */
  | { readonly kind: 'structure'; readonly step: StructureStep; readonly time: number };

/**
 * Moves sentence indices across a structural edit: after a split at s, i > s becomes i + 1;
 * after a join of s and s + 1, i > s + 1 becomes i - 1 and s + 1 is folded into s (kept only
 * if both were in the set).
 */
export function shiftIndices(set: ReadonlySet<number>, step: StructureStep): Set<number> {
  const { at, delta } = sentenceShift(step);
  const out = new Set<number>();
  for (const i of set) {
    // a joined sentence keeps a mark only if both halves had it
    if (delta === -1 && (i === at || i === at + 1)) {
      if (set.has(at) && set.has(at + 1)) out.add(at);
    } else out.add(movedIndex(i, step));
  }
  return out;
}

/** Where sentence `i` is after a structural edit (after a join, `at + 1` is part of `at`). */
export function movedIndex(i: number, step: StructureStep): number {
  const { at, delta } = sentenceShift(step);
  return delta === 0 || i <= at ? i : i + delta;
}

/** Rebuilds document and history from an op log. Stops at the first op that does not apply. */
export function replay(
  doc: CorpusDocument,
  ops: readonly Op[],
): { doc: CorpusDocument; history: History; applied: number; reviewed: Set<number> } {
  let cur = doc;
  let h = EMPTY_HISTORY;
  let applied = 0;
  const reviewed = new Set<number>();
  for (const op of ops) {
    if (op.kind === 'review') {
      for (const si of op.sentences) {
        if (!cur.sentences[si]) continue;
        if (op.reviewed) reviewed.add(si);
        else reviewed.delete(si);
      }
    } else if (op.kind === 'structure') {
      const r = applyStructure(cur, op.step);
      if (!r.ok) break;
      cur = r.doc;
      h = recordStructure(h, op.step, op.time);
      const moved = shiftIndices(reviewed, op.step);
      reviewed.clear();
      for (const i of moved) reviewed.add(i);
    } else if (op.kind === 'do') {
      const r = applySteps(cur, op.tr.steps);
      if (!r.ok) break;
      cur = r.doc;
      h = record(h, op.tr, op.time, op.group);
    } else {
      const t = op.kind === 'undo' ? undo(cur, h) : redo(cur, h);
      if (!t) break;
      cur = t.doc;
      h = t.history;
      if (t.structure) {
        const moved = shiftIndices(reviewed, t.structure);
        reviewed.clear();
        for (const i of moved) reviewed.add(i);
      }
    }
    applied += 1;
  }
  return { doc: cur, history: h, applied, reviewed };
}

/** Applies a transaction's steps; null when any step no longer applies. */
export function applyTransaction(doc: CorpusDocument, tr: Transaction): CorpusDocument | null {
  const r = applySteps(doc, tr.steps);
  return r.ok ? r.doc : null;
}
