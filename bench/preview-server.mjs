// The built app served by `vite preview` for the benchmark scripts.
import { spawn } from 'node:child_process';

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

/**
 * Starts `vite preview` on a port and resolves once it answers. Vite itself, not through npx:
 * killing npx would leave vite running.
 */
export async function startPreview(port) {
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url);
  } catch (e) {
    server.kill();
    throw e;
  }
  return { url, stop: () => server.kill() };
}
