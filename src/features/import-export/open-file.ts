import { fileSizeRefusal } from '../../core/format/decode';
import { useEditor } from '../../store/editor-store';
import { openAny } from '../../store/open-any';
import { importBytes } from '../../store/session';

/**
 * Refuses a file too big to hold as one string, before a byte of it is read: shows why (naming
 * the limit) and returns true. Reading it would end in "Invalid string length" or an empty page.
 */
function refuseTooLarge(file: File): boolean {
  const why = fileSizeRefusal(file.size);
  if (why === null) return false;
  useEditor.setState({
    importState: {
      phase: 'failed',
      fileName: file.name,
      progress: 0,
      error: `${file.name}: ${why}. Split the corpus into smaller files.`,
    },
  });
  return true;
}

/** Reads a File the user chose or dropped and imports it (refusing files too big to hold). */
export async function openFile(
  file: File,
  handle: FileSystemFileHandle | null = null,
  confirmUnsaved = true,
): Promise<void> {
  const st = useEditor.getState();
  if (confirmUnsaved && st.history.done.length > 0 && st.save.status !== 'saved') {
    if (!window.confirm('Some edits are not saved yet. Open another file anyway?')) return;
  }
  if (refuseTooLarge(file)) return;
  useEditor.setState({
    importState: { phase: 'parsing', fileName: file.name, progress: 0, error: '' },
  });
  performance.mark('retag:read-start');
  await importBytes(file.name, file, {}, handle);
}

/**
 * Opens files the user chose or dropped: a corpus, another tool's export (brat: its .txt and
 * .ann together) or plain text, each by its name and content.
 */
export async function openFiles(
  files: readonly File[],
  handle: FileSystemFileHandle | null = null,
): Promise<void> {
  const st = useEditor.getState();
  if (st.history.done.length > 0 && st.save.status !== 'saved') {
    if (!window.confirm('Some edits are not saved yet. Open another file anyway?')) return;
  }
  // Every file, not only a corpus: a brat .txt is read whole as text.
  for (const f of files) if (refuseTooLarge(f)) return;
  await openAny(files, (f) => openFile(f, handle, false));
}
