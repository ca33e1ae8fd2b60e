import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { test } from './csp-guard';
import { sharedBytes, waitForDoc } from './helpers';

const SAMPLE = 'multipath-tcp.bio.txt';
const counter = (page: Page) => page.getByText(/tags? changed in \d+ sentences?/);

async function openSample(page: Page) {
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
}

/** IOB2 → BIOES, written independently of the app: B/I followed by I of the type continue. */
function toBioes(tags: string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O') return t;
    const type = t.slice(2);
    const goesOn = tags[i + 1] === `I-${type}`;
    if (t.startsWith('B-')) return `${goesOn ? 'B' : 'S'}-${type}`;
    return `${goesOn ? 'I' : 'E'}-${type}`;
  });
}

test('label set: rename, merge and delete types as undoable steps; guidelines on hover', async ({
  page,
}) => {
  await openSample(page);
  await page.getByRole('button', { name: 'Label set' }).click();
  const panel = page.getByRole('complementary', { name: 'Label set' });
  const types = panel.getByRole('list', { name: 'Label types' });
  await expect(types.getByRole('listitem', { name: 'Application', exact: true })).toContainText(
    '13 entities',
  );

  // rename with a count preview, in one undoable step
  await panel.getByRole('button', { name: 'Rename Application' }).click();
  const rename = panel.getByRole('form', { name: 'Rename Application' });
  await rename.getByRole('textbox').fill('App');
  await expect(rename.getByRole('status')).toHaveText('13 entities in 13 sentences become App.');
  await page.screenshot({ path: test.info().outputPath('label-set-rename.png') });
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(counter(page)).toHaveText('16 tags changed in 13 sentences');
  await expect(page.getByRole('button', { name: /^Label as App\b/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Label as Application\b/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(counter(page)).toHaveText('0 tags changed in 0 sentences');
  await expect(page.getByRole('group', { name: /^Application: / }).first()).toBeVisible();
  // the palette is as before the rename: Application back in its place, no empty App
  await expect(page.getByRole('button', { name: /^Label as App\b/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Label as / }).first()).toHaveAccessibleName(
    /^Label as Application \(key 1\)/,
  );

  // merge Device into Architecture (2 entities), then delete Language (1 entity becomes O)
  await panel.getByRole('button', { name: 'Merge Device' }).click();
  const merge = panel.getByRole('form', { name: /Merge Device/ });
  await merge.getByRole('combobox').selectOption('Architecture');
  await expect(merge.getByRole('status')).toContainText('2 entities in');
  await expect(merge.getByRole('status')).toContainText('merged into the existing Architecture');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(types.getByRole('listitem', { name: 'Architecture', exact: true })).toContainText(
    '7 entities',
  );
  await panel.getByRole('button', { name: 'Delete Language' }).click();
  const del = panel.getByRole('form', { name: 'Delete Language' });
  await expect(del.getByRole('status')).toHaveText('1 entity of Language in 1 sentence become O.');
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(types.getByRole('listitem', { name: 'Language', exact: true })).toHaveCount(0);

  // a guideline, shown on hover over an entity of that type
  const guideline = 'A communication protocol, named or abbreviated (TCP, MPTCP, QUIC).';
  await panel.getByLabel('Description of Protocol').fill(guideline);
  await panel.getByLabel('Description of Protocol').blur();
  await expect(page.getByRole('group', { name: /^Protocol: / }).first()).toHaveAttribute(
    'title',
    `Protocol: ${guideline}`,
  );

  // save the label set: the JSON holds the order, keys and the guideline
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save label set…' }).click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(saved.format).toBe('retag-label-set');
  expect(saved.labels.find((l: { name: string }) => l.name === 'Protocol').description).toBe(
    guideline,
  );
  expect(saved.labels.map((l: { name: string }) => l.name)).not.toContain('Language');

  // a hostile label set is refused with a message, and nothing of it is used
  const hostile = test.info().outputPath('hostile.json');
  writeFileSync(
    hostile,
    '{"format":"retag-label-set","version":1,"labels":[{"name":"Evil"}],"__proto__":{"polluted":1}}',
  );
  await panel.getByLabel('Label set file').setInputFiles(hostile);
  await expect(panel.getByRole('list', { name: 'Label set errors' })).toContainText(
    'Refused key $.__proto__',
  );
  await expect(page.getByRole('button', { name: /^Label as Evil\b/ })).toHaveCount(0);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(await page.evaluate(() => 'polluted' in {})).toBe(false);

  // a good one: its types come first (taking its colours and keys), with their guidelines
  const good = test.info().outputPath('team.json');
  writeFileSync(
    good,
    JSON.stringify({
      format: 'retag-label-set',
      version: 1,
      labels: [{ name: 'Standard', key: 'q', description: 'A standard or an RFC.' }],
    }),
  );
  await panel.getByLabel('Label set file').setInputFiles(good);
  await expect(panel.getByRole('status').first()).toContainText('Loaded 1 label from team.json');
  await expect(
    page.getByRole('button', { name: 'Label as Standard (key Q), 0 entities' }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('label-set.png') });

  // the key works: label the cursor token as Standard
  await page.getByRole('grid', { name: 'Sentences' }).focus();
  await page.keyboard.press('q');
  await expect(page.getByRole('group', { name: /^Standard: / })).toHaveCount(1);
});

test('export as BIOES: only tag fields change, written in the chosen scheme', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: 'Export as…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as' });
  await dialog.getByRole('radio', { name: /CoNLL/ }).check();
  await dialog.getByLabel('Tag scheme').selectOption('bioes');
  await page.screenshot({ path: test.info().outputPath('export-as.png') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('multipath-tcp.bio.bioes.txt');
  const got = readFileSync(await file.path(), 'utf8').split('\n');
  const input = sharedBytes(`seeds/${SAMPLE}`).toString('utf8').split('\n');
  expect(got).toHaveLength(input.length);
  const isToken = (l: string) => l.includes('\t');
  const inTags = input.filter(isToken).map((l) => l.split('\t')[1] as string);
  expect(got.filter(isToken).map((l) => l.split('\t')[1])).toEqual(toBioes(inTags));
  expect(got.map((l) => (isToken(l) ? l.split('\t')[0] : l))).toEqual(
    input.map((l) => (isToken(l) ? l.split('\t')[0] : l)),
  );
  expect(got.filter((l) => l.includes('S-Protocol')).length).toBeGreaterThan(10);
});
