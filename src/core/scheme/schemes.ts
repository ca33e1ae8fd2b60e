import { allO, extractChunks, type Chunk, type ChunkRules } from './chunks';
import { splitTag } from './tags';

/** The tag schemes retag reads and writes. */
export type Scheme = 'iob1' | 'iob2' | 'ioe1' | 'ioe2' | 'bioes' | 'bilou';

export const SCHEMES: readonly Scheme[] = ['iob1', 'iob2', 'ioe1', 'ioe2', 'bioes', 'bilou'];

/** Display names, as users know them. */
export const SCHEME_NAMES: Readonly<Record<Scheme, string>> = {
  iob1: 'IOB1',
  iob2: 'IOB2 (BIO)',
  ioe1: 'IOE1',
  ioe2: 'IOE2',
  bioes: 'BIOES (IOBES)',
  bilou: 'BILOU',
};

/** Parses a scheme name as users type it (`BIO`, `iobes`, `IOB2`, …); undefined if unknown. */
export function parseSchemeName(name: string): Scheme | undefined {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const aliases: Record<string, Scheme> = {
    iob1: 'iob1',
    iob: 'iob1',
    iob2: 'iob2',
    bio: 'iob2',
    ioe1: 'ioe1',
    ioe: 'ioe1',
    ioe2: 'ioe2',
    bioes: 'bioes',
    iobes: 'bioes',
    bilou: 'bilou',
    biolu: 'bilou',
  };
  return Object.hasOwn(aliases, n) ? aliases[n] : undefined;
}

/** The prefixes a scheme may use besides `O`. */
export const SCHEME_PREFIXES: Readonly<Record<Scheme, readonly string[]>> = {
  iob1: ['B', 'I'],
  iob2: ['B', 'I'],
  ioe1: ['I', 'E'],
  ioe2: ['I', 'E'],
  bioes: ['B', 'I', 'E', 'S'],
  bilou: ['B', 'I', 'L', 'U'],
};

/** Which conlleval tables read a scheme: the official ones for IOB, the BIOES-aware ones otherwise. */
export function chunkRulesFor(scheme: Scheme): ChunkRules {
  return scheme === 'iob1' || scheme === 'iob2' ? 'conlleval' : 'bioes';
}

/**
 * Writes entities as tags of a scheme. Expects chunks sorted, non-overlapping, inside [0, length).
 * IOB1 and IOE1 mark a boundary only where two entities of one type touch.
 */
export function encodeChunks(chunks: readonly Chunk[], length: number, scheme: Scheme): string[] {
  const tags = new Array<string>(length).fill('O');
  for (let c = 0; c < chunks.length; c++) {
    const { start, end, type } = chunks[c] as Chunk;
    const prev = chunks[c - 1];
    const next = chunks[c + 1];
    const touchesPrev = prev !== undefined && prev.end === start && prev.type === type;
    const touchesNext = next !== undefined && next.start === end && next.type === type;
    for (let i = start; i < end; i++) tags[i] = `I-${type}`;
    const last = end - 1;
    switch (scheme) {
      case 'iob1':
        if (touchesPrev) tags[start] = `B-${type}`;
        break;
      case 'iob2':
        tags[start] = `B-${type}`;
        break;
      case 'ioe1':
        if (touchesNext) tags[last] = `E-${type}`;
        break;
      case 'ioe2':
        tags[last] = `E-${type}`;
        break;
      case 'bioes':
      case 'bilou': {
        const [single, endP] = scheme === 'bioes' ? ['S', 'E'] : ['U', 'L'];
        if (start === last) tags[start] = `${single}-${type}`;
        else {
          tags[start] = `B-${type}`;
          tags[last] = `${endP}-${type}`;
        }
        break;
      }
    }
  }
  return tags;
}

/** Re-encodes one sentence's tags from one scheme into another (lossless for valid input). */
export function convertTags(tags: readonly string[], from: Scheme, to: Scheme): string[] {
  return encodeChunks(extractChunks(tags, chunkRulesFor(from)), tags.length, to);
}

/** A detected scheme, with how sure the detector is and why. */
export interface SchemeGuess {
  readonly scheme: Scheme;
  /** Share of entities already written exactly as the scheme writes them (1 when there are none). */
  readonly confidence: number;
  /** Entities counted for the confidence. */
  readonly entities: number;
  /** Entities written exactly as the scheme would write them. */
  readonly wellFormed: number;
  /** One line for people: why this scheme. */
  readonly reason: string;
}

