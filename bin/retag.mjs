#!/usr/bin/env node
// The retag CLI. Its code lives in src/cli (TypeScript) and is built to dist-cli by
// `npm run build:cli`, which `npm install` runs through the prepare script.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist-cli/retag.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(
    'retag: the CLI is not built yet; run `npm run build:cli` (npm install does it)\n',
  );
  process.exit(2);
}
await import(built);
