import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { sentenceTokens } from '../model/document';
import { rawTextToConll, tokenizeText, tokenizeWhitespace, type TextSentence } from './tokenize';

/** Each sentence's tokens joined by single spaces. */
function sentences(text: string, split = tokenizeText): string[] {
  return split(text).map((s) => s.tokens.map((t) => text.slice(t.start, t.end)).join(' '));
}
/** All tokens of the text, in one list. */
const tokens = (text: string): string[] => sentences(text).flatMap((s) => s.split(' '));

describe('tokenizeText: tokens', () => {
  it('splits punctuation off words, Penn-Treebank style', () => {
    expect(tokens('Multipath TCP (MPTCP) is "new": fast; cheap, and done.')).toEqual(
      'Multipath TCP ( MPTCP ) is " new " : fast ; cheap , and done .'.split(' '),
    );
    expect(tokens('Really?! Yes... no -- maybe; $5 or 5%')).toEqual(
      'Really ? ! Yes ... no -- maybe ; $ 5 or 5 %'.split(' '),
    );
  });

  it('keeps numbers, hyphen and slash compounds whole', () => {
    expect(tokens('3.5 1,000 4G 802.3ad 10:30 3GPP 2020-2021 1/2')).toEqual(
      '3.5 1,000 4G 802.3ad 10:30 3GPP 2020-2021 1/2'.split(' '),
    );
    expect(tokens('end-to-end Wi-Fi Wi\u2011Fi 4-bit MP-DCCP Gbit/s TCP/IP R&D a - b')).toEqual(
      'end-to-end Wi-Fi Wi\u2011Fi 4-bit MP-DCCP Gbit/s TCP/IP R&D a - b'.split(' '),
    );
    expect(tokens('a:b')).toEqual(['a', ':', 'b']);
  });

  it('keeps the period of abbreviations, not of ordinary words', () => {
    expect(tokens('e.g. the U.S. Army, i.e. Ph.D. work etc. and Dr. Who vs. Mr. X')).toEqual(
      'e.g. the U.S. Army , i.e. Ph.D. work etc. and Dr. Who vs. Mr. X'.split(' '),
    );
    expect(tokens('See Fig. 3 and No. 5; say no. The fig.')).toEqual(
      'See Fig. 3 and No. 5 ; say no . The fig .'.split(' '),
    );
    // As in the sample: `e.g,` is `e.g` `,`.
    expect(tokens('sessions, e.g, by')).toEqual(['sessions', ',', 'e.g', ',', 'by']);
  });

  it('splits English clitics, with straight and typographic apostrophes', () => {
    expect(tokens("the Force's path’s don't can't we're I've they'll he'd I'm it’s")).toEqual(
      "the Force 's path ’s do n't ca n't we 're I 've they 'll he 'd I 'm it ’s".split(' '),
    );
    expect(tokens("1990's users' O'Brien rock'n'roll n't 's")).toEqual(
      "1990 's users ' O'Brien rock'n'roll n't ' s".split(' '),
    );
  });

  it('keeps URLs, e-mail addresses and citation marks whole', () => {
    expect(tokens('See https://example.org/a?b=1&c=(2), or www.example.com.')).toEqual(
      'See https://example.org/a?b=1&c=(2) , or www.example.com .'.split(' '),
    );
    expect(
      tokens('(https://en.wikipedia.org/wiki/Foo_(bar)) mail jo.x+y@mail.example.org.'),
    ).toEqual(
      '( https://en.wikipedia.org/wiki/Foo_(bar) ) mail jo.x+y@mail.example.org .'.split(' '),
    );
    expect(tokens('[3] schemes[38] done.[12] [3,4] [3\u20135] [3, 4] [a]')).toEqual(
      '[3] schemes [38] done . [12] [3,4] [3\u20135] [ 3 , 4 ] [ a ]'.split(' '),
    );
  });

  it('handles non-Latin scripts, emoji and combining marks', () => {
    expect(tokens('東京都に住んでいます。我爱北京天安门')).toEqual([
      '東京',
      '都',
      'に',
      '住',
      'んで',
      'い',
      'ます',
      '。',
      '我',
      '爱',
      '北京',
      '天安门',
    ]);
    expect(tokens('Привет, мир! Ελλάδα עברית')).toEqual([
      'Привет',
      ',',
      'мир',
      '!',
      'Ελλάδα',
      'עברית',
    ]);
    expect(tokens('ok 👍🏽 👨‍👩‍👧 🇫🇷🇩🇪 cafe\u0301 𝐀𝐁 x')).toEqual([
      'ok',
      '👍🏽',
      '👨‍👩‍👧',
      '🇫🇷',
      '🇩🇪',
      'cafe\u0301',
      '𝐀𝐁',
      'x',
    ]);
    // A mark with nothing to sit on, after a space or a control, is a token of its own.
    expect(tokens('a \u0301 b\u0007\u0301')).toEqual(['a', '\u0301', 'b', '\u0301']);
  });

  it('never puts whitespace, controls or zero-width spaces in a token', () => {
    expect(tokens('a\u00A0b\u2003c\u200Bd\uFEFFe\u0000f\tg\u2028h')).toEqual(
      'a b c d e f g h'.split(' '),
    );
    expect(tokenizeText('')).toEqual([]);
    expect(tokenizeText(' \n\t\u200B ')).toEqual([]);
  });
});

