// Makes sure a Chromium exists before the e2e tests: installs Debian's package when it can
// (root and apt-get), otherwise stops with one line that says how to get one. Never a trace.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

if (findChromium()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  process.stderr.write("retag: no Chromium found; installing Debian's chromium package…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env })
      : update;
  if (install.status === 0 && findChromium()) process.exit(0);
}
process.stderr.write(
  process.env.CHROMIUM_PATH
    ? `retag: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; point it at a Chromium binary.\n`
    : 'retag: no Chromium found for the e2e tests; install one (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.\n',
);
process.exit(1);
