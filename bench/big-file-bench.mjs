// npm run bench:big — reliability.md cases 46 and 50 at scale: a 100 MB file (scale-1m ten
// times: 10M tokens, 427,000 sentences) opened through the file input, RUNS times (default 3),
// in Chromium. Prints figures (medians and worst cases); never a pass/fail.
//   46: parsed in a worker with progress; first sentences before the parse ends; no task of
//       the page's thread over 100 ms, from the file chosen until the consistency findings are in.
//   50: 200k+ sentences: scrolling the list top to bottom (frame times, long tasks), the heap,
//       and a search over the whole corpus.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { startPreview } from './preview-server.mjs';

const PORT = 4180;
const RUNS = Number(process.env.RUNS ?? 3);
const COPIES = Number(process.env.COPIES ?? 10);
// TRACE=1: also trace the load (Chromium's 'toplevel' category) and print the CPU time of the
// page's longest task and the most CPU any one task took. A task's wall time includes waits
// for a core (other threads, the host); its CPU time is the app's own work.
const TRACE = Boolean(process.env.TRACE);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

/**
 * scale-1m COPIES times. Copy k renames each entity type to the type k places after it in the
 * sorted list of types, so the copies do not repeat one another's tag sequences: a file of ten
 * identical copies would let the page share 90 % of its tag arrays, where a real 100 MB corpus
 * shares what one copy shares (60–70 %). It also makes the same words carry up to ten labels,
 * so the consistency check finds far more than in a real corpus: a harsher load. SAME_COPIES=1
 * writes ten identical copies instead (the file of the figures before tag arrays were shared).
 */
function bigFile() {
  const one = readFileSync(
    resolve(process.cwd(), '../shared/corpora/scale/scale-1m.conll'),
    'utf8',
  );
  const tag = /(\s)([BIESLU])-(\S+)$/;
  const types = new Set();
  for (const line of one.split('\n')) {
    const m = tag.exec(line);
    if (m) types.add(m[3]);
  }
  const sorted = [...types].sort();
  const rank = new Map(sorted.map((t, i) => [t, i]));
  const copy = (k) =>
    k === 0 || process.env.SAME_COPIES
      ? one
      : one
          .split('\n')
          .map((line) =>
            line.replace(
              tag,
              (_, sp, prefix, type) =>
                `${sp}${prefix}-${sorted[(rank.get(type) + k) % sorted.length]}`,
            ),
          )
          .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'retag-big-'));
  const path = join(dir, `scale-${COPIES}m.conll`);
  writeFileSync(path, Array.from({ length: COPIES }, (_, k) => `${copy(k)}\n`).join(''));
  return path;
}

/** The machine's CPU counters (Linux), to say how much of it the run had; null elsewhere. */
function cpuTicks() {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  } catch {
    return null;
  }
}

/** Percentage of CPU time the host took between two readings (/proc/stat's 8th counter). */
function stealPercent(before, after) {
  if (!before || !after) return NaN;
  const d = after.map((t, i) => t - (before[i] ?? 0));
  const total = d.reduce((a, b) => a + b, 0) || 1;
  return (100 * (d[7] ?? 0)) / total;
}

