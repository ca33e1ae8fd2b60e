import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** A file from ../shared (CI has shared/ beside the checkout). */
export function shared(path: string): string {
  return resolve(process.cwd(), '../shared', path);
}

/** The bytes of a file from ../shared. */
export function sharedBytes(path: string): Buffer {
  return readFileSync(shared(path));
}

/** Waits until the editor shows a document named `name`. */
export async function waitForDoc(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole('grid', { name: 'Sentences' }).getByRole('row').first(),
  ).toBeVisible();
}

/**
 * Scrolls the virtualized list from top to bottom and returns, per sentence index, the
 * accessible names of its entities ("Type: words").
 */
export async function collectEntities(page: Page): Promise<Map<number, string[]>> {
  const grid = page.getByRole('grid', { name: 'Sentences' });
  const total = Number(await grid.getAttribute('aria-rowcount'));
  const seen = new Map<number, string[]>();
  await grid.evaluate((el) => (el.scrollTop = 0));
  for (let guard = 0; guard < 10_000 && seen.size < total; guard++) {
    const rows = await grid.evaluate((el) =>
      [...el.querySelectorAll('[role="row"][data-s]')].map((r) => ({
        s: Number(r.getAttribute('data-s')),
        entities: [...r.querySelectorAll('[role="group"]')].map(
          (g) => g.getAttribute('aria-label') ?? '',
        ),
      })),
    );
    for (const r of rows) seen.set(r.s, r.entities);
    const moved = await grid.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight * 0.8;
      return el.scrollTop !== before;
    });
    await page.waitForTimeout(30);
    if (!moved && seen.size < total) {
      // at the bottom: one more read after layout settles
      await page.waitForTimeout(100);
    }
  }
  return seen;
}

/** Replaces the last field (the tag) of the given 1-based lines, keeping every other byte. */
export function withTags(original: Buffer, tags: Record<number, string>): Buffer {
  const text = original.toString('utf8');
  const lines = text.split('\n');
  for (const [n, tag] of Object.entries(tags)) {
    const i = Number(n) - 1;
    const line = lines[i] ?? '';
    const cr = line.endsWith('\r') ? '\r' : '';
    const body = cr ? line.slice(0, -1) : line;
    const sep = body.includes('\t') ? '\t' : ' ';
    lines[i] = body.slice(0, body.lastIndexOf(sep) + 1) + tag + cr;
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}
