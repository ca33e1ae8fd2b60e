import type { CorpusDocument } from '../model/document';
import type { Prepared } from './access';
import { prepareJoin, prepareSplitSentence } from './prepare-sentences';
import { prepareMerge, prepareSplitToken } from './prepare-tokens';
import type { StructureError, StructureStep } from './steps';

/** Checks a step against a document (staleness, refusals) and works out its rewrite. */
export function prepare(doc: CorpusDocument, step: StructureStep): Prepared | StructureError {
  switch (step.type) {
    case 'splitToken':
      return prepareSplitToken(doc, step);
    case 'mergeTokens':
      return prepareMerge(doc, step);
    case 'splitSentence':
      return prepareSplitSentence(doc, step);
    case 'joinSentences':
      return prepareJoin(doc, step);
  }
}
