// Entity colours come from a fixed palette by label index, never from label text (a label is
// untrusted input and must not reach a class name or a style string). Every class below is a
// literal, so Tailwind sees it; backgrounds are light enough for AA contrast with dark text.
export interface Swatch {
  readonly box: string;
  readonly chip: string;
}

const PALETTE: readonly Swatch[] = [
  {
    box: 'bg-sky-100 border-sky-600 dark:bg-sky-950 dark:border-sky-400',
    chip: 'bg-sky-700 text-white dark:bg-sky-300 dark:text-sky-950',
  },
  {
    box: 'bg-amber-100 border-amber-600 dark:bg-amber-950 dark:border-amber-400',
    chip: 'bg-amber-800 text-white dark:bg-amber-300 dark:text-amber-950',
  },
  {
    box: 'bg-emerald-100 border-emerald-600 dark:bg-emerald-950 dark:border-emerald-400',
    chip: 'bg-emerald-800 text-white dark:bg-emerald-300 dark:text-emerald-950',
  },
  {
    box: 'bg-rose-100 border-rose-600 dark:bg-rose-950 dark:border-rose-400',
    chip: 'bg-rose-700 text-white dark:bg-rose-300 dark:text-rose-950',
  },
  {
    box: 'bg-violet-100 border-violet-600 dark:bg-violet-950 dark:border-violet-400',
    chip: 'bg-violet-700 text-white dark:bg-violet-300 dark:text-violet-950',
  },
  {
    box: 'bg-lime-100 border-lime-700 dark:bg-lime-950 dark:border-lime-400',
    chip: 'bg-lime-800 text-white dark:bg-lime-300 dark:text-lime-950',
  },
  {
    box: 'bg-orange-100 border-orange-600 dark:bg-orange-950 dark:border-orange-400',
    chip: 'bg-orange-800 text-white dark:bg-orange-300 dark:text-orange-950',
  },
  {
    box: 'bg-teal-100 border-teal-600 dark:bg-teal-950 dark:border-teal-400',
    chip: 'bg-teal-800 text-white dark:bg-teal-300 dark:text-teal-950',
  },
  {
    box: 'bg-fuchsia-100 border-fuchsia-600 dark:bg-fuchsia-950 dark:border-fuchsia-400',
    chip: 'bg-fuchsia-700 text-white dark:bg-fuchsia-300 dark:text-fuchsia-950',
  },
  {
    box: 'bg-yellow-100 border-yellow-600 dark:bg-yellow-950 dark:border-yellow-400',
    chip: 'bg-yellow-800 text-white dark:bg-yellow-300 dark:text-yellow-950',
  },
  {
    box: 'bg-indigo-100 border-indigo-600 dark:bg-indigo-950 dark:border-indigo-400',
    chip: 'bg-indigo-700 text-white dark:bg-indigo-300 dark:text-indigo-950',
  },
  {
    box: 'bg-stone-200 border-stone-600 dark:bg-stone-800 dark:border-stone-400',
    chip: 'bg-stone-700 text-white dark:bg-stone-300 dark:text-stone-950',
  },
];

/** The swatch for the label at position `index` of the document's label list (wraps around). */
export function swatch(index: number): Swatch {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] as Swatch;
}
