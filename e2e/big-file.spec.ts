import { expect } from '@playwright/test';
import { test } from './csp-guard';
import { shared, waitForDoc } from './helpers';

test('a 3 MB corpus is read in a worker: first sentences at once, then the whole file', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  const longTasks = await page.evaluateHandle(() => {
    const seen: number[] = [];
    new PerformanceObserver((l) => seen.push(...l.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
    });
    return seen;
  });
  await page
    .getByLabel('Open a corpus file')
    .setInputFiles(shared('corpora/conll2003/iob1/eng.train'));
  await waitForDoc(page, 'eng.train');
  const grid = page.getByRole('grid', { name: 'Sentences' });
  // The whole file: 14,041 sentences in IOB1, no progress bar left, editable.
  await expect(grid).toHaveAttribute('aria-rowcount', '14041', { timeout: 30_000 });
  await expect(page.locator('#import-progress')).toHaveCount(0);
  await expect(page.getByLabel('Scheme')).toHaveValue('iob1');
  await expect(page.getByRole('button', { name: /^Label as PER/ })).toContainText('6600');
  // The page never froze while it parsed.
  const worst = await longTasks.evaluate((xs) => Math.max(0, ...xs));
  expect(worst).toBeLessThan(500);
  await grid.focus();
  await page.keyboard.press('Control+End');
  await expect(page.getByRole('row', { name: /^Sentence 14041/ })).toBeVisible();
});

test('a binary file is refused with a diagnostic and nothing is rendered from it', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  await page.getByLabel('Open a corpus file').setInputFiles({
    name: 'image.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
  });
  await expect(page.getByRole('heading', { name: 'image.png', exact: true })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Sentences' })).toHaveAttribute('aria-rowcount', '0');
  await page.getByRole('button', { name: /^Problems/ }).click();
  await expect(page.getByRole('complementary', { name: 'Problems' })).toContainText(
    'not a text file',
  );
});
