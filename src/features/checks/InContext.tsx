import { tokenText, type CorpusDocument, type Sentence } from '../../core/model/document';
import { tokenDisplay } from '../editor/token-text';

/** Tokens of context shown on each side of a place. */
const CONTEXT = 4;

/** Tokens [start, end) of a sentence, highlighted, with a few tokens of context on each side. */
export function InContext(props: {
  doc: CorpusDocument;
  sentence: Sentence;
  start: number;
  end: number;
}) {
  const { doc, sentence: s, start, end } = props;
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(s.length, end + CONTEXT);
  const part = (a: number, b: number) =>
    tokenDisplay(Array.from({ length: b - a }, (_, i) => tokenText(doc, s, a + i)).join(' '));
  return (
    <>
      {from > 0 && '… '}
      {part(from, start)}{' '}
      <mark className="bg-yellow-200 dark:bg-yellow-700">{part(start, end)}</mark> {part(end, to)}
      {to < s.length && ' …'}
    </>
  );
}
