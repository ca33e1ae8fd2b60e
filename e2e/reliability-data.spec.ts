// reliability.md §5.A 5, 14, 17 and §5.D 48: a large write cut short by a killed browser is
// all or nothing; a failing write-back leaves the file on disk as it was; a store written by
// the previous schema is migrated with a copy kept, and a failing migration loses nothing;
// an edit writes bytes in proportion to the edit, not to the corpus.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { shared } from './helpers';
import {
  clickToken,
  expectStatus,
  exportFile,
  firstPage,
  killBrowser,
  launchProfile,
  prng,
  recordStatuses,
  SAMPLE_BYTES,
  SAMPLE_NAME,
  sampleWith,
  statusesSeen,
  waitForDocument,
} from './reliability-helpers';

const EDIT: [number, number, string] = [0, 2, 'B-Application'];
const TRAIN = 'corpora/conll2003/iob1/eng.train';

async function labelFirst(page: Page): Promise<void> {
  await clickToken(page, EDIT[0], EDIT[1]);
  await page.keyboard.press('1');
  await expect(page.locator(`#tok-${EDIT[0]}-${EDIT[1]}`)).toHaveAttribute('data-tag', EDIT[2]);
}

/** A CoNLL file with every `X-from` tag (last field) renamed to `X-to`. */
function renamed(bytes: Buffer, from: string, to: string): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  return Buffer.from(
    lines
      .map((line) => {
        const i = line.lastIndexOf(' ');
        const tag = line.slice(i + 1);
        return i > 0 && tag.endsWith(`-${from}`)
          ? `${line.slice(0, i + 1)}${tag.slice(0, 2)}${to}`
          : line;
      })
      .join('\n'),
    'utf8',
  );
}

/** Waits until `name` is shown and read to the end (a big file shows a preview first). */
async function waitParsed(page: Page, name: string): Promise<void> {
  await waitForDocument(page, name);
  await expect(page.locator('#import-progress')).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByRole('grid', { name: 'Sentences' })).toBeVisible();
}

