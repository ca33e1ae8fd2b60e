import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { guardPage, type Guard } from './csp-guard';
import { waitForDoc, withTags } from './helpers';

// Hostile corpus files (../shared/reliability.md §5.C, cases 35–40, 42 and 45), opened through
// the file input as a user would. Every `window.__pwned=N` is a payload that must never run;
// every `evil.test` URL is a request that must never leave the page (csp-guard.ts aborts and
// records anything but the app's own files, and fails the test on it).

const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '<script>window.__pwned=2</script>';
const CSS_TYPE = 'a;background:url(//evil.test/bg.png)';
const ATTR_TYPE = 'x" onmouseover="window.__pwned=3';
const STYLE_TYPE = '</style><script>window.__pwned=4</script>';
const IMG_TYPE = '<img/src=//evil.test/i.png/onerror=window.__pwned=5>';

/** The hostile file, line by line (1-based line n is LINES[n-1]); TAB-separated, IOB2. */
const LINES = [
  '-DOCSTART-\tO',
  '',
  `${IMG}\tB-__proto__`,
  `${SCRIPT}\tI-__proto__`,
  'ok\tO', // line 5: the one the edit tests change
  `Paris\tB-${CSS_TYPE}`,
  '',
  `Bob\tB-${ATTR_TYPE}`,
  `style\tB-${STYLE_TYPE}`,
  'ctor\tB-constructor',
  'own\tB-hasOwnProperty',
  `pic\tB-${IMG_TYPE}`,
  '',
  'a\u202Eevil\tB-constructor',
  '\u2066iso\u2069\tO',
  'zw\u200Bsp\tB-PER',
  'zwj\u200D\tI-PER',
  '\uFEFFbom\tO',
  'ctl\u0001x\u007F\u0085\tO',
  'look\tB-PER\u200B', // line 20: PER + ZERO WIDTH SPACE, drawn like PER without markers
  'alike\tB-PER',
  '',
  'more\tB-toString',
  'again\tB-__proto__',
  'last\tB-valueOf',
  'Paris\tO',
  '',
];
const HOSTILE = Buffer.from(LINES.join('\n'), 'utf8');
const NAME = 'hostile.conll';

/** Entities per type in the hostile file, as the palette, label set and statistics must count them. */
const COUNTS: [string, number][] = [
  ['__proto__', 2],
  ['constructor', 2],
  ['hasOwnProperty', 1],
  ['toString', 1],
  ['valueOf', 1],
  ['PER', 2],
  ['PER\u200B', 1],
  [CSS_TYPE, 1],
  [ATTR_TYPE, 1],
  [STYLE_TYPE, 1],
  [IMG_TYPE, 1],
];

