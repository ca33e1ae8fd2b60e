import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './csp-guard';
import { collectEntities, waitForDoc } from './helpers';

/**
 * An independent reading of the sample (IOB2 in <s>/</s> lines), written for this test only:
 * B- starts an entity, I- of the same type continues it.
 */
function expectedEntities(): string[][] {
  const text = readFileSync(
    resolve(process.cwd(), '../shared/seeds/multipath-tcp.bio.txt'),
    'utf8',
  );
  const sentences: string[][] = [];
  let cur: string[] = [];
  let open: { type: string; words: string[] } | null = null;
  const close = () => {
    if (open) cur.push(`${open.type}: ${open.words.join(' ')}`);
    open = null;
  };
  for (const line of text.split('\n')) {
    if (line === '<s>' || line === '</s>' || line === '') {
      close();
      if (line === '</s>') {
        sentences.push(cur);
        cur = [];
      }
      continue;
    }
    const [word, tag] = line.split('\t') as [string, string];
    if (tag.startsWith('B-') || (tag.startsWith('I-') && open?.type !== tag.slice(2))) {
      close();
      open = { type: tag.slice(2), words: [word] };
    } else if (tag.startsWith('I-') && open) open.words.push(word);
    else close();
  }
  return sentences;
}

test('a new user sees the sample with its entities coloured and labelled', async ({ page }) => {
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  const grid = page.getByRole('grid', { name: 'Sentences' });
  await expect(grid).toHaveAttribute('aria-rowcount', '65');

  const expected = expectedEntities();
  expect(expected).toHaveLength(65);
  expect(expected.flat()).toHaveLength(122);
  const shown = await collectEntities(page);
  expect(shown.size).toBe(65);
  expect([...shown.keys()].sort((a, b) => a - b).map((s) => shown.get(s))).toEqual(expected);

  // The DOM stays small: only the rows in view (plus overscan) exist.
  expect(await grid.getByRole('row').count()).toBeLessThan(40);

  // The label is written on the box (colour is never the only carrier).
  await grid.evaluate((el) => (el.scrollTop = 0));
  const first = grid.getByRole('group').first();
  await expect(first).toContainText('Multipath');
  await expect(first).toContainText('Protocol');

  const labels = page.getByRole('region', { name: 'Labels' });
  await expect(
    labels.getByRole('button', { name: /^Label as Protocol \(key \d\), 92 entities$/ }),
  ).toBeVisible();
  await expect(page.getByText('0 tags changed in 0 sentences')).toBeVisible();
  await page.screenshot({ path: 'test-results/first-page.png' });
});

test('the editor follows a dark system theme', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  const bg = await page.evaluate(
    () => getComputedStyle(document.querySelector('#root > div') as Element).backgroundColor,
  );
  expect(bg).not.toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: 'test-results/first-page-dark.png' });
  await context.close();
});
