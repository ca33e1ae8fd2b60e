// reliability.md §5.A 10–12: one writer per document. A second tab is read-only with "Take
// over"; after a take-over the old tab is read-only before its next write and says what it
// could not save; a stale write (a tab without Web Locks) is refused by the revision
// compare-and-swap and surfaced, never last-writer-wins.
import { expect, test, type Page } from '@playwright/test';
import {
  clickToken,
  expectStatus,
  exportFile,
  sampleWith,
  waitForDocument,
} from './reliability-helpers';

const A_EDIT: [number, number, string] = [0, 2, 'B-Application'];
const A_EDIT2: [number, number, string] = [1, 0, 'B-Architecture'];
const B_EDIT: [number, number, string] = [2, 0, 'B-Device'];

async function label(page: Page, [s, t, tag]: [number, number, string], key: string) {
  await clickToken(page, s, t);
  await page.keyboard.press(key);
  await expect(page.locator(`#tok-${s}-${t}`)).toHaveAttribute('data-tag', tag);
}

async function open(page: Page) {
  await page.goto('/');
  await waitForDocument(page);
}

test('case 10: the read-only tab never writes, whichever tab is focused, hidden or closed', async ({
  context,
}) => {
  const a = await context.newPage();
  await open(a);
  await label(a, A_EDIT, '1');
  await expectStatus(a, 'Saved');
  const b = await context.newPage();
  await open(b);
  await expect(b.getByRole('alert').filter({ hasText: 'open in another tab' })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Take over' })).toBeVisible();
  await expectStatus(b, 'Read-only');
  // A goes on; B is focused, hidden, focused again and closed: none of it writes B's older view
  await a.bringToFront();
  await label(a, A_EDIT2, '2');
  await expectStatus(a, 'Saved');
  await b.bringToFront();
  await b.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
  });
  await a.bringToFront();
  await b.close();
  await a.waitForTimeout(500);
  const c = await context.newPage();
  await open(c);
  // C is read-only beside A, and shows A's newest work
  expect((await exportFile(c)).equals(sampleWith([A_EDIT, A_EDIT2]))).toBe(true);
  await a.close();
  await c.reload();
  await waitForDocument(c);
  await expect(c.getByText('Recovered 2 saved edits from your last session.')).toBeVisible();
  expect((await exportFile(c)).equals(sampleWith([A_EDIT, A_EDIT2]))).toBe(true);
});

test('case 11: a take-over while A has an unsaved edit: A says so and offers export, then is read-only before its next write', async ({
  context,
}) => {
  const a = await context.newPage();
  await a.clock.install();
  await open(a);
  await expectStatus(a, 'Saved');
  // A's clock stops: its debounced write cannot run, so the edit below stays pending
  await a.clock.pauseAt(Date.now() + 1000);
  await label(a, A_EDIT, '1');
  await expectStatus(a, 'Saving…');
  const b = await context.newPage();
  await open(b);
  await b.getByRole('button', { name: 'Take over' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'open in another tab' })).toHaveCount(0);
  await expectStatus(b, 'Saved');
  const lost = a.getByRole('alert').filter({ hasText: 'Another tab took over' });
  await expect(lost).toContainText('1 edit(s) made here in the last second were not saved');
  await expectStatus(a, 'Read-only');
  // the pending edit is not lost: A's export has it
  expect((await exportFile(a)).equals(sampleWith([A_EDIT]))).toBe(true);
  // A's clock runs again: its stopped writer writes nothing, and its keys edit nothing
  await a.clock.resume();
  await label(a, A_EDIT2, '2').catch(() => undefined);
  await expect(a.locator(`#tok-${A_EDIT2[0]}-${A_EDIT2[1]}`)).toHaveAttribute('data-tag', 'O');
  await a.waitForTimeout(1500);
  await label(b, B_EDIT, '3');
  await expectStatus(b, 'Saved');
  await a.close();
  await b.reload();
  await waitForDocument(b);
  await expect(b.getByText('Recovered 1 saved edit from your last session.')).toBeVisible();
  expect((await exportFile(b)).equals(sampleWith([B_EDIT]))).toBe(true);
});

test('case 12: a stale tab (no Web Locks) writing an old revision is refused and told, both versions kept', async ({
  context,
}) => {
  const a = await context.newPage();
  await open(a);
  await expectStatus(a, 'Saved');
  // B runs where Web Locks do not exist, so it becomes a second writer at the same revision
  const b = await context.newPage();
  await b.addInitScript(() => {
    delete (Navigator.prototype as { locks?: unknown }).locks;
  });
  await open(b);
  expect(await b.evaluate(() => 'locks' in navigator)).toBe(false);
  await expectStatus(b, 'Saved');
  await expect(b.getByRole('button', { name: 'Take over' })).toHaveCount(0);
  // A writes revision 1; B, still at revision 0, then writes "its" revision 1
  await label(a, A_EDIT, '1');
  await expectStatus(a, 'Saved');
  await label(b, B_EDIT, '3');
  const conflict = b.getByRole('alert').filter({ hasText: 'Another tab saved newer work' });
  await expect(conflict).toBeVisible({ timeout: 2000 });
  await expect(conflict.getByRole('button', { name: 'Export' })).toBeVisible();
  await expectStatus(b, 'Read-only');
  // both versions kept: B's in its export, A's in storage (B overwrote nothing)
  expect((await exportFile(b)).equals(sampleWith([B_EDIT]))).toBe(true);
  await b.close();
  await a.reload();
  await waitForDocument(a);
  await expect(a.getByText('Recovered 1 saved edit from your last session.')).toBeVisible();
  expect((await exportFile(a)).equals(sampleWith([A_EDIT]))).toBe(true);
  // and A keeps writing: the store is at A's revision, not B's
  await label(a, A_EDIT2, '2');
  await expectStatus(a, 'Saved');
});
