// Helpers for the reliability specs (reliability.md §5.A): the sample's tags as a model,
// exports read back, profiles launched and killed, a seeded PRNG.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

/** The built-in sample (the app opens it for a new user and with "Open sample"). */
export const SAMPLE_NAME = 'multipath-tcp.bio.txt';
export const SAMPLE_BYTES = readFileSync(resolve(process.cwd(), 'public/sample.bio.txt'));

/** A token line of a file: its 0-based line index and tag. */
export interface TokenLine {
  readonly line: number;
  readonly tag: string;
}

/**
 * The sample's sentences (`<s>` … `</s>` blocks of `token<TAB>tag` lines) with the line of
 * each token, in the order the editor numbers them.
 */
export function sampleSentences(bytes: Buffer = SAMPLE_BYTES): TokenLine[][] {
  const out: TokenLine[][] = [];
  let cur: TokenLine[] | null = null;
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((text, line) => {
      if (text === '<s>') cur = [];
      else if (text === '</s>') {
        if (cur) out.push(cur);
        cur = null;
      } else if (cur && text.includes('\t'))
        cur.push({ line, tag: text.slice(text.lastIndexOf('\t') + 1) });
    });
  return out;
}

/** The file with the tags of `sentences` written into their lines (every other byte kept). */
export function withSentenceTags(
  original: Buffer,
  sentences: readonly TokenLine[][],
  tags: readonly (readonly string[])[],
): Buffer {
  const lines = original.toString('utf8').split('\n');
  sentences.forEach((sen, s) =>
    sen.forEach((tok, t) => {
      const text = lines[tok.line] ?? '';
      lines[tok.line] = text.slice(0, text.lastIndexOf('\t') + 1) + (tags[s]?.[t] ?? '?');
    }),
  );
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Clicks the toolbar's Export and returns the downloaded bytes. */
export async function exportFile(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.locator('#export-button').click();
  return readFileSync(await (await download).path());
}

/** The save status the toolbar shows ("Saved", "Saving…", "Not saved", "Memory only", "Read-only"). */
export function saveStatus(page: Page) {
  return page.getByRole('status', { name: /^Save status: / });
}

/** Waits until the toolbar says `text`. */
export async function expectStatus(page: Page, text: string, timeout = 5000): Promise<void> {
  await expect(page.getByRole('status', { name: `Save status: ${text}` })).toBeVisible({
    timeout,
  });
}

/** Waits until the editor shows `name` with its rows. */
export async function waitForDocument(page: Page, name = SAMPLE_NAME): Promise<void> {
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole('grid', { name: 'Sentences' }).getByRole('row').first(),
  ).toBeVisible();
}

/** Label keys as the palette lists them: key → label name. */
export async function labelKeys(page: Page): Promise<Map<string, string>> {
  const names = await page
    .getByRole('button', { name: /^Label as .+ \(key \d\)/ })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
  const keys = new Map<string, string>();
  for (const n of names) {
    const m = /^Label as (.+?) \(key (\d)\)/.exec(n);
    if (m?.[1] && m[2]) keys.set(m[2], m[1]);
  }
  return keys;
}

/** Puts the cursor on token t of sentence s (a plain click: no selection). */
export async function clickToken(page: Page, s: number, t: number): Promise<void> {
  const tok = page.locator(`#tok-${s}-${t}`);
  await tok.dispatchEvent('mousedown', { button: 0, buttons: 1 });
  await tok.dispatchEvent('mouseup', { button: 0 });
}

/** Tokens whose rows are rendered now: [sentence, token] pairs. */
export async function renderedTokens(page: Page): Promise<[number, number][]> {
  return page
    .locator('[role="grid"] [data-s][data-t]')
    .evaluateAll((els) =>
      els.map((e) => [Number(e.getAttribute('data-s')), Number(e.getAttribute('data-t'))]),
    ) as Promise<[number, number][]>;
}

/** A seeded PRNG (mulberry32): the same seed gives the same trials. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Launches the system Chromium on a profile directory (kept across launches). */
export async function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
  });
}

/** The processes of the browser running on `userDataDir`: [pid, command line] pairs. */
function profileProcesses(userDataDir: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd.includes(`--user-data-dir=${userDataDir}`)) out.push([Number(entry), cmd]);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The pid of the browser process (not a renderer or helper) running on `userDataDir`. */
export function browserPid(userDataDir: string): number | null {
  const found = profileProcesses(userDataDir).find(
    ([, cmd]) => !cmd.some((a) => a.startsWith('--type=')),
  );
  return found?.[0] ?? null;
}

/** The pid of that browser's storage service (where IndexedDB commits), or null. */
export function storageServicePid(userDataDir: string): number | null {
  const found = profileProcesses(userDataDir).find(([, cmd]) =>
    cmd.includes('--utility-sub-type=storage.mojom.StorageService'),
  );
  return found?.[0] ?? null;
}

/**
 * Kills the browser as a crash would, with no time to finish anything: SIGKILL to its storage
 * service (IndexedDB lives there and would otherwise finish a commit under way), then to the
 * browser process. Both are processes this test launched, ended by their ids.
 */
export function killBrowser(userDataDir: string): void {
  const storage = storageServicePid(userDataDir);
  const browser = browserPid(userDataDir);
  if (browser === null) throw new Error(`no browser runs on ${userDataDir}`);
  if (storage !== null) process.kill(storage, 'SIGKILL');
  process.kill(browser, 'SIGKILL');
}

/** The page of a freshly launched profile (its first tab, or a new one). */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

declare global {
  interface Window {
    __statuses?: { at: number; text: string }[];
  }
}

/**
 * Records every save status the toolbar shows, with its time (an init script: add before
 * the page loads). Read with `statusesSeen`.
 */
export async function recordStatuses(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { at: number; text: string }[] = [];
    window.__statuses = seen;
    let last = '';
    const look = () => {
      const el = document.querySelector('[aria-label^="Save status: "]');
      const text = el?.getAttribute('aria-label')?.slice('Save status: '.length) ?? '';
      if (text && text !== last) {
        last = text;
        seen.push({ at: Date.now(), text });
      }
    };
    new MutationObserver(look).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
  });
}

/** The statuses recorded so far (see recordStatuses). */
export async function statusesSeen(page: Page): Promise<{ at: number; text: string }[]> {
  return page.evaluate(() => window.__statuses ?? []);
}

/** The sample with one tag changed: sentence s, token t becomes `tag`. */
export function sampleWith(changes: [number, number, string][]): Buffer {
  const sentences = sampleSentences();
  const tags = sentences.map((sen) => sen.map((t) => t.tag));
  for (const [s, t, tag] of changes) {
    const row = tags[s];
    if (row) row[t] = tag;
  }
  return withSentenceTags(SAMPLE_BYTES, sentences, tags);
}