test('case 5: a browser killed during a large write holds the old or the new revision, never a mix', async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const seed = Number(process.env.RETAG_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const rand = prng(seed);
  console.log(`large-write kills: seed ${seed}`);
  const url = baseURL ?? '/';
  const train = readFileSync(shared(TRAIN));
  const dir = mkdtempSync(join(tmpdir(), 'retag-kill-'));
  // Counts the requests that start a large transaction (the file store, an op). When told
  // to, stalls the page right after one, before the transaction can commit, and says so on
  // the console (which still reaches the test while the page is busy).
  const watch = (c: BrowserContext) =>
    c.addInitScript(() => {
      const w = window as unknown as { __writes: number; __stallMs?: number };
      w.__writes = 0;
      const seen = () => {
        w.__writes += 1;
        const ms = w.__stallMs ?? 0;
        if (ms <= 0) return;
        w.__stallMs = 0;
        console.log('retag-test: stalled in a write');
        const end = Date.now() + ms;
        while (Date.now() < end) {
          // the transaction's requests are issued; its commit waits for this task to end
        }
      };
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (
        this: IDBObjectStore,
        ...a: [unknown, IDBValidKey?]
      ) {
        const r = put.apply(this, a);
        if (this.name === 'files') seen();
        return r;
      };
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (
        this: IDBObjectStore,
        ...a: [unknown, IDBValidKey?]
      ) {
        const r = add.apply(this, a);
        if (this.name === 'ops') seen();
        return r;
      };
    });
  const stallNextWrite = async (page: Page) => {
    await page.evaluate(() => ((window as unknown as { __stallMs: number }).__stallMs = 10_000));
    // wrapped: an async function returning the promise itself would wait for it
    return {
      stalled: page.waitForEvent('console', {
        predicate: (m) => m.text() === 'retag-test: stalled in a write',
        timeout: 60_000,
      }),
    };
  };
  const rename = async (page: Page, from: string, to: string) => {
    await page.getByRole('button', { name: 'Label set' }).click();
    const panel = page.getByRole('complementary', { name: 'Label set' });
    await panel.getByRole('button', { name: `Rename ${from}` }).click();
    const form = panel.getByRole('form', { name: `Rename ${from}` });
    await form.getByRole('textbox').fill(to);
    // "Merge" when the label set kept `to` as an empty type (it renames all the same)
    return form.getByRole('button', { name: /^(Rename|Merge)$/ });
  };
  const stateOf = (name: string) => (name === 'MISC' ? train : renamed(train, 'MISC', name));
  const writes = (page: Page) =>
    page.evaluate(() => (window as unknown as { __writes: number }).__writes);
  /** Resolves as soon as the page has issued a large transaction after `before` of them. */
  const writeIssued = (page: Page, before: number) =>
    page.waitForFunction((n) => (window as unknown as { __writes: number }).__writes > n, before, {
      polling: 5,
      timeout: 30_000,
    });
  let context: BrowserContext = await launchProfile(dir);
  await watch(context);
  const relaunch = async (): Promise<Page> => {
    await context.close().catch(() => undefined);
    context = await launchProfile(dir);
    await watch(context);
    const page = await firstPage(context);
    page.on('dialog', (d) => void d.accept());
    await page.goto(url);
    return page;
  };
  const outcomes: string[] = [];
  try {
    let page = await firstPage(context);
    await page.goto(url);
    await waitForDocument(page);
    await labelFirst(page);
    await expectStatus(page, 'Saved');

    // 1. The imported file (3.3 MB) is written in one transaction with the session: killed
    //    while it is stored, the profile reopens the sample with its edit, or the whole file.
    for (let i = 0; i < 3; i++) {
      const delay = Math.floor(rand() * 25);
      const before = await writes(page);
      await page.getByLabel('Open a corpus file').setInputFiles(shared(TRAIN));
      // killed `delay` ms after the store's transaction was issued: while it commits, or after
      await writeIssued(page, before);
      await page.waitForTimeout(delay);
      killBrowser(dir);
      page = await relaunch();
      const name = await page
        .getByRole('heading', { name: /^(eng\.train|multipath-tcp\.bio\.txt)$/ })
        .textContent({ timeout: 30_000 });
      const isTrain = (name ?? '').includes('eng.train');
      await waitParsed(page, isTrain ? 'eng.train' : SAMPLE_NAME);
      const got = await exportFile(page);
      const ok = isTrain ? got.equals(train) : got.equals(sampleWith([EDIT]));
      outcomes.push(
        `file store killed ${delay} ms after it was issued: ${isTrain ? 'new file' : 'old document'}`,
      );
      expect(ok, outcomes.at(-1)).toBe(true);
      if (!isTrain) continue;
      // back to the sample document for the next round
      await page.getByRole('button', { name: 'Recent' }).click();
      await page
        .getByRole('list', { name: 'Recent documents' })
        .getByRole('button', { name: new RegExp(`^${SAMPLE_NAME.replace(/\./g, '\\.')}.*1 edits`) })
        .first()
        .click();
      await waitForDocument(page);
    }

    // 2. Renaming a type rewrites 4,593 tags in one op (one transaction, ~0.4 MB).
    if (!(await page.getByRole('heading', { name: 'eng.train' }).count())) {
      await page.getByLabel('Open a corpus file').setInputFiles(shared(TRAIN));
      await waitForDocument(page, 'eng.train');
    }
    await expectStatus(page, 'Saved', 30_000);
    let current = 'MISC';
    for (let i = 0; i < 6; i++) {
      const next = current === 'MISC' ? 'M2' : 'MISC';
      const before = stateOf(current);
      const after = stateOf(next);
      const button = await rename(page, current, next);
      // half the kills land just after the op's transaction is issued, half anywhere
      const atWrite = i % 2 === 0;
      const delay = atWrite ? Math.floor(rand() * 25) : Math.floor(rand() * 600);
      const issued = await writes(page);
      await button.click();
      if (atWrite) await writeIssued(page, issued);
      await page.waitForTimeout(delay);
      killBrowser(dir);
      page = await relaunch();
      await waitParsed(page, 'eng.train');
      const got = await exportFile(page);
      const which = got.equals(after) ? 'new' : got.equals(before) ? 'old' : 'MIX';
      outcomes.push(
        `rename ${current}→${next} killed ${delay} ms after ` +
          `${atWrite ? 'its write was issued' : 'the click'}: ${which} revision`,
      );
      expect(which, outcomes.at(-1)).not.toBe('MIX');
      if (which === 'new') current = next;
    }

    // 3. Killed in the middle of a write: its requests are issued (the 3.3 MB file, the
    //    0.4 MB op), its commit is not. Nothing of it may land: the old revision, exactly.
    for (const what of ['file store', 'rename op'] as const) {
      const { stalled } = await stallNextWrite(page);
      if (what === 'file store') {
        await page.getByLabel('Open a corpus file').setInputFiles(shared(TRAIN));
      } else {
        await (await rename(page, current, current === 'MISC' ? 'M2' : 'MISC')).click();
      }
      await stalled;
      killBrowser(dir);
      page = await relaunch();
      await waitParsed(page, 'eng.train');
      const got = await exportFile(page);
      outcomes.push(
        `${what} killed mid-write: ${got.equals(stateOf(current)) ? 'old' : 'NOT the old'} revision`,
      );
      expect(got.equals(stateOf(current)), outcomes.at(-1)).toBe(true);
    }
  } finally {
    console.log(outcomes.join('\n'));
    await context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('case 14: a write-back that fails mid-write leaves the file on disk byte-identical and says so', async ({
  page,
}) => {
  // The File System Access picker hands the app a real file handle (the origin-private file
  // system), whose writable stream writes half the bytes and then fails when told to.
  await page.addInitScript(() => {
    const w = window as unknown as {
      __failWrite?: boolean;
      showOpenFilePicker: () => Promise<FileSystemFileHandle[]>;
    };
    w.showOpenFilePicker = async () => {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle('corpus.bio.txt');
      const createWritable = handle.createWritable.bind(handle);
      Object.defineProperty(handle, 'createWritable', {
        value: async (options?: FileSystemCreateWritableOptions) => {
          const real = await createWritable(options);
          if (!w.__failWrite) return real;
          return {
            write: async (data: Uint8Array) => {
              await real.write(data.slice(0, data.length >> 1));
              throw new DOMException('The device is not ready.', 'NotReadableError');
            },
            close: () => real.close(),
            abort: (reason?: unknown) => real.abort(reason),
          };
        },
      });
      return [handle];
    };
  });
  await page.goto('/');
  await waitForDocument(page);
  const onDisk = () =>
    page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const file = await (await root.getFileHandle('corpus.bio.txt')).getFile();
      return [...new Uint8Array(await file.arrayBuffer())];
    });
  await page.evaluate(
    async (bytes) => {
      const root = await navigator.storage.getDirectory();
      const w = await (
        await root.getFileHandle('corpus.bio.txt', { create: true })
      ).createWritable();
      await w.write(new Uint8Array(bytes));
      await w.close();
    },
    [...SAMPLE_BYTES],
  );
  await page.getByRole('button', { name: 'Open…' }).click();
  await waitForDocument(page, 'corpus.bio.txt');
  await labelFirst(page);

  await page.evaluate(() => ((window as unknown as { __failWrite: boolean }).__failWrite = true));
  await page.getByRole('button', { name: 'Save to file' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Could not write corpus.bio.txt' }),
  ).toContainText('The file on disk is unchanged.');
  expect(Buffer.from(await onDisk()).equals(SAMPLE_BYTES)).toBe(true);

  // the same write without the failure replaces the file with the corrected one
  await page.evaluate(() => ((window as unknown as { __failWrite: boolean }).__failWrite = false));
  await page.getByRole('button', { name: 'Save to file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Wrote corpus.bio.txt.' })).toBeVisible();
  expect(Buffer.from(await onDisk()).equals(sampleWith([EDIT]))).toBe(true);
});

/** The v1 database the released app wrote: the sample, two labels and an undo. */
async function seedV1(page: Page): Promise<string> {
  await page.goto('/favicon.svg');
  return page.evaluate(
    async (bytes) => {
      const id = 'v1-doc-0001';
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('retag', 1);
        r.onupgradeneeded = () => {
          const d = r.result;
          d.createObjectStore('files', { keyPath: 'id' });
          d.createObjectStore('docs', { keyPath: 'id' });
          d.createObjectStore('ops', { keyPath: ['docId', 'seq'] });
          d.createObjectStore('meta', { keyPath: 'key' });
        };
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(['files', 'docs', 'ops', 'meta'], 'readwrite');
      tx.objectStore('files').put({ id, bytes: new Uint8Array(bytes).buffer });
      tx.objectStore('docs').put({
        id,
        name: 'multipath-tcp.bio.txt',
        size: bytes.length,
        options: {},
        rev: 3,
        createdAt: 1795277024666,
        openedAt: 1795277024666,
        savedAt: 1795277031189,
      });
      const label = (sentence: number, after: string, time: number) => ({
        kind: 'do',
        tr: {
          command: 'span.label',
          steps: [{ type: 'setTags', sentence, start: 2, before: ['O'], after: [after] }],
        },
        time,
        group: false,
      });
      const ops = tx.objectStore('ops');
      ops.put({ docId: id, seq: 1, op: label(0, 'B-Application', 1795277026539) });
      ops.put({ docId: id, seq: 2, op: label(3, 'B-Device', 1795277030148) });
      ops.put({ docId: id, seq: 3, op: { kind: 'undo' } });
      tx.objectStore('meta').put({ key: 'session', value: { docId: id, cursor: { s: 3, t: 2 } } });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
      db.close();
      return id;
    },
    [...SAMPLE_BYTES],
  );
}

/** The database as it is: version, stores, the doc record, backups, op count. */
function readDb(page: Page, id: string) {
  return page.evaluate(async (docId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('retag');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const stores = [...db.objectStoreNames];
    const get = (store: string, key: IDBValidKey) =>
      new Promise<unknown>((resolve) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => resolve(r.result);
      });
    const count = await new Promise<number>((resolve) => {
      const r = db.transaction('ops').objectStore('ops').count();
      r.onsuccess = () => resolve(r.result);
    });
    const out = {
      version: db.version,
      stores,
      doc: await get('docs', docId),
      backup: stores.includes('backups') ? await get('backups', `v1:docs:${docId}`) : undefined,
      ops: count,
    };
    db.close();
    return out;
  }, id);
}

