import { useState } from 'react';
import { previewTransaction, type ChangeRow } from '../../core/edit/preview';
import { labelMatches } from '../../core/search/search';
import { acceptOffer, offerOtherOccurrences } from '../../store/checks';
import { useEditor } from '../../store/editor-store';
import { ChangePreview } from '../checks/ChangePreview';
import { smallButton } from '../checks/SidePanel';
import { tokenDisplay } from './token-text';

/**
 * After a labelling: "label the N other occurrences of these words", with a preview. It floats
 * over the list, so appearing never moves the rows under the annotator's cursor.
 */
export function OfferBar() {
  const offer = useEditor((s) => s.offer);
  const readOnly = useEditor((s) => s.save.readOnly);
  const doc = useEditor((s) => s.doc);
  // A preview belongs to one offer on one version of the document; any change hides it.
  const [shown, setPreview] = useState<{
    rows: ChangeRow[];
    offer: unknown;
    doc: unknown;
  } | null>(null);
  const preview = shown && shown.offer === offer && shown.doc === doc ? shown.rows : null;
  if (!offer || readOnly) return null;
  const n = offer.matches.length;
  return (
    <div
      role="region"
      aria-label="Label other occurrences"
      className="absolute inset-x-3 bottom-3 z-10 rounded border border-blue-300 bg-white px-3 py-2 text-xs shadow-lg dark:border-blue-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span>
          “{offer.words.join(' ')}” occurs {n} more time{n === 1 ? '' : 's'} not labelled{' '}
          {tokenDisplay(offer.type)}.
        </span>
        <button
          type="button"
          className={smallButton}
          onClick={() => {
            const tr = doc ? labelMatches(doc, offer.matches, offer.type) : null;
            setPreview({ rows: doc && tr ? previewTransaction(doc, tr) : [], offer, doc });
          }}
        >
          Label the {n} other occurrence{n === 1 ? '' : 's'}…
        </button>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={!offer.caseSensitive}
            onChange={(e) => void offerOtherOccurrences(offer.span, offer.type, !e.target.checked)}
          />
          Ignore case
        </label>
        <button
          type="button"
          className={smallButton}
          onClick={() => useEditor.setState({ offer: null })}
        >
          Dismiss
        </button>
      </div>
      {preview && (
        <ChangePreview
          title={`Label as ${offer.type}`}
          rows={preview}
          onApply={() => {
            acceptOffer();
            setPreview(null);
          }}
          onCancel={() => setPreview(null)}
        />
      )}
    </div>
  );
}
