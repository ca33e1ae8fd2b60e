import { openTokenSplit } from './TokenBar';
import { joinWithNextSentence, mergeWithNextToken, splitSentenceAtCursor } from './token-actions';
import { goToNext } from '../../store/checks';
import { redoEdit, setPanel, setReviewed, undoEdit, useEditor } from '../../store/editor-store';
import { keyString, type KeyLike } from '../keymap/keys';
import { labelShortcuts } from '../keymap/registry';
import { customLabelKeys } from '../palette/label-keys';
import {
  applyLabel,
  moveBoundary,
  removeAtCursor,
  repeatLast,
  revert,
  selectEntityAtCursor,
  step,
} from './actions';

/** Opens the search panel and puts the focus in its field. */
function openSearch(): void {
  if (useEditor.getState().panel !== 'search') setPanel('search');
  setTimeout(() => document.getElementById('search-input')?.focus(), 0);
}

/** Runs the editor command bound to a key press; true when one ran (or the key is taken). */
export function handleEditorKey(e: KeyLike): boolean {
  const key = keyString(e);
  const st = useEditor.getState();
  for (const s of labelShortcuts(st.labels.names, customLabelKeys())) {
    if (s.keys.includes(key)) {
      applyLabel(s.id.slice('label:'.length));
      return true;
    }
  }
  switch (key) {
    case 'ArrowLeft':
      step('left');
      return true;
    case 'ArrowRight':
      step('right');
      return true;
    case 'ArrowUp':
      step('up');
      return true;
    case 'ArrowDown':
      step('down');
      return true;
    case 'Home':
      step('home');
      return true;
    case 'End':
      step('end');
      return true;
    case 'PageUp':
      step('pageUp');
      return true;
    case 'PageDown':
      step('pageDown');
      return true;
    case 'Ctrl+Home':
      step('first');
      return true;
    case 'Ctrl+End':
      step('last');
      return true;
    case 'Shift+ArrowLeft':
      step('left', true);
      return true;
    case 'Shift+ArrowRight':
      step('right', true);
      return true;
    case 'Enter':
      selectEntityAtCursor();
      return true;
    case 'Escape':
      useEditor.setState({ anchor: null, panel: 'none' });
      return true;
    case 'Backspace':
    case 'Delete':
      removeAtCursor();
      return true;
    case '.':
      repeatLast();
      return true;
    case 'Alt+ArrowLeft':
      moveBoundary('end', -1);
      return true;
    case 'Alt+ArrowRight':
      moveBoundary('end', 1);
      return true;
    case 'Alt+Shift+ArrowLeft':
      moveBoundary('start', -1);
      return true;
    case 'Alt+Shift+ArrowRight':
      moveBoundary('start', 1);
      return true;
    case 'Shift+R':
      revert(st.cursor.s);
      return true;
    case 'Shift+T':
      openTokenSplit();
      return true;
    case 'Shift+M':
      mergeWithNextToken();
      return true;
    case 'Shift+Enter':
      splitSentenceAtCursor();
      return true;
    case 'Shift+J':
      joinWithNextSentence();
      return true;
    case 'G':
      document.getElementById('goto-sentence')?.focus();
      return true;
    case 'P':
      setPanel('problems');
      return true;
    case 'C':
      setPanel('consistency');
      return true;
    case 'D':
      setPanel('changes');
      return true;
    case 'S':
      setPanel('stats');
      return true;
    case 'L':
      setPanel('labels');
      return true;
    case '/':
      openSearch();
      return true;
    case 'V':
      setReviewed([st.cursor.s], !st.reviewed.has(st.cursor.s));
      return true;
    case 'N':
      goToNext('unreviewed');
      return true;
    case 'E':
      goToNext('problem');
      return true;
    case 'I':
      goToNext('inconsistency');
      return true;
    case '?':
      setPanel('help');
      return true;
    default:
      return handleGlobalKey(e);
  }
}

/** Keys that work anywhere except in text fields: undo, redo, export, open. */
export function handleGlobalKey(e: KeyLike): boolean {
  switch (keyString(e)) {
    case 'Ctrl+Z':
      undoEdit();
      return true;
    case 'Ctrl+Shift+Z':
    case 'Ctrl+Y':
      redoEdit();
      return true;
    case 'Ctrl+S':
      document.getElementById('export-button')?.click();
      return true;
    case 'Ctrl+O':
      document.getElementById('open-file-input')?.click();
      return true;
    default:
      return false;
  }
}
