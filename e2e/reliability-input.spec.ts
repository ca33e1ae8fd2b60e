// reliability.md §5.B case 32 in the browser: one 10 MB line. The core's part (E_LINE_TOO_LONG,
// the other lines load, byte-exact export) is unit-tested in src/core/reliability; this checks
// what only a browser shows: the finding on screen, and a page that stays responsive.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { test } from './csp-guard';
import { waitForDoc } from './helpers';

const LONG_LINE_FILE = `a\tO\nb\tB-PER\n\n${'x'.repeat(10_000_000)}\tO\n\nc\tO\n`;

/** Opens the file and returns the main-thread long tasks (ms) that started after reading began. */
async function openLongLineFile(page: Page): Promise<() => Promise<number[]>> {
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; ms: number }[] };
    w.longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
  });
  // Handing Chromium a 10 MB file through the DevTools protocol is itself a long task: count
  // only what the app does once it starts reading.
  await page.getByLabel('Open a corpus file').setInputFiles({
    name: 'long-line.tsv',
    mimeType: 'text/tab-separated-values',
    buffer: Buffer.from(LONG_LINE_FILE),
  });
  await waitForDoc(page, 'long-line.tsv');
  await expect(page.getByRole('grid', { name: 'Sentences' })).toHaveAttribute(
    'aria-rowcount',
    '3',
    { timeout: 30_000 },
  );
  return () =>
    page.evaluate(() => {
      const read = performance.getEntriesByName('retag:read-start').at(-1)?.startTime ?? 0;
      const w = window as unknown as { longTasks: { start: number; ms: number }[] };
      return w.longTasks.filter((t) => t.start >= read).map((t) => Math.round(t.ms));
    });
}

test('B32: one 10 MB line → E_LINE_TOO_LONG naming the cap in Problems; the other sentences load', async ({
  page,
}) => {
  await openLongLineFile(page);
  await expect(page.getByRole('row', { name: /^Sentence 1\b/ })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /^Sentence 2 \(read-only: malformed\)/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Problems/ }).click();
  await expect(page.getByRole('complementary', { name: 'Problems' })).toContainText(
    'the limit is 100000',
  );
});

test('B32: the page stays responsive while a 10 MB line is open (no main-thread task over 500 ms)', async ({
  page,
}) => {
  const longTasks = await openLongLineFile(page);
  await page.waitForTimeout(1000);
  const worst = Math.max(0, ...(await longTasks()));
  expect(worst, 'longest main-thread task after reading began (ms)').toBeLessThan(500);
});

test('B29: a windows-1252 file is reported, reopened as windows-1252 on request, and written back in it', async ({
  page,
}) => {
  const latin1 = (s: string) => Buffer.from(s, 'latin1');
  const input = Buffer.concat([
    latin1('Caf\xe9\tB-ORG\nde\tI-ORG\nFlore\tI-ORG\n\nZ\xfcrich\tB-LOC\nist\tO\n'),
  ]);
  const path = test.info().outputPath('latin1.tsv');
  writeFileSync(path, input);
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  await page.getByLabel('Open a corpus file').setInputFiles(path);
  await waitForDoc(page, 'latin1.tsv');
  await page.getByRole('button', { name: /^Problems/ }).click();
  const problems = page.getByRole('complementary', { name: 'Problems' });
  await expect(problems).toContainText('E_ENCODING');
  await problems.getByRole('button', { name: 'Reopen as windows-1252' }).click();
  await expect(page.getByText('read as windows-1252')).toBeVisible();
  await expect(problems).not.toContainText('E_ENCODING');
  const grid = page.getByRole('grid', { name: 'Sentences' });
  await expect(grid.getByRole('group', { name: 'ORG: Café de Flore' })).toBeVisible();
  // relabel Zürich as ORG (key of ORG) and export: windows-1252 bytes, one tag changed
  await grid.getByRole('gridcell', { name: 'Zürich' }).click();
  await page.getByRole('button', { name: /^Label as ORG\b/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const got = readFileSync(await (await download).path());
  expect(
    got.equals(Buffer.from(input.toString('latin1').replace('B-LOC', 'B-ORG'), 'latin1')),
  ).toBe(true);
});
