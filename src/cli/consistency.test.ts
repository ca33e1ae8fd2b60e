import { describe, expect, it } from 'vitest';
import { conll } from '../core/testing/fixtures';
import { parseArgs, UsageError } from './args';
import { runConsistency } from './commands';

const FILES = new Map<string, string>([
  [
    'train.tsv',
    conll(
      'Multipath/B-Protocol QUIC/I-Protocol has/O been/O proposed/O',
      'the/O network/B-Application is/O up/O',
      'a/O network/B-Application is/O down/O',
    ),
  ],
  [
    'test.tsv',
    conll('Multipath/O QUIC/B-Protocol has/O been/O proposed/O', 'the/O network/O is/O down/O'),
  ],
  ['clean.tsv', conll('the/O network/B-Application is/O up/O')],
  ['bad\r.tsv', 'network\tO\nis\tO\n\nnetwork\tO\tx\nup\tO\n'],
  [
    'forms.tsv',
    conll(
      'the/O network/B-Application is/O up/O',
      'a/O network/B-Application is/O down/O',
      'the/O Networks/O are/O down/O',
      'TCP/B-Protocol runs/O',
      'TCP/B-Protocol runs/O',
      'TCP/B-Protocol runs/O',
      'TCP/O runs/O',
      'tcp/O runs/O',
    ),
  ],
]);
const read = (file: string) => new TextEncoder().encode(FILES.get(file) ?? '');
const check = (...argv: string[]) => runConsistency(parseArgs(['check', ...argv]), read);

describe('retag check --consistency', () => {
  it('prints each flagged occurrence as a warning, likeliest first, then one summary line', () => {
    const r = check('--consistency', 'train.tsv', 'test.tsv');
    expect(r.stdout).toBe(
      [
        'test.tsv:8:1: warning W_INCONSISTENT_TYPE "network" is no entity here but Application in 2 of 3 places (score 0.67)',
        'test.tsv:1:1: warning W_INCONSISTENT_BOUNDARY "Multipath QUIC" is only “QUIC” as Protocol here but Protocol in 1 of 2 places (score 0.50)',
        '2 inconsistencies (2 occurrences flagged) in 2 files',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    // Findings are warnings: exit 0, as plain check.
    expect(r.status).toBe(0);
  });

  it('--json prints one object per flagged occurrence: tags found and suggested, score to 3 places', () => {
    const r = check('--consistency', '--json', 'train.tsv', 'test.tsv');
    expect(r.stdout).toBe(
      '{"file": "test.tsv", "sentence": 1, "start": 1, "end": 2, "found": "O", "suggested": "B-Application", "score": 0.667}\n' +
        '{"file": "test.tsv", "sentence": 0, "start": 0, "end": 2, "found": "O B-Protocol", "suggested": "B-Protocol I-Protocol", "score": 0.5}\n',
    );
    expect(r.status).toBe(0);
  });

  it('reports a consistent corpus with the summary alone, and nothing in JSON', () => {
    expect(check('--consistency', 'train.tsv', 'clean.tsv').stdout).toBe(
      '0 inconsistencies (0 occurrences flagged) in 2 files\n',
    );
    expect(check('--consistency', '--json', 'clean.tsv').stdout).toBe('');
  });

  it('leaves malformed sentences out, says so, exits 1, and escapes control characters', () => {
    const r = check('--consistency', 'bad\r.tsv', 'clean.tsv');
    expect(r.stdout).toBe(
      'bad\\u000D.tsv:1:1: warning W_INCONSISTENT_TYPE "network" is no entity here but Application in 1 of 2 places (score 0.38)\n' +
        '1 inconsistency (1 occurrence flagged) in 2 files\n',
    );
    expect(r.stderr).toBe(
      'retag: bad\\u000D.tsv: 1 error; 1 malformed sentence not analysed; see retag check bad\\u000D.tsv\n',
    );
    expect(r.status).toBe(1);
  });

  it('compares words folded by default, exactly with --exact', () => {
    expect(check('--consistency', 'forms.tsv').stdout).toBe(
      [
        'forms.tsv:25:1: warning W_INCONSISTENT_TYPE "TCP" is no entity here but Protocol in 3 of 5 places (score 0.60)',
        'forms.tsv:28:1: warning W_INCONSISTENT_TYPE "TCP" is no entity here but Protocol in 3 of 5 places (score 0.60)',
        'forms.tsv:12:1: warning W_INCONSISTENT_TYPE "network" is no entity here but Application in 2 of 3 places (score 0.50)',
        '2 inconsistencies (3 occurrences flagged) in 1 file',
        '',
      ].join('\n'),
    );
    expect(check('--consistency', '--exact', 'forms.tsv').stdout).toBe(
      [
        'forms.tsv:25:1: warning W_INCONSISTENT_TYPE "TCP" is no entity here but Protocol in 3 of 4 places (score 0.75)',
        '1 inconsistency (1 occurrence flagged) in 1 file',
        '',
      ].join('\n'),
    );
    expect(check('--consistency', '--exact', '--json', 'forms.tsv').stdout).toBe(
      '{"file": "forms.tsv", "sentence": 6, "start": 0, "end": 1, "found": "O", "suggested": "B-Protocol", "score": 0.75}\n',
    );
    expect(check('--consistency', '--json', 'forms.tsv').stdout).toBe(
      '{"file": "forms.tsv", "sentence": 6, "start": 0, "end": 1, "found": "O", "suggested": "B-Protocol", "score": 0.6}\n' +
        '{"file": "forms.tsv", "sentence": 7, "start": 0, "end": 1, "found": "O", "suggested": "B-Protocol", "score": 0.6}\n' +
        '{"file": "forms.tsv", "sentence": 2, "start": 1, "end": 2, "found": "O", "suggested": "B-Application", "score": 0.5}\n',
    );
    // The original fixtures differ in no case or plural: the same output either way.
    for (const files of [
      ['train.tsv', 'test.tsv'],
      ['bad\r.tsv', 'clean.tsv'],
    ]) {
      expect(check('--consistency', '--exact', ...files)).toEqual(check('--consistency', ...files));
    }
  });

  it('takes --json and --exact only with --consistency, and --consistency only with check', () => {
    expect(() => parseArgs(['check', '--json', 'a.tsv'])).toThrow(UsageError);
    expect(() => parseArgs(['check', '--exact', 'a.tsv'])).toThrow(
      /--exact goes with check --consistency/,
    );
    expect(() => parseArgs(['spans', '--exact', 'a.tsv'])).toThrow(UsageError);
    expect(parseArgs(['check', '--consistency', 'a'])).toMatchObject({ exact: false });
    expect(parseArgs(['check', '--exact', '--consistency', 'a'])).toMatchObject({ exact: true });
    expect(() => parseArgs(['spans', '--consistency', 'a.tsv'])).toThrow(
      /--consistency goes with check/,
    );
    expect(parseArgs(['check', '--consistency', '--json', 'a', 'b'])).toMatchObject({
      command: 'check',
      consistency: true,
      json: true,
      files: ['a', 'b'],
    });
  });
});
