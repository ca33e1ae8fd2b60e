import type { LabelInfo } from './labels';
import { swatch } from './palette';

/** The labels of the corpus, each with its colour and entity count. */
export function Legend({ labels }: { labels: LabelInfo }) {
  return (
    <ul aria-label="Labels" className="flex flex-wrap gap-2">
      {labels.names.map((name, i) => (
        <li
          key={name}
          className={`flex items-center gap-2 rounded border-2 px-2 py-0.5 text-sm ${swatch(i).box}`}
        >
          <span className="font-medium">{name}</span>
          <span
            className="font-mono text-xs"
            aria-label={`${labels.counts.get(name) ?? 0} entities`}
          >
            {labels.counts.get(name) ?? 0}
          </span>
        </li>
      ))}
    </ul>
  );
}