/** The page's tasks in a trace: wall and CPU time (ms) of each top-level task of its main thread. */
function pageTasks(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const mains = events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`);
  const byThread = new Map(mains.map((k) => [k, []]));
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    byThread.get(`${e.pid}:${e.tid}`)?.push(e);
  }
  // the page's renderer is the one that worked most
  const tasks = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return tasks.map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? NaN) / 1000 }));
}

async function run(browser, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('crash', () => process.stderr.write('  the page crashed\n'));
  const cdp = await context.newCDPSession(page);
  const ticksBefore = cpuTicks();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByRole('heading', { name: 'multipath-tcp.bio.txt' }).waitFor();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push({ s: e.startTime, d: e.duration });
    }).observe({ type: 'longtask' });
  });
  const name = path.split('/').pop();
  if (TRACE) await browser.startTracing(page, { categories: ['toplevel'] });
  await page.getByLabel('Open a corpus file').setInputFiles(path);
  await page.getByRole('progressbar', { name: /^Reading/ }).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { name, exact: true }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.getElementById('import-progress'), null, {
    timeout: 300_000,
    polling: 500,
  });
  await page.waitForFunction(
    () => {
      const start = performance.getEntriesByName('retag:shown').at(-1)?.startTime ?? Infinity;
      return performance
        .getEntriesByName('retag:consistency-ready')
        .some((m) => m.startTime > start);
    },
    null,
    { timeout: 300_000, polling: 1000 },
  );
  const load = await page.evaluate(() => {
    const t0 = performance.getEntriesByName('retag:read-start').at(-1).startTime;
    const at = (n) =>
      (performance
        .getEntriesByName(`retag:${n}`)
        .filter((e) => e.startTime >= t0)
        .at(-1)?.startTime ?? NaN) - t0;
    const long = window.__long.filter((t) => t.s >= t0).map((t) => t.d);
    // where each task over 100 ms fell: after which step of the load (the last mark before it)
    const steps = [
      'read-start',
      'parse-start',
      'preview-shown',
      'worker-done',
      'unpacked',
      'shown',
      'consistency-ready',
    ];
    const marks = steps.flatMap((n) =>
      performance
        .getEntriesByName(`retag:${n}`)
        .filter((e) => e.startTime >= t0)
        .map((e) => ({ n, t: e.startTime })),
    );
    const over = window.__long
      .filter((t) => t.s >= t0 && t.d > 100)
      .map((t) => {
        const after = marks.filter((m) => m.t <= t.s).sort((a, b) => b.t - a.t)[0];
        return `${Math.round(t.d)} ms at ${Math.round(t.s - t0)} (after ${after?.n ?? '?'})`;
      });
    return {
      over,
      preview: at('preview-shown'),
      workerDone: at('worker-done'),
      shown: at('shown'),
      consistency: at('consistency-ready'),
      long,
      rows: Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')),
    };
  });
  load.steal = stealPercent(ticksBefore, cpuTicks());
  if (TRACE) {
    const tasks = pageTasks(await browser.stopTracing());
    const longest = tasks.reduce((a, t) => (t.wall > a.wall ? t : a), { wall: -1, cpu: NaN });
    const cpus = tasks.map((t) => t.cpu).filter(Number.isFinite);
    load.traced = { longest, maxCpu: cpus.length > 0 ? Math.max(...cpus) : NaN };
    process.stderr.write(`traced: ${tasks.length} page tasks, ${cpus.length} with CPU time\n`);
  }

  // case 50: scroll top → bottom in 200 steps, one per frame; frame times and long tasks
  const grid = page.getByRole('grid', { name: 'Sentences' });
  const scrollTest = async (el, mode) => {
    const long = [];
    const obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) long.push(e.duration);
    });
    obs.observe({ type: 'longtask' });
    const frames = [];
    let last = await new Promise((r) => requestAnimationFrame(r));
    const steps = 200;
    const from = el.scrollTop;
    for (let i = 1; i <= steps; i++) {
      // 'jump': top to bottom in 200 jumps (every row new each frame, the worst case);
      // 'wheel': 120 px per frame from the middle, as a mouse wheel or trackpad scrolls
      if (mode === 'jump') el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
      else el.scrollTop = from + 120 * i;
      const now = await new Promise((r) => requestAnimationFrame(r));
      frames.push(now - last);
      last = now;
    }
    await new Promise((r) => setTimeout(r, 100));
    obs.disconnect();
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      median: sorted[Math.floor(sorted.length / 2)],
      p95: sorted[Math.floor(sorted.length * 0.95)],
      over: frames.filter((f) => f > 1000 / 60 + 1).length,
      frames: frames.length,
      long,
    };
  };
  const jump = await grid.evaluate(scrollTest, 'jump');
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await page.waitForTimeout(300);
  const wheel = await grid.evaluate(scrollTest, 'wheel');
  const scroll = { jump, wheel };

  // case 50: a search over all 10M tokens stays responsive (the panel answers)
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const box = page.getByLabel('Search for');
  await box.fill('protein');
  await page.evaluate(() => {
    window.__searchLong = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__searchLong.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await box.press('Enter');
  await page
    .getByRole('status', { name: 'Search result' })
    .getByText(/match/)
    .waitFor({ timeout: 60_000 });
  const searchMs = Date.now() - t0;
  const searchLong = await page.evaluate(() => window.__searchLong);

  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
  await context.close();
  return { load, scroll, searchMs, searchLong, heap };
}

const server = await startPreview(PORT);
try {
  const path = bigFile();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await run(browser, path));
    const r = runs.at(-1);
    for (const o of r.load.over) process.stderr.write(`run ${i + 1}: task of ${o}\n`);
    process.stderr.write(
      `run ${i + 1}: long tasks ${JSON.stringify(r.load.long.map(Math.round))}, scroll long tasks ${JSON.stringify([...r.scroll.wheel.long, ...r.scroll.jump.long].map(Math.round))}\n`,
    );
  }
  await browser.close();
  const col = (f, d = 0) => runs.map((r) => fmt(f(r), d));
  const table = [
    ['run', ...runs.map((_, i) => String(i + 1))],
    ['sentences in the list', ...col((r) => r.load.rows)],
    ['file chosen → first sentences shown (ms)', ...col((r) => r.load.preview)],
    ['parse worker done (ms)', ...col((r) => r.load.workerDone)],
    ['whole document shown (ms)', ...col((r) => r.load.shown)],
    ['consistency findings in (ms)', ...col((r) => r.load.consistency)],
    ['page tasks > 50 ms until then (count)', ...col((r) => r.load.long.length)],
    ['CPU taken by the host (steal) meanwhile (%)', ...col((r) => r.load.steal)],
    [
      'longest page task until then (ms)  case 46: ≤ 100',
      ...col((r) => Math.max(0, ...r.load.long)),
    ],
    ...(TRACE
      ? [
          ['traced: longest page task, wall (ms)', ...col((r) => r.load.traced.longest.wall)],
          ['traced: longest page task, CPU (ms)', ...col((r) => r.load.traced.longest.cpu)],
          ['traced: most CPU in one page task (ms)', ...col((r) => r.load.traced.maxCpu)],
        ]
      : []),
    [
      'wheel scroll, 120 px a frame: frame interval, median (ms)',
      ...col((r) => r.scroll.wheel.median, 1),
    ],
    [
      'wheel scroll, 120 px a frame: frame interval, p95 (ms)',
      ...col((r) => r.scroll.wheel.p95, 1),
    ],
    [
      'wheel scroll, 120 px a frame: frames over 17.7 ms (of 200)',
      ...col((r) => r.scroll.wheel.over),
    ],
    [
      'wheel scroll, 120 px a frame: longest task (ms)',
      ...col((r) => Math.max(0, ...r.scroll.wheel.long)),
    ],
    [
      'jump scroll, top to bottom in 200 frames: frame interval, median (ms)',
      ...col((r) => r.scroll.jump.median, 1),
    ],
    [
      'jump scroll, top to bottom in 200 frames: frame interval, p95 (ms)',
      ...col((r) => r.scroll.jump.p95, 1),
    ],
    [
      'jump scroll, top to bottom in 200 frames: frames over 17.7 ms (of 200)',
      ...col((r) => r.scroll.jump.over),
    ],
    [
      'jump scroll, top to bottom in 200 frames: longest task (ms)',
      ...col((r) => Math.max(0, ...r.scroll.jump.long)),
    ],
    ['search "protein" → matches shown (ms)', ...col((r) => r.searchMs)],
    ['search: longest page task meanwhile (ms)', ...col((r) => Math.max(0, ...r.searchLong))],
    ['JS heap after GC (MB)', ...col((r) => r.heap)],
  ];
  const w0 = Math.max(...table.map((r) => r[0].length));
  console.log(
    `retag big-file benchmark: ${COPIES}x scale-1m (Chromium, ${new Date().toISOString().slice(0, 10)})`,
  );
  for (const r of table)
    console.log(
      `  ${r[0].padEnd(w0)}  ${r
        .slice(1)
        .map((c) => c.padStart(8))
        .join('  ')}`,
    );
  const longest = runs.map((r) => Math.max(0, ...r.load.long));
  console.log(`  median of the longest page task per run: ${fmt(median(longest))} ms`);
} finally {
  server.stop();
}
