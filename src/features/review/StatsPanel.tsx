import { useMemo } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { corpusReport } from '../../core/review/report';
import { corpusStats } from '../../core/review/stats';
import { useEditor } from '../../store/editor-store';
import { SidePanel } from '../checks/SidePanel';
import { tokenDisplay, visibleText } from '../editor/token-text';
import { useSettled } from './use-settled';
import { swatch } from '../palette/swatches';

/** Statistics: counts, and entities per label in the file and now as a bar chart. */
export function StatsPanel() {
  const { doc, changedTags, changedSentences, reviewed, labelIndex } = useEditor(
    useSameFields((s) => ({
      doc: s.doc,
      changedTags: s.changedTags,
      changedSentences: s.changedBySentence.size,
      reviewed: s.reviewed.size,
      labelIndex: s.labels.index,
    })),
  );
  const settled = useSettled(doc);
  const st = useMemo(() => (settled ? corpusStats(settled) : null), [settled]);
  // the numbers `retag stats` prints, from the same function
  const report = useMemo(() => (settled ? corpusReport(settled) : null), [settled]);
  if (!st || !report) return null;
  const invalidTotal = [...report.invalid.values()].reduce((a, b) => a + b, 0);
  const maxLength = Math.max(1, ...report.lengths.values());
  const max = Math.max(1, ...[...st.byLabel.values()].flat());
  const figures: [string, string][] = [
    ['Tokens', st.tokens.toLocaleString('en')],
    ['Sentences', st.sentences.toLocaleString('en')],
    ['Documents', st.documents.toLocaleString('en')],
    [
      'Entities (file → now)',
      `${st.originalEntities.toLocaleString('en')} → ${st.entities.toLocaleString('en')}`,
    ],
    ['Changed', `${changedTags} tags in ${changedSentences} sentences`],
    ['Reviewed', `${reviewed} of ${st.sentences} sentences`],
    ['Scheme', `${report.schemeName}, ${report.schemeOverridden ? 'set by you' : 'detected'}`],
    [
      'Invalid sequences',
      invalidTotal === 0
        ? 'none'
        : `${invalidTotal} in ${report.invalidSentences} sentences (${[...report.invalid].map(([c, n]) => `${c} ${n}`).join(', ')})`,
    ],
    [
      'Malformed sentences',
      report.quarantined.length === 0 ? 'none' : String(report.quarantined.length),
    ],
  ];
  return (
    <SidePanel panel="stats" title="Statistics">
      <dl className="grid grid-cols-2 gap-x-3 gap-y-0.5 px-3 py-2">
        {figures.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="font-mono">{v}</dd>
          </div>
        ))}
      </dl>
      <h3 className="px-3 pt-2 text-xs font-semibold uppercase tracking-wide">
        Entities per label
      </h3>
      <p className="px-3 text-xs text-slate-600 dark:text-slate-400">
        Upper bar: in the file; lower bar: now.
      </p>
      <ul aria-label="Entities per label" className="px-3 py-1">
        {[...st.byLabel].map(([label, [was, now]]) => {
          const sw = swatch(labelIndex.get(label) ?? 0);
          return (
            <li
              key={label}
              aria-label={`${visibleText(label)}: ${was} in the file, ${now} now`}
              className="py-0.5"
            >
              <div className="flex justify-between text-xs">
                <span className="font-semibold">{tokenDisplay(label)}</span>
                <span className="font-mono">
                  {was} → {now}
                </span>
              </div>
              <div
                className="h-2 rounded bg-slate-300 dark:bg-slate-600"
                style={{ width: `${(100 * was) / max}%` }}
              />
              <div
                className={`mt-0.5 h-2 rounded border-2 ${sw.box}`}
                style={{ width: `${(100 * now) / max}%` }}
              />
            </li>
          );
        })}
      </ul>
      <h3 className="px-3 pt-2 text-xs font-semibold uppercase tracking-wide">
        Entity length (tokens)
      </h3>
      <table aria-label="Entity length" className="mx-3 mb-2 text-xs">
        <thead>
          <tr className="text-left text-slate-600 dark:text-slate-400">
            <th className="pr-2 font-normal">length</th>
            <th className="pr-2 font-normal">entities</th>
            <th className="w-48 font-normal" />
          </tr>
        </thead>
        <tbody>
          {[...report.lengths].map(([len, n]) => (
            <tr key={len}>
              <td className="pr-2 font-mono">{len}</td>
              <td className="pr-2 text-right font-mono">{n}</td>
              <td>
                <div
                  className="h-2 rounded bg-slate-500 dark:bg-slate-400"
                  style={{ width: `${(100 * n) / maxLength}%` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SidePanel>
  );
}