/** Any character the editor must show as a marker rather than draw (or not draw). */
const INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** A label as the app names it for assistive technology: invisible characters as ⟨U+XXXX⟩. */
const shown = (s: string) =>
  s.replace(/\u200B|\u200D|\u202E/g, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase()}⟩`);

const grid = (page: Page) => page.getByRole('grid', { name: 'Sentences' });
const cell = (page: Page, s: number, t: number) =>
  grid(page).locator(`[role="gridcell"][data-s="${s}"][data-t="${t}"]`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const paletteButton = (page: Page, name: string) =>
  page
    .getByRole('region', { name: 'Labels' })
    .getByRole('button', { name: new RegExp(`^Label as ${escape(shown(name))}( \\(key .\\))?, `) });

async function openFile(page: Page, name: string, bytes: Buffer, shownAs = name): Promise<void> {
  const path = test.info().outputPath(name);
  writeFileSync(path, bytes);
  await page.getByLabel('Open a corpus file').setInputFiles(path);
  await waitForDoc(page, shownAs);
}

async function openHostile(page: Page): Promise<void> {
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  await openFile(page, NAME, HOSTILE);
}

async function exportBytes(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return readFileSync(await (await download).path());
}

/** Class and style attributes of the whole page, and any `on…` attribute or injected element. */
async function domFacts(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      classes: [...new Set(all.map((e) => e.getAttribute('class') ?? ''))],
      styles: all.map((e) => e.getAttribute('style')).filter((s): s is string => s !== null),
      handlers: all.flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
      ),
      imgs: document.querySelectorAll('img, iframe, object, embed, link[rel="prefetch"]').length,
      styleElements: document.querySelectorAll('style').length,
      scripts: [...document.querySelectorAll('script')].map(
        (s) => s.getAttribute('src') ?? 'inline',
      ),
    };
  });
}

/** Class names and inline styles come from the app, never from label or token text. */
async function expectNoDerivedMarkup(page: Page): Promise<void> {
  const facts = await domFacts(page);
  const fragments = ['evil', 'pwned', 'onmouseover', '__proto__', 'constructor', 'hasOwnProperty'];
  for (const c of facts.classes) {
    for (const f of fragments) expect(c, `class "${c}"`).not.toContain(f);
    expect(c, `class "${c}"`).not.toMatch(/[<>";]|url\(/);
  }
  // The only inline styles are numbers the app computes (CSSOM, not label text).
  for (const s of facts.styles)
    expect(s).toMatch(/^(?:(?:width|height|transform|grid-template-columns): [-\w.%() ,]+;\s*)+$/);
  expect(facts.handlers).toEqual([]);
  expect(facts.imgs).toBe(0);
  expect(facts.styleElements).toBe(0);
  expect(facts.scripts.every((s) => s.startsWith('/'))).toBe(true);
}

async function openPanel(page: Page, name: RegExp | string) {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
}

async function expectClean(guard: Guard) {
  await guard.expectClean();
  expect(guard.requests.filter((r) => r.includes('evil'))).toEqual([]);
}

test('C35 C36: hostile tokens and labels are shown as text; nothing runs, nothing is requested, no class or style comes from them', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await openHostile(page);

  // case 35: tokens holding HTML are literal text in their cells
  await expect(cell(page, 0, 0)).toHaveText(IMG);
  await expect(cell(page, 0, 1)).toHaveText(SCRIPT);
  // case 36: labels holding HTML, CSS or attribute breakers are literal text on their entities
  const row2 = grid(page).locator('[role="row"][data-s="1"]');
  for (const type of [ATTR_TYPE, STYLE_TYPE, IMG_TYPE])
    await expect(row2.getByText(type, { exact: true })).toBeVisible();
  await expect(
    grid(page).locator('[role="row"][data-s="0"]').getByText(CSS_TYPE, { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: `${ATTR_TYPE}: Bob`, exact: true })).toBeVisible();
  // hovering the attribute breaker runs nothing
  await page.getByRole('group', { name: `${ATTR_TYPE}: Bob`, exact: true }).hover();
  await cell(page, 0, 0).hover();
  await expectNoDerivedMarkup(page);

  // every panel renders the same names: statistics, label set, search, inconsistencies,
  // changes, problems, shortcuts
  await openPanel(page, 'Statistics');
  const stats = page.getByRole('list', { name: 'Entities per label' });
  await expect(
    stats.getByRole('listitem', { name: `${STYLE_TYPE}: 1 in the file, 1 now` }),
  ).toContainText(STYLE_TYPE);
  await openPanel(page, 'Label set');
  const types = page.getByRole('list', { name: 'Label types' });
  await expect(types.getByRole('listitem', { name: IMG_TYPE, exact: true })).toContainText(
    IMG_TYPE,
  );
  await openPanel(page, 'Search');
  await page.getByLabel('Search for').fill(SCRIPT);
  await page.getByLabel('Search for').press('Enter');
  const result = page.getByRole('status', { name: 'Search result' });
  await expect(result).toHaveText('1 match in 1 sentences');
  await expect(page.getByRole('list', { name: 'Matches' })).toContainText(SCRIPT);
  await page.getByLabel('Search mode').selectOption('label');
  await page.getByLabel('Search for').fill(ATTR_TYPE);
  await page.getByLabel('Search for').press('Enter');
  await expect(result).toHaveText('1 match in 1 sentences');
  await page.getByLabel('Search mode').selectOption('regex');
  await page.getByLabel('Search for').fill('<script>\\w+');
  await page.getByLabel('Search for').press('Enter');
  await expect(result).toHaveText('1 match in 1 sentences');
  await openPanel(page, /^Inconsistencies/);
  const consistency = page.getByRole('status', { name: 'Consistency status' });
  await expect(consistency).toContainText('labelled inconsistently', { timeout: 20_000 });
  await page
    .getByRole('complementary', { name: 'Inconsistencies' })
    .getByRole('button', { name: /“Paris”/ })
    .click();
  await expect(page.getByRole('region', { name: `Variant ${CSS_TYPE}` })).toContainText(CSS_TYPE);
  await openPanel(page, 'Changes');
  await openPanel(page, /^Problems/);
  await openPanel(page, 'Shortcuts');
  await page.keyboard.press('Escape');
  await expectNoDerivedMarkup(page);
  await page.screenshot({ path: test.info().outputPath('hostile.png') });
  await expectClean(guard);
});

test('C38: __proto__, constructor and hasOwnProperty types: right counts and colours everywhere, Object.prototype clean, export byte-exact', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await openHostile(page);
  expect(await guard.pollution()).toEqual([]);

  // the palette: every type with its count
  for (const [name, n] of COUNTS)
    await expect(paletteButton(page, name)).toHaveAccessibleName(new RegExp(`, ${n} entities$`));
  // colours: each type's palette swatch is the one on its entities, and no two types share one
  const swatches = await page.evaluate(() => {
    const swatchOf = (cls: string) =>
      cls
        .split(' ')
        .filter((c) => /^(?:dark:)?(?:bg|border)-[a-z]+-\d+$/.test(c))
        .join(' ');
    const palette = [...document.querySelectorAll('section[aria-label="Labels"] li')]
      .map((li) => ({
        name: li.querySelector('button')?.getAttribute('aria-label') ?? '',
        swatch: swatchOf(li.getAttribute('class') ?? ''),
      }))
      .filter((p) => p.name.startsWith('Label as '));
    const entities = [
      ...document.querySelectorAll('[role="group"][aria-roledescription="entity"]'),
    ].map((g) => ({
      name: g.getAttribute('aria-label') ?? '',
      swatch: swatchOf(g.getAttribute('class') ?? ''),
    }));
    return { palette, entities };
  });
  expect(swatches.palette).toHaveLength(COUNTS.length);
  expect(new Set(swatches.palette.map((p) => p.swatch)).size).toBe(COUNTS.length);
  for (const e of swatches.entities) {
    const type = shown(e.name.slice(0, e.name.lastIndexOf(': ')));
    const p = swatches.palette.find(
      (x) => x.name.startsWith(`Label as ${type} (`) || x.name.startsWith(`Label as ${type},`),
    );
    expect(p, `palette entry for ${JSON.stringify(type)}`).toBeTruthy();
    expect(e.swatch, `colour of ${JSON.stringify(e.name)}`).toBe(p?.swatch);
    expect(e.swatch).not.toBe('');
  }
  expect(swatches.entities).toHaveLength(COUNTS.reduce((a, [, n]) => a + n, 0));

  // statistics and the label set panel count them the same
  await openPanel(page, 'Statistics');
  const stats = page.getByRole('list', { name: 'Entities per label' });
  for (const [name, n] of COUNTS)
    await expect(
      stats.getByRole('listitem', {
        name: `${shown(name)}: ${n} in the file, ${n} now`,
        exact: true,
      }),
    ).toHaveCount(1);
  expect(await guard.pollution()).toEqual([]);
  await openPanel(page, 'Label set');
  const types = page.getByRole('list', { name: 'Label types' });
  for (const [name, n] of COUNTS)
    await expect(types.getByRole('listitem', { name: shown(name), exact: true })).toContainText(
      n === 1 ? '1 entity' : `${n} entities`,
    );
  // search by label and the inconsistency finder
  await openPanel(page, 'Search');
  await page.getByLabel('Search mode').selectOption('label');
  const result = page.getByRole('status', { name: 'Search result' });
  for (const [name, n] of [
    ['__proto__', 2],
    ['constructor', 2],
    ['hasOwnProperty', 1],
  ] as const) {
    await page.getByLabel('Search for').fill(name);
    await page.getByLabel('Search for').press('Enter');
    await expect(result).toHaveText(`${n} match${n === 1 ? '' : 'es'} in ${n} sentences`);
  }
  await openPanel(page, /^Inconsistencies/);
  await expect(page.getByRole('status', { name: 'Consistency status' })).toContainText(
    'labelled inconsistently',
    { timeout: 20_000 },
  );
  await openPanel(page, /^Problems/);
  await openPanel(page, 'Changes');
  expect(await guard.pollution()).toEqual([]);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});

  // export without edits: the same bytes, every hostile byte included
  expect((await exportBytes(page)).equals(HOSTILE)).toBe(true);

  // one edit (label `ok` as constructor): only that tag field differs
  await cell(page, 0, 2).click();
  await paletteButton(page, 'constructor').click();
  await expect(paletteButton(page, 'constructor')).toHaveAccessibleName(/, 3 entities$/);
  await expect(page.getByRole('group', { name: 'constructor: ok', exact: true })).toBeVisible();
  await openPanel(page, 'Statistics');
  await expect(
    page
      .getByRole('list', { name: 'Entities per label' })
      .getByRole('listitem', { name: 'constructor: 2 in the file, 3 now', exact: true }),
  ).toHaveCount(1);
  expect((await exportBytes(page)).equals(withTags(HOSTILE, { 5: 'B-constructor' }))).toBe(true);
  expect(await guard.pollution()).toEqual([]);
  await expectClean(guard);
});

test('C45: bidi, zero-width and control characters show as markers: PER and PER+U+200B never look alike; bytes kept', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await openHostile(page);
  const row3 = grid(page).locator('[role="row"][data-s="2"]');
  await expect(cell(page, 2, 0)).toHaveText('aU+202Eevil');
  await expect(cell(page, 2, 1)).toHaveText('U+2066isoU+2069');
  await expect(cell(page, 2, 2)).toHaveText('zwU+200Bsp');
  await expect(cell(page, 2, 3)).toHaveText('zwjU+200D');
  await expect(cell(page, 2, 4)).toHaveText('U+FEFFbom');
  await expect(cell(page, 2, 5)).toHaveText('ctlU+0001xU+007FU+0085');
  // the two look-alike types: their chips and palette entries read differently
  const chip = (words: string) =>
    page.getByRole('group', { name: new RegExp(`: ${words}$`) }).locator('[data-chip]');
  await expect(chip('look')).toHaveText('PERU+200B');
  await expect(chip('alike')).toHaveText('PER');
  await expect(paletteButton(page, 'PER\u200B')).toContainText('PERU+200B');
  await expect(paletteButton(page, 'PER')).not.toContainText('U+');
  // no invisible or reordering character reaches the rendered text of the grid or the palette
  for (const region of [grid(page), page.getByRole('region', { name: 'Labels' })])
    expect(await region.evaluate((el) => (el as HTMLElement).innerText)).not.toMatch(INVISIBLE);
  // the panels that list types and tags show the markers too
  await openPanel(page, 'Statistics');
  await expect(
    page.getByRole('list', { name: 'Entities per label' }).getByRole('listitem', {
      name: 'PER⟨U+200B⟩: 1 in the file, 1 now',
      exact: true,
    }),
  ).toContainText('PERU+200B');
  await openPanel(page, 'Label set');
  await expect(
    page.getByRole('list', { name: 'Label types' }).getByRole('listitem', {
      name: 'PER⟨U+200B⟩',
      exact: true,
    }),
  ).toContainText('PERU+200B');
  const panel = page.getByRole('complementary', { name: 'Label set' });
  expect(await panel.evaluate((el) => (el as HTMLElement).innerText)).not.toMatch(INVISIBLE);
  await row3.getByRole('gridcell', { name: 'look' }).click();
  const entityBar = page.getByRole('toolbar', { name: 'Entity' });
  await expect(entityBar).toContainText('Entity PERU+200B');
  expect(
    await entityBar.locator('option').evaluateAll((os) => os.map((o) => o.textContent)),
  ).toEqual(expect.arrayContaining(['PER', 'PER⟨U+200B⟩']));

  // export untouched: byte-identical (RLO, isolates, ZW, BOM, C0/C1 controls all kept)
  expect((await exportBytes(page)).equals(HOSTILE)).toBe(true);
  // relabel `look` from PER+U+200B to PER: only that tag field changes
  await entityBar.getByRole('combobox').selectOption('PER');
  await expect(chip('look')).toHaveText('PER');
  await openPanel(page, 'Changes');
  await expect(page.getByRole('complementary', { name: 'Changes' })).toContainText('U+200B');
  expect((await exportBytes(page)).equals(withTags(HOSTILE, { 20: 'B-PER' }))).toBe(true);
  await expectClean(guard);
});

test('C37: a diagnostic whose message holds HTML is escaped in the Problems panel', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  const TAG = 'X-<img/src=//evil.test/d.png/onerror=window.__pwned=6>';
  const TAG2 = 'I-<b>bold</b><script>window.__pwned=7</script>';
  const file = Buffer.from(
    [
      '<s>',
      'a\tO',
      `b\t${TAG}`,
      'c\tO',
      `d\t${TAG2}`,
      '</s>',
      '</s>',
      '<s>',
      'e\tB-PER',
      '</s>',
      '',
    ].join('\n'),
  );
  await openFile(page, 'diagnostics.conll', file);
  await openPanel(page, /^Problems/);
  const problems = page.getByRole('complementary', { name: 'Problems' });
  await problems.getByRole('button', { name: /W_UNKNOWN_PREFIX/ }).click();
  await expect(problems).toContainText(`"${TAG}" has prefix "X"`);
  await problems.getByRole('button', { name: /W_I_WITHOUT_B/ }).click();
  await expect(problems).toContainText(`"${TAG2}" after`);
  await expect(problems).toContainText('</s> without a matching <s>');
  expect(await problems.locator('img, b, script').count()).toBe(0);
  await expectNoDerivedMarkup(page);
  await expectClean(guard);
});

test('C40: stored preferences holding markup are shown as text after a reload', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  // make the app store the sample's label set, then replace what it stored
  await openPanel(page, 'Label set');
  await page.getByLabel('Description of Protocol').fill('x');
  await page.getByLabel('Description of Protocol').blur();
  const NAME_MARKUP = '<img/src=//evil.test/p.png/onerror=window.__pwned=8>';
  const DESCRIPTION = '</textarea><script>window.__pwned=9</script>';
  const GUIDELINE = '<img src=x onerror="window.__pwned=10">';
  await page.evaluate(
    ({ name, description, guideline }) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('retag.labelSet.'));
      if (!key) throw new Error('no stored label set');
      localStorage.setItem(
        key,
        JSON.stringify({
          format: 'retag-label-set',
          version: 1,
          labels: [
            { name, key: 'q', description },
            { name: 'Protocol', description: guideline },
          ],
        }),
      );
      localStorage.setItem('retag.labelKeys', JSON.stringify([[name, 'w']]));
    },
    { name: NAME_MARKUP, description: DESCRIPTION, guideline: GUIDELINE },
  );
  await page.reload();
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  await expect(paletteButton(page, NAME_MARKUP)).toContainText(NAME_MARKUP);
  await expect(page.getByRole('group', { name: /^Protocol: / }).first()).toHaveAttribute(
    'title',
    `Protocol: ${GUIDELINE}`,
  );
  await openPanel(page, 'Label set');
  await expect(page.getByLabel(`Description of ${NAME_MARKUP}`)).toHaveValue(DESCRIPTION);
  await expect(page.getByLabel('Description of Protocol')).toHaveValue(GUIDELINE);
  await expect(
    page.getByRole('list', { name: 'Label types' }).getByRole('listitem', {
      name: NAME_MARKUP,
      exact: true,
    }),
  ).toContainText(NAME_MARKUP);
  await expectNoDerivedMarkup(page);
  await expectClean(guard);
});

test('C39: prototype keys in JSON: a label set and a stored label set are refused, a doccano file stays data', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await page.goto('/');
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  // case 39: a label set with constructor.prototype is refused with a message
  await openPanel(page, 'Label set');
  const panel = page.getByRole('complementary', { name: 'Label set' });
  const hostile = test.info().outputPath('proto.labels.json');
  writeFileSync(
    hostile,
    '{"format":"retag-label-set","version":1,"labels":[{"name":"Evil","constructor":{"prototype":{"polluted":1}}}]}',
  );
  await panel.getByLabel('Label set file').setInputFiles(hostile);
  await expect(panel.getByRole('list', { name: 'Label set errors' })).toContainText(
    'Refused key $.labels[0].constructor',
  );
  await expect(paletteButton(page, 'Evil')).toHaveCount(0);
  expect(await guard.pollution()).toEqual([]);

  // a stored label set with __proto__ is read like a file: refused, the defaults are used
  await page.getByLabel('Description of Protocol').fill('x');
  await page.getByLabel('Description of Protocol').blur();
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('retag.labelSet.'));
    if (!key) throw new Error('no stored label set');
    localStorage.setItem(
      key,
      '{"format":"retag-label-set","version":1,"labels":[{"name":"Stored"}],"__proto__":{"polluted":1}}',
    );
    localStorage.setItem('retag.labelKeys', '[["__proto__","q"],{"__proto__":{"polluted":1}}]');
  });
  await page.reload();
  await waitForDoc(page, 'multipath-tcp.bio.txt');
  await expect(paletteButton(page, 'Stored')).toHaveCount(0);
  await expect(paletteButton(page, 'Protocol')).toBeVisible();
  expect(await guard.pollution()).toEqual([]);

  // a doccano file whose records and labels carry prototype keys is data, nothing more
  const doccano = Buffer.from(
    [
      JSON.stringify({
        text: 'Ann met Bob',
        label: [
          [0, 3, '__proto__'],
          [8, 11, 'constructor'],
        ],
      }),
      '{"text":"Bob left","label":[[0,3,"constructor"]],"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
      '',
    ].join('\n'),
  );
  await openFile(page, 'proto.jsonl', doccano, 'proto.conll');
  await expect(paletteButton(page, '__proto__')).toHaveAccessibleName(/, 1 entities$/);
  await expect(paletteButton(page, 'constructor')).toHaveAccessibleName(/, 2 entities$/);
  expect(await guard.pollution()).toEqual([]);
  await expectClean(guard);
});

test('C42: label names with a TAB, a space or a control character are refused in the palette and the label set; the export is unchanged', async ({
  page,
}) => {
  const guard = await guardPage(page);
  await openHostile(page);
  const palette = page.getByRole('region', { name: 'Labels' });
  for (const bad of ['Evil\tTab', 'Evil Space', 'Evil\u0001Ctl']) {
    await page.getByLabel('New label name').fill(bad);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(palette.getByRole('status')).toHaveText(
      'A label has no spaces or control characters.',
    );
  }
  await expect(palette.getByRole('button', { name: /^Label as Evil/ })).toHaveCount(0);
  await openPanel(page, 'Label set');
  const panel = page.getByRole('complementary', { name: 'Label set' });
  await panel.getByRole('button', { name: 'Rename hasOwnProperty' }).click();
  const rename = panel.getByRole('form', { name: 'Rename hasOwnProperty' });
  for (const bad of ['A\tB', 'A B', 'A\u007FB']) {
    await rename.getByRole('textbox').fill(bad);
    await expect(rename.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await expect(rename.getByRole('status')).toHaveText(
      'A label has 1–64 characters, no spaces or control characters.',
    );
  }
  // nothing changed: the export is the file
  expect((await exportBytes(page)).equals(HOSTILE)).toBe(true);
  await expectClean(guard);
});
