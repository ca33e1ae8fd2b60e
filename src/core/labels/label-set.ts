import { isWritableTag } from '../scheme/tags';

/** One entity type of a label set: its name, hotkey and guideline text. */
export interface LabelDef {
  readonly name: string;
  /** One character, or absent for the default key. */
  readonly key?: string;
  /** Guideline text, shown on hover over an entity of this type. */
  readonly description?: string;
}

/**
 * A label set as shared between annotators. Its order is the palette order (colours come from
 * a fixed palette by position, never from the text of a label).
 */
export interface LabelSet {
  readonly labels: readonly LabelDef[];
}

/** The file format's marker, so a random JSON file is not mistaken for a label set. */
export const LABEL_SET_FORMAT = 'retag-label-set';
export const LABEL_SET_VERSION = 1;

/** Limits on untrusted label-set files. */
export const MAX_LABEL_SET_BYTES = 1_000_000;
export const MAX_LABELS = 500;
export const MAX_LABEL_NAME = 64;
export const MAX_DESCRIPTION = 4000;

const TOP_KEYS = new Set(['format', 'version', 'labels']);
const LABEL_KEYS = new Set(['name', 'key', 'description']);
/** Keys that poison prototypes in code that copies objects; refused wherever they appear. */
const DANGEROUS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a name can be a label: it must write as a tag field (`B-name`). */
export function isValidLabelName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_LABEL_NAME &&
    name.trim() === name &&
    isWritableTag(`B-${name}`)
  );
}

/** Finds a dangerous key anywhere in a parsed JSON value; returns its path. */
function dangerousKey(value: unknown, path: string): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = dangerousKey(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (DANGEROUS.has(key)) return `${path}.${key}`;
      const hit = dangerousKey((value as Record<string, unknown>)[key], `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return null;
}

function show(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** The result of reading a label-set file: the set, or every reason it was refused. */
export type LabelSetResult =
  | { readonly ok: true; readonly set: LabelSet }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Reads a label-set file. It comes from outside, so it is checked strictly: unknown keys,
 * `__proto__`/`constructor`/`prototype` keys, wrong types, invalid or duplicate names and keys
 * are refused with a message each; nothing of a refused file is used.
 */
export function parseLabelSet(text: string): LabelSetResult {
  if (text.length > MAX_LABEL_SET_BYTES)
    return { ok: false, errors: [`The file is over ${MAX_LABEL_SET_BYTES} characters.`] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const errors: string[] = [];
  const bad = dangerousKey(raw, '$');
  if (bad) return { ok: false, errors: [`Refused key ${bad}: not allowed in a label set.`] };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, errors: ['A label set is a JSON object.'] };
  const top = raw as Record<string, unknown>;
  for (const k of Object.keys(top))
    if (!TOP_KEYS.has(k)) errors.push(`Unknown key ${show(k)} (allowed: format, version, labels).`);
  if (top.format !== LABEL_SET_FORMAT) errors.push(`"format" must be "${LABEL_SET_FORMAT}".`);
  if (top.version !== LABEL_SET_VERSION) errors.push(`"version" must be ${LABEL_SET_VERSION}.`);
  if (!Array.isArray(top.labels)) {
    errors.push('"labels" must be an array.');
    return { ok: false, errors };
  }
  if (top.labels.length > MAX_LABELS) errors.push(`More than ${MAX_LABELS} labels.`);
  const labels: LabelDef[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  top.labels.slice(0, MAX_LABELS).forEach((item: unknown, i) => {
    const at = `labels[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      errors.push(`${at} must be an object.`);
      return;
    }
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (!LABEL_KEYS.has(k))
        errors.push(`${at}: unknown key ${show(k)} (allowed: name, key, description).`);
    const { name, key, description } = o;
    if (typeof name !== 'string' || !isValidLabelName(name)) {
      errors.push(
        `${at}: "name" must be 1–${MAX_LABEL_NAME} characters without spaces or control characters.`,
      );
      return;
    }
    if (names.has(name)) errors.push(`${at}: ${show(name)} is listed twice.`);
    names.add(name);
    if (key !== undefined) {
      if (typeof key !== 'string' || [...key].length !== 1 || /[\s\p{Cc}]/u.test(key))
        errors.push(`${at}: "key" must be one character.`);
      else if (keys.has(key)) errors.push(`${at}: key ${show(key)} is used twice.`);
      else keys.add(key);
    }
    if (description !== undefined) {
      if (typeof description !== 'string') errors.push(`${at}: "description" must be text.`);
      else if (description.length > MAX_DESCRIPTION)
        errors.push(`${at}: "description" is over ${MAX_DESCRIPTION} characters.`);
    }
    labels.push({
      name,
      ...(typeof key === 'string' ? { key } : {}),
      ...(typeof description === 'string' && description !== '' ? { description } : {}),
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, set: { labels } };
}

/** Writes a label set as the JSON file `parseLabelSet` reads (2-space indent, final newline). */
export function serializeLabelSet(set: LabelSet): string {
  return (
    JSON.stringify(
      {
        format: LABEL_SET_FORMAT,
        version: LABEL_SET_VERSION,
        labels: set.labels.map((l) => ({
          name: l.name,
          ...(l.key !== undefined ? { key: l.key } : {}),
          ...(l.description !== undefined ? { description: l.description } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
