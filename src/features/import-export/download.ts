/** Offers bytes as a download under `fileName` (a new file: the source is never touched). */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Writes bytes back to a file opened through the File System Access API (atomic on close). */
export async function writeToHandle(
  handle: FileSystemFileHandle,
  bytes: Uint8Array,
): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(bytes as BufferSource);
    await writable.close();
  } catch (e) {
    await writable.abort().catch(() => undefined);
    throw e;
  }
}

interface PickerWindow {
  showOpenFilePicker?: (options?: { multiple?: boolean }) => Promise<FileSystemFileHandle[]>;
}

/** True where the browser can open a file with a handle to write back to (Chromium). */
export function canWriteBack(): boolean {
  return typeof (window as PickerWindow).showOpenFilePicker === 'function';
}

/** Asks for a file through the File System Access picker; null when cancelled. */
export async function pickFileWithHandle(): Promise<{
  file: File;
  handle: FileSystemFileHandle;
} | null> {
  const picker = (window as PickerWindow).showOpenFilePicker;
  if (!picker) return null;
  try {
    const [handle] = await picker({ multiple: false });
    if (!handle) return null;
    return { file: await handle.getFile(), handle };
  } catch {
    return null;
  }
}

/** Downloads the open document, corrected, under its original name (pending edits flushed first). */
export async function exportCurrent(
  exportBytes: () => Promise<Uint8Array | null>,
  fileName: string,
): Promise<void> {
  const bytes = await exportBytes();
  if (bytes) downloadBytes(bytes, fileName || 'corpus.txt');
}
