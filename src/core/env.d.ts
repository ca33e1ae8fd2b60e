// The core runs in Node, in workers and in the page. It may use only what all three provide:
// the ECMAScript library (tsconfig.core.json has no DOM lib) plus the WHATWG text codecs below.
// Declaring them here, instead of pulling in the DOM or Node typings, keeps `document`, `window`,
// `indexedDB` and `fs` type errors inside src/core.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