/** The prefixes a scheme writes for one entity's first, middle, last and only token. */
function expectedPrefix(
  scheme: Scheme,
  i: number,
  c: Chunk,
  touchesPrev: boolean,
  touchesNext: boolean,
): string {
  const last = c.end - 1;
  switch (scheme) {
    case 'iob1':
      return i === c.start && touchesPrev ? 'B' : 'I';
    case 'iob2':
      return i === c.start ? 'B' : 'I';
    case 'ioe1':
      return i === last && touchesNext ? 'E' : 'I';
    case 'ioe2':
      return i === last ? 'E' : 'I';
    case 'bioes':
    case 'bilou': {
      if (c.start === last) return scheme === 'bioes' ? 'S' : 'U';
      if (i === c.start) return 'B';
      if (i === last) return scheme === 'bioes' ? 'E' : 'L';
      return 'I';
    }
  }
}

/**
 * Counts the entities of a corpus that each candidate scheme would write unchanged. The
 * candidates must share chunk rules, so each sentence is read once.
 */
function wellFormedCounts(
  sentences: readonly (readonly string[])[],
  candidates: readonly Scheme[],
): { entities: number; wellFormed: number[] } {
  const rules = chunkRulesFor(candidates[0] ?? 'iob2');
  let entities = 0;
  const wellFormed = candidates.map(() => 0);
  for (const tags of sentences) {
    if (allO(tags)) continue;
    const chunks = extractChunks(tags, rules);
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k] as Chunk;
      const prev = chunks[k - 1];
      const next = chunks[k + 1];
      const touchesPrev = prev !== undefined && prev.end === c.start && prev.type === c.type;
      const touchesNext = next !== undefined && next.start === c.end && next.type === c.type;
      entities += 1;
      for (let j = 0; j < candidates.length; j++) {
        const scheme = candidates[j] as Scheme;
        let ok = true;
        for (let i = c.start; i < c.end && ok; i++) {
          const st = splitTag(tags[i] ?? 'O');
          ok =
            st.type === c.type &&
            st.prefix === expectedPrefix(scheme, i, c, touchesPrev, touchesNext);
        }
        if (ok) wellFormed[j] = (wellFormed[j] ?? 0) + 1;
      }
    }
  }
  return { entities, wellFormed };
}

/**
 * Detects the tag scheme of a corpus from its prefixes: U-/L- mean BILOU, S- (or E- with B-)
 * BIOES, E- alone IOE1/IOE2, B-/I- IOB1/IOB2. Between the IOB (or IOE) pair, the one that would
 * rewrite fewer entities wins; the share it keeps unchanged is the confidence. `distinctTags`
 * (every tag that occurs, when the caller knows them) saves a pass over all tags.
 */
export function detectScheme(
  sentences: readonly (readonly string[])[],
  distinctTags?: Iterable<string>,
): SchemeGuess {
  let distinct = distinctTags;
  if (!distinct) {
    const found = new Set<string>();
    let last = 'O';
    for (const tags of sentences) {
      for (let i = 0; i < tags.length; i++) {
        const t = tags[i] as string;
        if (t !== last) {
          found.add(t);
          last = t;
        }
      }
    }
    distinct = found;
  }
  const seen = new Set<string>();
  for (const t of distinct) seen.add(splitTag(t).prefix);
  let candidates: Scheme[];
  let why: string;
  if (seen.has('U') || seen.has('L')) {
    candidates = ['bilou'];
    why = 'U-/L- prefixes';
  } else if (seen.has('S') || (seen.has('E') && seen.has('B'))) {
    candidates = ['bioes'];
    why = seen.has('S') ? 'S- prefixes' : 'B- and E- prefixes';
  } else if (seen.has('E')) {
    candidates = ['ioe2', 'ioe1'];
    why = 'E- prefixes without B-';
  } else {
    candidates = ['iob2', 'iob1'];
    why = 'B-/I- prefixes';
  }
  const counts = wellFormedCounts(sentences, candidates);
  let best: SchemeGuess | undefined;
  candidates.forEach((scheme, j) => {
    const entities = counts.entities;
    const wellFormed = counts.wellFormed[j] ?? 0;
    const confidence = entities === 0 ? 1 : wellFormed / entities;
    if (!best || wellFormed > best.wellFormed) {
      best = { scheme, confidence, entities, wellFormed, reason: '' };
    }
  });
  const b = best as SchemeGuess;
  const reason =
    b.entities === 0
      ? `no entities; assuming ${SCHEME_NAMES[b.scheme]}`
      : `${why}; ${b.wellFormed} of ${b.entities} entities are well-formed ${SCHEME_NAMES[b.scheme]}`;
  return { ...b, reason };
}
