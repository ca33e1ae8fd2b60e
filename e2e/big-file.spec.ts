import { expect, type Page } from '@playwright/test';
import { test } from './csp-guard';
import { shared, waitForDoc } from './helpers';

/** Opens CoNLL-2003's eng.train (3 MB, 14,041 sentences) and waits until all of it is in. */
async function openEngTrain(page: Page) {
  await page
    .getByLabel('Open a corpus file')
    .setInputFiles(shared('corpora/conll2003/iob1/eng.train'));
  await waitForDoc(page, 'eng.train');
  const grid = page.getByRole('grid', { name: 'Sentences' });
  await expect(grid).toHaveAttribute('aria-rowcount', '14041', { timeout: 30_000 });
  await expect(page.locator('#import-progress')).toHaveCount(0);
  return grid;
}

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
  // The whole file: 14,041 sentences in IOB1, no progress bar left, editable.
  const grid = await openEngTrain(page);
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

test('a scrollbar drag through 14,041 sentences keeps the view filled; rows around it come back at rest', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  const grid = await openEngTrain(page);
  // the consistency analysis done, so its worker does not slow the frames measured below
  await expect(page.getByRole('button', { name: /^Inconsistencies \(\d/ })).toBeVisible({
    timeout: 60_000,
  });

  // Jumps of 1/25 of the list, one per frame, as a fast drag of the scrollbar makes them.
  // After each, within a few frames, the rows rendered cover the view; while the jumps go on
  // (less than 100 ms after the last one), rows off view are not rendered. The list's own
  // scroll to keep rows in place as they are measured is not a move: it must not bring the
  // 4 rows ahead back.
  const samples = await grid.evaluate(async (el) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const box = el.getBoundingClientRect();
    const out: { covered: boolean; frames: number; offView: number; fresh: boolean }[] = [];
    for (let i = 1; i < 25; i++) {
      el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / 25;
      const at = performance.now();
      let frames = 0;
      let covered = false;
      let offView = 0;
      while (!covered && frames < 20) {
        await frame();
        frames++;
        const rows = [...el.querySelectorAll<HTMLElement>('[data-index]')].map((r) =>
          r.getBoundingClientRect(),
        );
        const top = Math.min(...rows.map((r) => r.top));
        const bottom = Math.max(...rows.map((r) => r.bottom));
        covered = top <= box.top + 1 && bottom >= box.bottom - 1;
        offView = rows.filter((r) => r.bottom <= box.top || r.top >= box.bottom).length;
      }
      out.push({ covered, frames, offView, fresh: performance.now() - at < 100 });
    }
    return out;
  });
  expect(samples.filter((s) => !s.covered)).toEqual([]);
  const fresh = samples.filter((s) => s.fresh);
  expect(fresh.length).toBeGreaterThanOrEqual(5);
  // (one may be: the range is chosen by estimated heights, and a row measured shorter than
  // its estimate can end up just off view; the 4 + 4 of the rest are never rendered)
  expect(fresh.filter((s) => s.offView > 1)).toEqual([]);

  // At rest, 4 rows above and 4 below the view are built again (a key moves into them at once;
  // a row that starts exactly at the view's bottom edge counts as the last one in view).
  await expect
    .poll(() =>
      grid.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const rows = [...el.querySelectorAll<HTMLElement>('[data-index]')].map((r) =>
          r.getBoundingClientRect(),
        );
        const below = rows.filter((r) => r.top >= box.bottom).length;
        return [rows.filter((r) => r.bottom <= box.top).length, below === 5 ? 4 : below];
      }),
    )
    .toEqual([4, 4]);
});
