import type { ImportResult, InterchangeFormat, Tokenization } from '../core/interchange';

/** Page → worker: convert another tool's files, or tokenize raw text, into CoNLL text. */
export type ConvertRequest =
  | {
      readonly type: 'interchange';
      readonly format: InterchangeFormat;
      readonly files: readonly { readonly name: string; readonly text: string }[];
      readonly tokenize: Tokenization;
    }
  | { readonly type: 'raw'; readonly text: string };

/** Worker → page: the result, or what went wrong (the converters never throw on input). */
export type ConvertReply =
  | { readonly type: 'interchange'; readonly result: ImportResult }
  | {
      readonly type: 'raw';
      readonly conll: string;
      readonly sentences: number;
      readonly tokens: number;
    }
  | { readonly type: 'error'; readonly message: string };
