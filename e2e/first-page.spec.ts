import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * An independent reading of the sample (IOB2 in <s>/</s> lines), written for this test only:
 * B- starts an entity, I- of the same type continues it.
 */
function expectedEntities(): string[] {
  const text = readFileSync(
    resolve(process.cwd(), '../shared/seeds/multipath-tcp.bio.txt'),
    'utf8',
  );
  const out: string[] = [];
  let cur: { type: string; words: string[] } | null = null;
  const close = () => {
    if (cur) out.push(`${cur.type}: ${cur.words.join(' ')}`);
    cur = null;
  };
  for (const line of text.split('\n')) {
    if (line === '<s>' || line === '</s>' || line === '') {
      close();
      continue;
    }
    const [word, tag] = line.split('\t') as [string, string];
    if (tag.startsWith('B-') || (tag.startsWith('I-') && cur?.type !== tag.slice(2))) {
      close();
      cur = { type: tag.slice(2), words: [word] };
    } else if (tag.startsWith('I-') && cur) cur.words.push(word);
    else close();
  }
  close();
  return out;
}

test('the first page shows the sample with its entities coloured and labelled', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'multipath-tcp.bio.txt' })).toBeVisible();
  const sentences = page.getByRole('list', { name: 'Sentences' }).getByRole('listitem');
  await expect(sentences).toHaveCount(65);

  const entities = page.getByRole('group');
  const expected = expectedEntities();
  expect(expected).toHaveLength(122);
  await expect(entities).toHaveCount(expected.length);
  const shown = await entities.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(shown).toEqual(expected);

  // The label is written on the box (colour is never the only carrier).
  const first = entities.first();
  await expect(first).toContainText('Multipath');
  await expect(first).toContainText('Protocol');
  await expect(page.getByText('1390 tokens · 65 sentences · 122 entities')).toBeVisible();

  const legend = page.getByRole('list', { name: 'Labels' });
  await expect(legend.getByRole('listitem')).toHaveCount(6);
  await expect(legend.getByRole('listitem').filter({ hasText: 'Protocol' })).toContainText('92');

  await page.screenshot({ path: 'test-results/first-page.png', fullPage: false });
});

test('the first page follows a dark system theme', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('group').first()).toBeVisible();
  const bg = await page.evaluate(
    () => getComputedStyle(document.body.firstElementChild as Element).backgroundColor,
  );
  expect(bg).not.toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: 'test-results/first-page-dark.png' });
  await context.close();
});
