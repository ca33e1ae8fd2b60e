import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { test } from './csp-guard';
import { shared, sharedBytes, waitForDoc } from './helpers';

const SAMPLE = 'multipath-tcp.bio.txt';
const grid = (page: Page) => page.getByRole('grid', { name: 'Sentences' });
const row = (page: Page, n: number) =>
  grid(page).getByRole('row', { name: new RegExp(`^Sentence ${n}(,|$)`) });

/** Token/tag pairs and sentence breaks of a CoNLL text, markers and -DOCSTART- left out. */
function sentencesOf(text: string): string[][] {
  const out: string[][] = [[]];
  for (const line of text.split(/\r?\n/)) {
    if (line === '<s>' || line.startsWith('-DOCSTART-')) continue;
    if (line.trim() === '' || line === '</s>') {
      if (out[out.length - 1]!.length > 0) out.push([]);
      continue;
    }
    out[out.length - 1]!.push(line);
  }
  return out.filter((s) => s.length > 0);
}

async function download(page: Page, click: () => Promise<void>, count = 1) {
  const files: { name: string; text: string }[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', async (d) => {
      files.push({ name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') });
      if (files.length === count) resolve();
    });
  });
  await click();
  await done;
  page.removeAllListeners('download');
  return files;
}

test('raw text: tokenized, labelled, tokenization fixed, kept across a reload, exported as CoNLL', async ({
  page,
}) => {
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
  await page.getByLabel('Open a corpus file').setInputFiles(shared('seeds/multipath-tcp.raw.txt'));
  await waitForDoc(page, 'multipath-tcp.raw.conll');
  await expect(page.getByRole('button', { name: /Converted from raw text/ })).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '18');
  // citation marks are one token
  await expect(row(page, 2).getByRole('gridcell').first()).toHaveText('[3]');

  // a label, then "Multipath TCP" by keyboard
  await page.getByLabel('New label name').fill('Protocol');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await row(page, 1).getByRole('gridcell', { name: 'Multipath' }).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(row(page, 1).getByRole('group', { name: 'Protocol: Multipath TCP' })).toBeVisible();

  // join the title with the next sentence, undo it
  await page.keyboard.press('Shift+J');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '17');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '18');

  // split "cross-path" twice with the chooser: cross | - | path
  await row(page, 3).getByRole('gridcell', { name: 'cross-path' }).click();
  await page.keyboard.press('Shift+T');
  const chooser = page.getByRole('group', { name: 'Where to split the token' });
  await page.screenshot({ path: test.info().outputPath('split-chooser.png') });
  await chooser.getByRole('button', { name: 'Split after “cross”' }).click();
  await expect(row(page, 3).getByRole('gridcell', { name: 'cross', exact: true })).toBeVisible();
  await row(page, 3).getByRole('gridcell', { name: '-path' }).click();
  await page.getByRole('button', { name: 'Split token…' }).click();
  await chooser.getByRole('button', { name: 'Split after “-”' }).click();
  // merge two tokens and take it back
  await row(page, 3).getByRole('gridcell', { name: 'path', exact: true }).first().click();
  await page.keyboard.press('Shift+M');
  await expect(row(page, 3).getByRole('gridcell', { name: 'pathdata' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(row(page, 3).getByRole('gridcell', { name: 'pathdata' })).toHaveCount(0);

  // a new sentence after the citation mark of sentence 2
  await row(page, 2).getByRole('gridcell', { name: 'In', exact: true }).click();
  await page.keyboard.press('Shift+Enter');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '19');
  await expect(row(page, 2).getByRole('gridcell')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('raw-text-fixed.png') });

  // everything survives a reload
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await page.reload();
  await waitForDoc(page, 'multipath-tcp.raw.conll');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '19');
  await expect(row(page, 1).getByRole('group', { name: 'Protocol: Multipath TCP' })).toBeVisible();
  await expect(row(page, 4).getByRole('gridcell', { name: '-', exact: true })).toBeVisible();

  const [file] = await download(page, () =>
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  );
  expect(file!.name).toBe('multipath-tcp.raw.conll');
  const got = sentencesOf(file!.text);
  expect(got).toHaveLength(19);
  expect(got[0]).toEqual(['Multipath\tB-Protocol', 'TCP\tI-Protocol']);
  expect(got[1]).toEqual(['[3]\tO']);
  expect(got[2]!.slice(0, 3)).toEqual(['In\tO', 'addition\tO', 'to\tO']);
  const third = got[3]!.join(' ');
  expect(third).toContain('routing\tO causes\tO cross\tO -\tO path\tO data\tO');
});

