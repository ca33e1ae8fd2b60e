// The core's public surface: what the CLI, the workers and the store use.
export * from './diagnostics';
export * from './format/decode';
export * from './format/lines';
export * from './format/parse';
export * from './format/serialize';
export * from './model/document';
export * from './model/edit';
export * from './model/pack';
export * from './edit/commands';
export * from './edit/history';
export * from './model/summary';
export * from './scheme/chunks';
export * from './scheme/schemes';
export * from './scheme/tags';
export * from './scheme/validate';
export * from './checks/consistency';
