import { memo } from 'react';
import {
  lineText,
  sentenceTokens,
  type CorpusDocument,
  type Sentence,
} from '../../core/model/document';
import { extractChunks } from '../../core/scheme/chunks';
import { swatch } from './palette';

interface Props {
  doc: CorpusDocument;
  sentence: Sentence;
  number: number;
  labelIndex: ReadonlyMap<string, number>;
}

/** One sentence: its tokens, with every entity drawn as a coloured box that names its label. */
export const SentenceRow = memo(function SentenceRow({ doc, sentence, number, labelIndex }: Props) {
  const tokens = sentenceTokens(doc, sentence);
  const pieces: React.ReactNode[] = [];
  let at = 0;
  const token = (i: number) => (
    <span key={`t${i}`} className="px-0.5">
      {tokens[i]}
    </span>
  );
  if (sentence.quarantined) {
    const raw: string[] = [];
    for (let n = sentence.startLine; n <= sentence.endLine; n++) raw.push(lineText(doc, n));
    return (
      <li className="flex gap-3 py-1.5" aria-label={`Sentence ${number} (read-only: malformed)`}>
        <span className="w-12 shrink-0 text-right font-mono text-xs text-slate-500 dark:text-slate-400">
          {number}
        </span>
        <pre className="whitespace-pre-wrap rounded border border-dashed border-red-500 p-1 text-sm">
          {raw.join('\n')}
        </pre>
      </li>
    );
  }
  for (const c of extractChunks(sentence.tags, doc.scheme.rules)) {
    while (at < c.start) pieces.push(token(at++));
    const words = tokens.slice(c.start, c.end);
    const sw = swatch(labelIndex.get(c.type) ?? 0);
    pieces.push(
      <span
        key={`e${c.start}`}
        role="group"
        aria-roledescription="entity"
        aria-label={`${c.type}: ${words.join(' ')}`}
        className={`mx-0.5 inline-flex items-baseline gap-1 rounded border-2 px-0.5 ${sw.box}`}
      >
        {words.map((w, k) => (
          <span key={k} className="px-0.5">
            {w}
          </span>
        ))}
        <span
          className={`rounded px-1 text-[0.7rem] font-semibold leading-4 ${sw.chip}`}
          aria-hidden="true"
        >
          {c.type}
        </span>
      </span>,
    );
    at = c.end;
  }
  while (at < tokens.length) pieces.push(token(at++));
  return (
    <li className="flex gap-3 py-1.5" aria-label={`Sentence ${number}`}>
      <span className="w-12 shrink-0 pt-0.5 text-right font-mono text-xs text-slate-500 dark:text-slate-400">
        {number}
      </span>
      <p className="leading-8">{pieces}</p>
    </li>
  );
});