for (const [format, name, files] of [
  ['jsonl-doccano', 'doccano JSONL', 1],
  ['label-studio', 'Label Studio JSON tasks', 1],
  ['brat', 'brat standoff (.txt + .ann)', 2],
  ['prodigy', 'Prodigy / spaCy JSONL', 1],
] as const) {
  test(`round trip through ${format}: the same tokens, sentences and tags come back`, async ({
    page,
  }) => {
    await page.goto('/');
    await waitForDoc(page, SAMPLE);
    await page.getByRole('button', { name: 'Export as…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as' });
    await dialog.getByRole('radio', { name }).check();
    const out = await download(
      page,
      () => dialog.getByRole('button', { name: 'Download' }).click(),
      files,
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    const paths = out.map((f) => {
      const p = test.info().outputPath(f.name);
      writeFileSync(p, f.text);
      return p;
    });
    await page.getByLabel('Open a corpus file').setInputFiles(paths);
    await waitForDoc(page, 'multipath-tcp.bio.conll');
    const [back] = await download(page, () =>
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    );
    const original = sentencesOf(sharedBytes(`seeds/${SAMPLE}`).toString('utf8'));
    expect(original).toHaveLength(65);
    expect(sentencesOf(back!.text)).toEqual(original);
  });
}

test('doccano import: spans off token boundaries or overlapping are reported with their line, never moved', async ({
  page,
}) => {
  const path = test.info().outputPath('hand.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({ text: 'Multipath TCP runs over Wi-Fi.', label: [[0, 13, 'Protocol']] }),
      JSON.stringify({ text: 'QUIC is fast.', label: [[0, 3, 'Protocol']] }),
      '{"text": broken',
      JSON.stringify({
        text: 'SCTP and TCP differ.',
        label: [
          [0, 4, 'Protocol'],
          [0, 12, 'Other'],
        ],
      }),
    ].join('\n') + '\n',
  );
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
  await page.getByLabel('Open a corpus file').setInputFiles(path);
  await waitForDoc(page, 'hand.conll');
  await expect(row(page, 1).getByRole('group', { name: 'Protocol: Multipath TCP' })).toBeVisible();
  // "QUI" of "QUIC" does not end at a token end: left out, not snapped to QUIC
  await expect(row(page, 2).getByRole('group')).toHaveCount(0);
  // "SCTP" and "SCTP and TCP" overlap: neither is kept (nothing is chosen silently)
  await expect(row(page, 3).getByRole('group')).toHaveCount(0);
  await expect(row(page, 3).getByRole('gridcell', { name: 'SCTP' })).toBeVisible();
  await page.getByRole('button', { name: /Converted from doccano JSONL/ }).click();
  const conversion = page.getByRole('region', { name: 'Conversion' });
  await expect(conversion).toContainText('hand.jsonl:2');
  await expect(conversion).toContainText('hand.jsonl:3');
  await expect(conversion).toContainText('hand.jsonl:4');
  await expect(conversion).toContainText('3 of 4 spans were left out');
  await page.screenshot({ path: test.info().outputPath('conversion-report.png') });
});

test('statistics: the panel shows the numbers `retag stats --json` prints', async ({ page }) => {
  const cli = spawnSync(
    process.execPath,
    ['bin/retag.mjs', 'stats', '--json', shared(`seeds/${SAMPLE}`)],
    { encoding: 'utf8' },
  );
  expect(cli.status).toBe(0);
  const stats = JSON.parse(cli.stdout) as {
    tokens: number;
    sentences: number;
    lengths: [number, number][];
    schemeName: string;
  };
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
  await page.getByRole('button', { name: 'Statistics' }).click();
  const panel = page.getByRole('complementary', { name: 'Statistics' });
  await expect(panel).toContainText(stats.tokens.toLocaleString('en'));
  await expect(panel).toContainText(stats.schemeName);
  const rows = panel.getByRole('table', { name: 'Entity length' }).getByRole('row');
  await expect(rows).toHaveCount(stats.lengths.length + 1);
  for (const [i, [len, n]] of stats.lengths.entries()) {
    await expect(rows.nth(i + 1)).toHaveText(`${len}${n}`);
  }
});