const V1_DOC = {
  id: 'v1-doc-0001',
  name: 'multipath-tcp.bio.txt',
  size: SAMPLE_BYTES.length,
  options: {},
  rev: 3,
  createdAt: 1795277024666,
  openedAt: 1795277024666,
  savedAt: 1795277031189,
};

test('case 17: a v1 store is migrated to v2 with a copy of what changed; edits and history come back', async ({
  page,
}) => {
  const id = await seedV1(page);
  await page.goto('/');
  await waitForDocument(page);
  await expect(page.getByText('Recovered 1 saved edit from your last session.')).toBeVisible();
  await expectStatus(page, 'Saved');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled(); // the undone label
  const db = await readDb(page, id);
  expect(db.version).toBe(2);
  expect(db.stores).toContain('backups');
  expect(db.backup).toMatchObject({ key: `v1:docs:${id}`, from: 1, value: V1_DOC });
  // openedAt is the time of this open; every other field as it was, plus the export state
  expect(db.doc).toMatchObject({
    ...V1_DOC,
    openedAt: expect.any(Number),
    exportedRev: -1,
    exportedAt: 0,
  });
  expect(db.ops).toBe(3);
  // the new field works: an export is recorded at the current revision
  expect((await exportFile(page)).equals(sampleWith([EDIT]))).toBe(true);
  await expect
    .poll(async () => ((await readDb(page, id)).doc as { exportedRev: number }).exportedRev)
    .toBe(3);
});

