// Structural edits from keys and buttons: build the step with a core function, dispatch it, and
// say why when it cannot apply.
import {
  joinSentencesStep,
  mergeTokensStep,
  splitSentenceStep,
  splitTokenStep,
  type StructureError,
  type StructureStep,
} from '../../core/structure/structure';
import { dispatchStructure, useEditor } from '../../store/editor-store';

const REASONS: Record<StructureError, string> = {
  'no-such-sentence': 'There is no such sentence.',
  'out-of-range': 'There is no token there.',
  quarantined: 'This sentence has a malformed line: it is read-only.',
  stale: 'The document changed; try again.',
  'document-break-between': 'A -DOCSTART- line lies between the sentences: they stay apart.',
  'comment-between': 'A comment line lies between the sentences: they stay apart.',
  'bad-split-point': 'A token is split between two characters, not at its ends.',
  'bad-merge': 'These tokens cannot be merged.',
  'unsupported-line': 'The line has a layout this edit cannot rewrite.',
  'changes-layout': 'The edit would change how the file is read; it was not made.',
  'unwritable-tag': 'A tag could not be written.',
};

let note = '';
const listeners = new Set<() => void>();

/** The last refusal, for the token bar. */
export function tokenNote(): string {
  return note;
}

export function onTokenNote(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

function say(text: string): void {
  note = text;
  for (const f of listeners) f();
}

function run(make: () => StructureStep | StructureError): boolean {
  const step = make();
  if (typeof step === 'string') {
    say(REASONS[step]);
    return false;
  }
  if (!dispatchStructure(step)) {
    say(
      useEditor.getState().save.readOnly
        ? 'Read-only: another tab holds this document.'
        : 'The edit did not apply.',
    );
    return false;
  }
  say('');
  return true;
}

/** Splits the token under the cursor after `at` UTF-16 code units. */
export function splitTokenAtCursor(at: number): boolean {
  const { doc, cursor } = useEditor.getState();
  return !!doc && run(() => splitTokenStep(doc, cursor.s, cursor.t, at));
}

/** Merges the token under the cursor with the next one. */
export function mergeWithNextToken(): boolean {
  const { doc, cursor } = useEditor.getState();
  return !!doc && run(() => mergeTokensStep(doc, cursor.s, cursor.t));
}

/** Starts a new sentence at the token under the cursor. */
export function splitSentenceAtCursor(): boolean {
  const { doc, cursor } = useEditor.getState();
  if (!doc) return false;
  if (cursor.t === 0) {
    say('The cursor is on the first token: move it to where the new sentence should start.');
    return false;
  }
  return run(() => splitSentenceStep(doc, cursor.s, cursor.t));
}

/** Joins the cursor's sentence with the next one. */
export function joinWithNextSentence(): boolean {
  const { doc, cursor } = useEditor.getState();
  return !!doc && run(() => joinSentencesStep(doc, cursor.s));
}
