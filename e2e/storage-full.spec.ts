import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { test } from './csp-guard';
import { shared, sharedBytes, waitForDoc, withTags } from './helpers';

// The disk is made "full" at an exact moment by having IDBObjectStore.put throw the browser's
// own QuotaExceededError while a flag is set. Everything after that (writer, banner, retry,
// export) is the app's real code path. The real quota (CDP Storage.overrideQuotaForOrigin,
// which IndexedDB enforces once its ~30 s space cache is fresh) is used in
// e2e/reliability-storage.spec.ts.
test('a full disk keeps the edit, says Not saved, offers export, and saves once space returns', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if ((window as unknown as { __diskFull?: boolean }).__diskFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  await page
    .getByLabel('Open a corpus file')
    .setInputFiles(shared('corpora/conll2003/bioes-sample/dev.bmes'));
  await waitForDoc(page, 'dev.bmes');
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();

  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
  await page.getByRole('grid', { name: 'Sentences' }).focus();
  await page.keyboard.press('2');
  const banner = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(banner).toBeVisible({ timeout: 2000 });
  await expect(banner).toContainText('storage is full');
  await expect(page.getByRole('status', { name: 'Save status: Not saved' })).toBeVisible();
  await page.screenshot({ path: 'test-results/storage-full.png' });

  // Export still works, with the unsaved edit in it.
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export now' }).click();
  const got = readFileSync(await (await download).path());
  expect(
    got.equals(withTags(sharedBytes('corpora/conll2003/bioes-sample/dev.bmes'), { 1: 'S-MISC' })),
  ).toBe(true);
  await expect(page.getByRole('status', { name: 'Save status: Not saved' })).toBeVisible();

  // Space returns: the retry saves, the banner goes, and a reload finds the edit.
  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible({
    timeout: 10_000,
  });
  await expect(banner).toHaveCount(0);
  await page.reload();
  await waitForDoc(page, 'dev.bmes');
  await expect(page.getByText('Recovered 1 saved edit from your last session.')).toBeVisible();
});