test('case 17: a migration that throws leaves v1 and its data as they were, shown read-only', async ({
  page,
  context,
}) => {
  const id = await seedV1(page);
  await page.addInitScript(() => {
    const create = IDBDatabase.prototype.createObjectStore;
    IDBDatabase.prototype.createObjectStore = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['createObjectStore']>
    ) {
      if (args[0] === 'backups') throw new DOMException('migration failed', 'UnknownError');
      return create.apply(this, args);
    };
  });
  await recordStatuses(page);
  await page.goto('/');
  await waitForDocument(page);
  const banner = page
    .getByRole('alert')
    .filter({ hasText: "Could not upgrade this browser's storage" });
  await expect(banner).toContainText('your saved work is shown');
  await expectStatus(page, 'Memory only');
  expect((await exportFile(page)).equals(sampleWith([EDIT]))).toBe(true);
  const db = await readDb(page, id);
  expect(db).toMatchObject({ version: 1, doc: V1_DOC, backup: undefined, ops: 3 });
  expect(db.stores).not.toContain('backups');
  expect((await statusesSeen(page)).map((s) => s.text)).not.toContain('Saved');

  // the next start (the migration fixed) upgrades the untouched v1 data
  await page.close();
  const next = await context.newPage();
  await next.goto('/');
  await waitForDocument(next);
  await expectStatus(next, 'Saved');
  expect((await exportFile(next)).equals(sampleWith([EDIT]))).toBe(true);
  expect((await readDb(next, id)).version).toBe(2);
});

