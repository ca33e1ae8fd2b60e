import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { test } from './csp-guard';
import { sharedBytes, waitForDoc, withTags } from './helpers';

const SAMPLE = 'multipath-tcp.bio.txt';
/** File lines of the sample's `networks`/`Networks` tokens, tagged O while `network` is Application. */
const NETWORKS_LINES = [127, 691, 727, 740, 775];

async function openSample(page: Page) {
  await page.goto('/');
  await waitForDoc(page, SAMPLE);
}

async function consistencyReady(page: Page) {
  await page.getByRole('button', { name: /^Inconsistencies/ }).click();
  await expect(page.getByRole('status', { name: 'Consistency status' })).toContainText(
    'labelled inconsistently',
    { timeout: 20_000 },
  );
}

const counter = (page: Page) => page.getByText(/tags? changed in \d+ sentences?/);

test('finds the sample’s `network` inconsistency, fixes all of it in one step, undoes, filters, exports', async ({
  page,
}) => {
  await openSample(page);
  await consistencyReady(page);
  const panel = page.getByRole('complementary', { name: 'Inconsistencies' });
  // the toolbar's count: "…" while the analysis runs, then the number of findings
  await expect(page.getByRole('button', { name: /^Inconsistencies/ })).toHaveText(
    `Inconsistencies (${await panel.getByRole('button', { name: /^“/ }).count()})`,
  );
  const finding = panel.getByRole('button', { name: /“network”/ });
  await expect(finding).toContainText('Application ×6');
  await expect(finding).toContainText('no entity ×5');
  await finding.click();
  const application = panel.getByRole('region', { name: 'Variant Application' });
  await expect(application).toContainText('suggested');
  await application.getByRole('button', { name: /Apply to all/ }).click();
  const preview = panel.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('5 changes in 4 sentences');
  await page.screenshot({ path: test.info().outputPath('consistency-preview.png') });
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(counter(page)).toHaveText('5 tags changed in 4 sentences');
  // the finding is gone once every place agrees
  await expect(panel.getByRole('button', { name: /“network”/ })).toHaveCount(0);

  // one step: a single undo takes all five back, a redo brings them again
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(counter(page)).toHaveText('0 tags changed in 0 sentences');
  await expect(panel.getByRole('button', { name: /“network”/ })).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(counter(page)).toHaveText('5 tags changed in 4 sentences');

  // filter to the changed sentences
  await page.getByLabel('Filter sentences').selectOption('changed');
  const grid = page.getByRole('grid', { name: 'Sentences' });
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await expect(grid.getByRole('row').first()).toHaveAccessibleName(/edited/);
  await page.screenshot({ path: test.info().outputPath('filtered-changed.png') });

  // export: the input except those five tag fields
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const got = readFileSync(await (await download).path());
  const expected = withTags(
    sharedBytes(`seeds/${SAMPLE}`),
    Object.fromEntries(NETWORKS_LINES.map((l) => [l, 'B-Application'])),
  );
  expect(got.equals(expected)).toBe(true);
});

test('problems: fix all of a kind after a preview, as one undoable step, live', async ({
  page,
}) => {
  const path = test.info().outputPath('broken.conll');
  writeFileSync(
    path,
    'John\tI-PER\nlives\tO\n\nin\tO\nNew\tI-LOC\nYork\tI-LOC\n\nok\tO\nBob\tB-PER\nSmith\tI-ORG\n\n' +
      'Ann\tB-PER\nLee\tI-PER\nmet\tO\nTom\tB-PER\n',
  );
  await page.goto('/');
  await page.getByLabel('Open a corpus file').setInputFiles(path);
  await waitForDoc(page, 'broken.conll');
  await page.getByRole('button', { name: /^Problems/ }).click();
  const panel = page.getByRole('complementary', { name: 'Problems' });
  await expect(panel.getByRole('button', { name: /W_I_WITHOUT_B/ })).toBeVisible();
  await expect(panel).toContainText('W_TYPE_MISMATCH');
  await panel
    .getByRole('listitem')
    .filter({ hasText: 'W_I_WITHOUT_B' })
    .getByRole('button', { name: 'Fix all of this kind…' })
    .click();
  const preview = panel.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('2 changes in 2 sentences');
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.getByRole('button', { name: /W_I_WITHOUT_B/ })).toHaveCount(0);
  await expect(panel).toContainText('W_TYPE_MISMATCH');
  await expect(counter(page)).toHaveText('2 tags changed in 2 sentences');
  await page.keyboard.press('Control+z');
  await expect(panel.getByRole('button', { name: /W_I_WITHOUT_B/ })).toBeVisible();
  await expect(counter(page)).toHaveText('0 tags changed in 0 sentences');
});

