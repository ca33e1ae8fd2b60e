import { create } from 'zustand';
import type { Diagnostic, DiagnosticCode } from '../core/diagnostics';
import { parse } from '../core/format/parse';
import type { CorpusDocument } from '../core/model/document';

/** What the app knows about the open corpus. */
export interface CorpusState {
  status: 'empty' | 'loading' | 'ready' | 'failed';
  fileName: string;
  doc: CorpusDocument | null;
  diagnostics: readonly Diagnostic[];
  diagnosticCounts: ReadonlyMap<DiagnosticCode, number>;
  error: string;
}

export const useCorpus = create<CorpusState>(() => ({
  status: 'empty',
  fileName: '',
  doc: null,
  diagnostics: [],
  diagnosticCounts: new Map(),
  error: '',
}));

/** Parses file bytes and makes them the open corpus. */
export function openBytes(fileName: string, bytes: Uint8Array): void {
  const { document, diagnostics, diagnosticCounts } = parse(bytes);
  useCorpus.setState({
    status: 'ready',
    fileName,
    doc: document,
    diagnostics,
    diagnosticCounts,
    error: '',
  });
}

/** The sample corpus shipped in public/, shown to a new user at once. */
export const SAMPLE_NAME = 'multipath-tcp.bio.txt';

/** Loads the built-in sample from the app's own origin. */
export async function openSample(): Promise<void> {
  useCorpus.setState({ status: 'loading', fileName: SAMPLE_NAME });
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}sample.bio.txt`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    openBytes(SAMPLE_NAME, new Uint8Array(await res.arrayBuffer()));
  } catch (e) {
    useCorpus.setState({
      status: 'failed',
      error: `Could not load the sample: ${(e as Error).message}`,
    });
  }
}