test('case 48: one edit writes the same few hundred bytes at 1.4 k and at 1 M tokens, within 1 s', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __writes: { store: string; bytes: number }[] };
    w.__writes = [];
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        const bytes =
          this.name === 'files'
            ? (args[0] as { bytes: ArrayBuffer }).bytes.byteLength
            : new Blob([JSON.stringify(args[0])]).size;
        w.__writes.push({ store: this.name, bytes });
        return original.apply(this, args);
      };
    }
  });
  await recordStatuses(page);
  const measure = async () => {
    await page.evaluate(() => ((window as unknown as { __writes: unknown[] }).__writes = []));
    const before = (await statusesSeen(page)).length;
    await clickToken(page, 0, 0);
    await page.keyboard.press('1');
    const pressed = Date.now();
    await expectStatus(page, 'Saved', 5000);
    const saved = (await statusesSeen(page)).slice(before).find((s) => s.text === 'Saved');
    const writes = await page.evaluate(
      () => (window as unknown as { __writes: { store: string; bytes: number }[] }).__writes,
    );
    return { ms: (saved?.at ?? Infinity) - pressed, writes };
  };
  await page.goto('/');
  await waitForDocument(page);
  await expectStatus(page, 'Saved');
  const small = await measure();
  await page.getByLabel('Open a corpus file').setInputFiles(shared('corpora/scale/scale-1m.conll'));
  await waitParsed(page, 'scale-1m.conll');
  await expectStatus(page, 'Saved', 60_000);
  const large = await measure();
  const total = (m: typeof small) => m.writes.reduce((n, w) => n + w.bytes, 0);
  console.log(
    `bytes per edit: 1.4 k tokens ${total(small)} B (saved in ${small.ms} ms), 1 M tokens ${total(large)} B (saved in ${large.ms} ms)`,
  );
  test.info().annotations.push({
    type: 'bytes per edit',
    description: `1.4 k tokens: ${total(small)} B in ${small.ms} ms; 1 M tokens: ${total(large)} B in ${large.ms} ms (${JSON.stringify(large.writes)})`,
  });
  for (const m of [small, large]) {
    expect(m.writes.map((w) => w.store).sort()).toEqual(['meta', 'ops']);
    expect(total(m)).toBeLessThan(1024);
    expect(m.ms).toBeLessThan(1000);
  }
  // the same edit costs the same bytes whatever the corpus size (labels and ids differ a little)
  expect(Math.abs(total(large) - total(small))).toBeLessThan(100);
});