test('search words, label all matches in one step, filter to matches; a runaway regex is stopped', async ({
  page,
}) => {
  await openSample(page);
  await page.getByRole('grid', { name: 'Sentences' }).focus();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search for')).toBeFocused();
  await page.getByLabel('Search for').fill('networks');
  await page.getByLabel('Search for').press('Enter');
  const result = page.getByRole('status', { name: 'Search result' });
  await expect(result).toHaveText('5 matches in 4 sentences');
  await page.getByRole('button', { name: 'Show only matching sentences' }).click();
  await expect(page.getByRole('grid', { name: 'Sentences' })).toHaveAttribute('aria-rowcount', '4');
  await page.getByLabel('Label for all matches').selectOption('Application');
  await page.getByRole('button', { name: 'Label all matches…' }).click();
  await page
    .getByRole('region', { name: 'Preview' })
    .getByRole('button', { name: 'Apply' })
    .click();
  await expect(counter(page)).toHaveText('5 tags changed in 4 sentences');

  await page.getByLabel('Search mode').selectOption('regex');
  await page.getByLabel('Search for').fill('(\\w+\\s?)*!');
  await page.getByLabel('Search for').press('Enter');
  await expect(result).toContainText('Search stopped', { timeout: 10_000 });
  // the page stays responsive: a search after it works
  await page.getByLabel('Search for').fill('Multi\\w+ QUIC');
  await page.getByLabel('Search for').press('Enter');
  await expect(result).toHaveText('1 match in 1 sentences');
});

test('label the other occurrences after labelling; review marks persist; changes export and revert', async ({
  page,
}) => {
  await openSample(page);
  // sentence 5: "… wireless networks ; …": select `networks` with the mouse and label it
  const grid = page.getByRole('grid', { name: 'Sentences' });
  await grid.locator('[data-s="4"] [role="gridcell"]', { hasText: /^networks$/ }).click();
  await page.getByRole('button', { name: /^Label as Application/ }).click();
  const offer = page.getByRole('region', { name: 'Label other occurrences' });
  await expect(offer).toContainText('occurs 3 more times');
  await offer.getByLabel('Ignore case').check();
  await expect(offer).toContainText('occurs 4 more times');
  await offer.getByRole('button', { name: 'Label the 4 other occurrences…' }).click();
  await offer.getByRole('button', { name: 'Apply' }).click();
  await expect(counter(page)).toHaveText('5 tags changed in 4 sentences');

  // review: V marks the cursor's sentence; N goes to the next unreviewed one
  await grid.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('v');
  await expect(page.getByText('1 / 65')).toBeVisible();
  await page.keyboard.press('n');
  await expect(grid.getByRole('row').first()).toHaveAccessibleName(/reviewed/);
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await page.reload();
  await waitForDoc(page, SAMPLE);
  await expect(page.getByText('1 / 65')).toBeVisible();
  await expect(counter(page)).toHaveText('5 tags changed in 4 sentences');

  // statistics: Application 13 in the file, 18 now
  await page.getByRole('button', { name: 'Statistics' }).click();
  await expect(
    page.getByRole('listitem', { name: 'Application: 13 in the file, 18 now' }),
  ).toBeVisible();

  // changes: export as JSON Lines, then revert one change
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const changes = page.getByRole('complementary', { name: 'Changes' });
  const download = page.waitForEvent('download');
  await changes.getByRole('button', { name: 'Export changes (JSON Lines)' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe(`${SAMPLE}.changes.jsonl`);
  const lines = readFileSync(await d.path(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(5);
  expect(lines[0]).toEqual({
    file: SAMPLE,
    sentence: 4,
    line: 127,
    start: 10,
    end: 11,
    tokens: ['networks'],
    before: ['O'],
    after: ['B-Application'],
  });
  await changes.getByText('Whole sentence, file vs now').first().click();
  const diff = changes.getByLabel('Sentence 5, file vs now');
  await expect(diff).toContainText('wireless');
  await expect(diff).toContainText('B-Application');
  await changes.getByRole('button', { name: /Revert change in sentence 5/ }).click();
  await expect(counter(page)).toHaveText('4 tags changed in 3 sentences');
  await page.screenshot({ path: test.info().outputPath('changes.png') });
});

test('a second file opened as evidence only counts in the analysis and is never exported', async ({
  page,
}) => {
  const path = test.info().outputPath('evidence.conll');
  writeFileSync(path, 'the\tO\nnetwork\tO\nfailed\tO\n\nour\tO\nnetwork\tO\n');
  await openSample(page);
  await consistencyReady(page);
  const panel = page.getByRole('complementary', { name: 'Inconsistencies' });
  await expect(panel.getByRole('button', { name: /“network”/ })).toContainText('no entity ×5');
  await panel.getByLabel('Open a file as evidence only').setInputFiles(path);
  await expect(panel).toContainText('evidence.conll: 2 sentences added as evidence');
  await expect(panel.getByRole('button', { name: /“network”/ })).toContainText('no entity ×7', {
    timeout: 20_000,
  });
  await panel.getByRole('button', { name: /“network”/ }).click();
  await expect(panel.getByRole('region', { name: 'Variant no entity' })).toContainText(
    'evidence.conll:2',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const got = readFileSync(await (await download).path());
  expect(got.equals(sharedBytes(`seeds/${SAMPLE}`))).toBe(true);
});
