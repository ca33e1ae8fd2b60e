import type { DiagnosticCode } from '../diagnostics';
import { allO, extractChunks } from './chunks';
import { chunkRulesFor, encodeChunks, SCHEME_NAMES, SCHEME_PREFIXES, type Scheme } from './schemes';
import { splitTag, type SplitTag } from './tags';

const NONE: SplitTag = { prefix: 'O', type: '' };

/** One invalid tag in a sentence, for the scheme it was checked against. */
export interface TagIssue {
  /** Token index in the sentence. */
  readonly index: number;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly expected: string;
  readonly found: string;
  readonly hint: string;
}

interface Roles {
  readonly begin: string;
  readonly end: string;
  readonly single: string;
}

const ROLES: Readonly<Record<Scheme, Roles>> = {
  iob1: { begin: 'B', end: '', single: '' },
  iob2: { begin: 'B', end: '', single: '' },
  ioe1: { begin: '', end: 'E', single: '' },
  ioe2: { begin: '', end: 'E', single: '' },
  bioes: { begin: 'B', end: 'E', single: 'S' },
  bilou: { begin: 'B', end: 'L', single: 'U' },
};

/**
 * Checks one sentence's tags against a scheme and lists every invalid tag: stray I-, type
 * changes inside an entity, unclosed entities, ends without a start, unknown or lowercase
 * prefixes, empty types. Reports only; see `repairTags` for the fix.
 */
export function validateTags(tags: readonly string[], scheme: Scheme): TagIssue[] {
  const issues: TagIssue[] = [];
  if (allO(tags)) return issues;
  const allowed = SCHEME_PREFIXES[scheme];
  const r = ROLES[scheme];
  const name = SCHEME_NAMES[scheme];
  const at = (i: number) => splitTag(tags[i] ?? 'O');
  const push = (i: number, code: DiagnosticCode, message: string, expected: string, hint: string) =>
    issues.push({ index: i, code, message, expected, found: tags[i] ?? 'O', hint });
  const inside = (x: SplitTag) => x.prefix === 'I' || (r.begin !== '' && x.prefix === r.begin);
  const continues = (x: SplitTag) => x.prefix === 'I' || (r.end !== '' && x.prefix === r.end);
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? 'O';
    if (tag === 'O') continue;
    const { prefix: p, type: ty } = at(i);
    if (!allowed.includes(p)) {
      const upper = p.toUpperCase();
      if (p !== upper && allowed.includes(upper)) {
        push(
          i,
          'W_LOWERCASE_PREFIX',
          `lowercase prefix in "${tag}"`,
          `${upper}-${ty}`,
          'prefixes are uppercase',
        );
      } else {
        push(
          i,
          'W_UNKNOWN_PREFIX',
          `"${tag}" has prefix "${p}", which ${name} does not use`,
          `O or ${allowed.map((a) => `${a}-`).join(', ')}`,
          'check the scheme (--scheme-in) or fix the tag',
        );
      }
      continue;
    }
    if (ty === '') {
      push(
        i,
        'W_EMPTY_TYPE',
        `"${tag}" has no entity type`,
        `${p}-TYPE`,
        'add the entity type or use O',
      );
      continue;
    }
    const prev = i > 0 ? at(i - 1) : NONE;
    const next = i + 1 < tags.length ? at(i + 1) : NONE;
    if (scheme === 'iob2' && p === 'I') {
      if (!inside(prev)) {
        push(
          i,
          'W_I_WITHOUT_B',
          `"${tag}" after ${tags[i - 1] ?? 'the sentence start'} starts no entity in IOB2`,
          `B-${ty}`,
          'an IOB2 entity starts with B-',
        );
      } else if (prev.type !== ty) {
        push(
          i,
          'W_TYPE_MISMATCH',
          `"${tag}" continues an entity of type ${prev.type}`,
          `I-${prev.type} or B-${ty}`,
          'one entity has one type',
        );
      }
    } else if (scheme === 'iob1' && p === 'B') {
      if (!(inside(prev) && prev.type === ty)) {
        push(
          i,
          'W_B_WITHOUT_PREVIOUS',
          `"${tag}" does not follow an entity of type ${ty}; IOB1 uses B- only between two touching entities`,
          `I-${ty}`,
          'IOB1 entities start with I-',
        );
      }
    } else if (scheme === 'ioe2' && p === 'I') {
      if (!continues(next)) {
        push(
          i,
          'W_UNCLOSED_ENTITY',
          `"${tag}" ends an entity without E-`,
          `E-${ty}`,
          'an IOE2 entity ends with E-',
        );
      } else if (next.type !== ty) {
        push(
          i,
          'W_TYPE_MISMATCH',
          `"${tag}" is followed by ${tags[i + 1] ?? ''} of another type`,
          `E-${ty}`,
          'one entity has one type',
        );
      }
    } else if (scheme === 'ioe1' && p === 'E') {
      if (!(continues(next) && next.type === ty)) {
        push(
          i,
          'W_E_WITHOUT_NEXT',
          `"${tag}" is not followed by an entity of type ${ty}; IOE1 uses E- only between two touching entities`,
          `I-${ty}`,
          'IOE1 entities end with I-',
        );
      }
    } else if (scheme === 'bioes' || scheme === 'bilou') {
      if (p === 'I' || p === r.end) {
        if (!inside(prev)) {
          const code = p === 'I' ? 'W_I_WITHOUT_B' : 'W_E_WITHOUT_START';
          push(
            i,
            code,
            `"${tag}" has no ${r.begin}- before it`,
            p === 'I' ? `B-${ty}` : `${r.single}-${ty}`,
            `a ${name} entity starts with ${r.begin}- or is a single ${r.single}-`,
          );
          continue;
        }
        if (prev.type !== ty) {
          push(
            i,
            'W_TYPE_MISMATCH',
            `"${tag}" continues an entity of type ${prev.type}`,
            `${p}-${prev.type}`,
            'one entity has one type',
          );
          continue;
        }
      }
      if ((p === r.begin || p === 'I') && !continues(next)) {
        push(
          i,
          'W_UNCLOSED_ENTITY',
          `"${tag}" is not followed by I- or ${r.end}-`,
          p === r.begin ? `${r.single}-${ty}` : `${r.end}-${ty}`,
          `a ${name} entity ends with ${r.end}-`,
        );
      }
    }
  }
  return issues;
}

/**
 * Repair policy: read the entities exactly as conlleval reads them (a stray I- starts an entity,
 * a type change splits one), upper-case lowercase prefixes first, drop entities without a type,
 * and write the rest well-formed in the scheme. A valid sentence comes back unchanged.
 */
export function repairTags(tags: readonly string[], scheme: Scheme): string[] {
  const upper = tags.map((t) => {
    const { prefix, type } = splitTag(t);
    const u = prefix.toUpperCase();
    return u !== prefix && SCHEME_PREFIXES[scheme].includes(u) ? `${u}-${type}` : t;
  });
  const chunks = extractChunks(upper, chunkRulesFor(scheme)).filter((c) => c.type !== '');
  return encodeChunks(chunks, tags.length, scheme);
}
