// dev aid (not shipped): trace 20 relabel keypresses and sum main-thread phases per keypress
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { startPreview } from './preview-server.mjs';
const PORT = 4180;
const server = await startPreview(PORT);
try {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByLabel('Open a corpus file').setInputFiles(process.argv[2]);
  await page.getByRole('status', { name: 'Save status: Saved' }).waitFor({ timeout: 60000 });
  await page.waitForTimeout(1000);
  const grid = page.getByRole('grid', { name: 'Sentences' });
  await grid.focus();
  await page.keyboard.press('1');
  await page.waitForTimeout(500);
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink',
    ],
  });
  const N = 20;
  for (let i = 0; i < N; i++) {
    await page.keyboard.press(i % 2 ? '1' : '2');
    await page.waitForTimeout(50);
  }
  const buf = await browser.stopTracing();
  const ev = JSON.parse(buf.toString()).traceEvents;
  const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const sums = new Map();
  for (const e of ev) {
    if (e.ph !== 'X' || e.tid !== main.tid || e.pid !== main.pid) continue;
    const k =
      e.name === 'FunctionCall' || e.name === 'EventDispatch'
        ? `${e.name} ${e.args?.data?.type ?? e.args?.data?.functionName ?? ''}`
        : e.name;
    sums.set(k, (sums.get(k) ?? 0) + (e.dur ?? 0) / 1000);
  }
  for (const e of ev.filter((e) => e.name === 'Layout' && e.tid === main.tid).slice(0, 12))
    console.log(
      'layout',
      (e.dur / 1000).toFixed(2),
      JSON.stringify(e.args?.beginData ?? {}).slice(0, 200),
      JSON.stringify(e.args?.endData?.layoutRoots?.length),
    );
  for (const e of ev
    .filter((e) => e.name === 'UpdateLayoutTree' && e.tid === main.tid)
    .slice(0, 12))
    console.log('style', (e.dur / 1000).toFixed(2), JSON.stringify(e.args?.elementCount));
  const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [k, v] of top) console.log(`${(v / N).toFixed(2).padStart(8)} ms/key  ${k}`);
  await browser.close();
} finally {
  server.stop();
}