describe('tokenizeText: sentences', () => {
  it('splits at sentence ends, not after abbreviations before lowercase or numbers', () => {
    expect(
      sentences('He said e.g. the cat. Dr. Smith came. See Fig. 3 now. Smith et al. 2020 agree.'),
    ).toEqual([
      'He said e.g. the cat .',
      'Dr. Smith came .',
      'See Fig. 3 now .',
      'Smith et al. 2020 agree .',
    ]);
    expect(sentences('It ended, etc. The end. Say No. Then go.')).toEqual([
      'It ended , etc.',
      'The end .',
      'Say No .',
      'Then go .',
    ]);
  });

  it('keeps a citation after the period with its sentence', () => {
    expect(sentences('It is slow.[12] Next one. [3] In addition, yes.')).toEqual([
      'It is slow . [12]',
      'Next one .',
      '[3] In addition , yes .',
    ]);
  });

  it('joins wrapped lines and splits at blank lines, headings and list items', () => {
    const text =
      'Multipath TCP\n\nApple uses Multipath TCP to support the\nSiri application. It works\n' +
      'well\n\nMultipath TCP in the protocol stack\nDifference between TCP and MPTCP\n' +
      'The benefits are:\n- speed\n- reliability\n1. one\n2) two';
    expect(sentences(text)).toEqual([
      'Multipath TCP',
      'Apple uses Multipath TCP to support the Siri application .',
      'It works well',
      'Multipath TCP in the protocol stack',
      'Difference between TCP and MPTCP',
      'The benefits are :',
      '- speed',
      '- reliability',
      '1 . one',
      '2 ) two',
    ]);
    expect(sentences('One line\r\n\r\nTwo lines\r\nstill two.\r\n')).toEqual([
      'One line',
      'Two lines still two .',
    ]);
  });

  it('gives every sentence the offsets of its first and last token', () => {
    const text = '  Hi there.  \n\n Bye. ';
    const got = tokenizeText(text);
    expect(got.map((s) => [s.start, s.end, s.tokens.length])).toEqual([
      [2, 11, 3],
      [16, 20, 2],
    ]);
  });

  it('splits a long paragraph exactly as its sentences one by one', () => {
    const parts = [
      'Multipath TCP is backward compatible with standard TCP.',
      'In July 2013, the MPTCP working group reported five implementations (e.g. Linux).',
      'Siri sends voice samples over an HTTPS session to Apple servers!',
      '東京都に住んでいます。',
    ];
    const long = Array.from({ length: 400 }, (_, i) => parts[i % parts.length]).join(' ');
    expect(long.length).toBeGreaterThan(20_000);
    const expected = Array.from({ length: 400 }, (_, i) => sentences(parts[i % 4] as string));
    expect(sentences(long)).toEqual(expected.flat());
  });

  it('accepts a locale', () => {
    const text = 'Wir gehen. Dann kommen wir.';
    expect(sentences(text, (t) => tokenizeText(t, 'de'))).toEqual([
      'Wir gehen .',
      'Dann kommen wir .',
    ]);
    expect(() => tokenizeText('x', 'not a locale!')).toThrow(RangeError);
  });
});

describe('tokenizeWhitespace', () => {
  it('makes one sentence per non-blank line, tokens between whitespace', () => {
    const text = 'John  Smith went.\r\n\r\n\t(home) now\n \nend';
    expect(sentences(text, tokenizeWhitespace)).toEqual(['John Smith went.', '(home) now', 'end']);
    expect(tokenizeWhitespace('')).toEqual([]);
    expect(tokenizeWhitespace('\n\n  \n')).toEqual([]);
  });
});

describe('rawTextToConll', () => {
  it('writes token<TAB>O lines with a blank line after each sentence', () => {
    expect(rawTextToConll('Hi, Bob. Bye.')).toBe('Hi\tO\n,\tO\nBob\tO\n.\tO\n\nBye\tO\n.\tO\n\n');
    expect(rawTextToConll('')).toBe('');
    expect(rawTextToConll(' \n ')).toBe('');
  });

  it('writes the sentences it is given', () => {
    const text = "don't stop\nnow";
    const given: TextSentence[] = tokenizeWhitespace(text);
    expect(rawTextToConll(text, given)).toBe("don't\tO\nstop\tO\n\nnow\tO\n\n");
  });

  it('reads back through the CoNLL parser as the same sentences and tokens', () => {
    const text =
      'Multipath TCP\n\n[3] In addition, links may be added (e.g. Wi-Fi).\n' +
      "From a network's view, it's fine: see https://example.org.\n\n東京都に住んでいます。";
    const { document: doc, diagnostics } = parse(rawTextToConll(text));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.sentences.map((s) => sentenceTokens(doc, s).join(' '))).toEqual(sentences(text));
  });
});
