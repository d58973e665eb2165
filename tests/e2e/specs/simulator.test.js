// The purchase simulator, as a reader uses it, against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useWidget } from '../lib/harness.js';
import { open, text, money, tableYtd, query } from '../lib/widget.js';

const w = useWidget();
const newPage = (opts) => w.newPage(opts);


test('the default view reproduces the sourced June 2020 figures (US exports)', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  const sofar = await page.locator('.p1-sofar').innerText();
  // Census via Waugh: Jan-Jun 2020 = $32.9bn, 23% of the $142.7bn 2020 target (PIIE: 33.1, 23%).
  assert.match(sofar, /By the end of June 2020 China had bought \$32\.9bn/);
  assert.match(sofar, /23% of the 2020 target/);
  assert.equal(await text(page, 'verdict-2020'), '2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)');
  assert.match(await text(page, 'verdict-2021'), /^2021: \$65\.9bn of \$177\.0bn — missed by \$111\.1bn/);
  assert.match(await text(page, 'verdict-total'), /^2020–21: \$131\.7bn of \$319\.6bn/);
  const needed = await text(page, 'needed-pace');
  assert.match(needed, /To meet each target, China would need:/);
  assert.match(needed, /2020: \$18\.3bn a month from July 2020 \(2\.8× its best month\)/);
  assert.match(needed, /2021: \$14\.7bn a month from January 2021/);
  assert.match(needed, /Its best month so far: \$6\.4bn, in May 2020\./);
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2020-06');
  assert.equal(await page.inputValue('[data-testid="rate-manufactured-number"]'), '3.92');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the data table, closed while the scenario changes, shows the new scenario when opened', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  await page.click('.p1-data > summary');
  const before = money(await tableYtd(page, 'Dec 2021'))[0];
  await page.click('.p1-data > summary');
  // Closed, the table keeps its rows; the slider moves the scenario.
  await page.fill('[data-testid="rate-manufactured-number"]', '20');
  await page.waitForFunction(() => /target met/.test(document.querySelector('[data-testid="verdict-2020"]').innerText));
  await page.click('.p1-data > summary');
  const after = money(await tableYtd(page, 'Dec 2021'))[0];
  // The year-to-date figure for December 2021 is the 2021 verdict's projection.
  assert.ok(after > before, `${before} -> ${after}`);
  assert.equal(after, money(await text(page, 'verdict-2021'))[0]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('moving each slider changes the verdict and the chart', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  await page.click('.p1-data > summary'); // the data table behind the chart
  for (const cat of ['manufactured', 'agriculture', 'energy']) {
    const before2020 = money(await text(page, 'verdict-2020'))[0];
    const beforeDec = money(await tableYtd(page, 'Dec 2020'))[0];
    const beforePath = await page.getAttribute('[data-testid="projection-2020"]', 'd');
    const rateBefore = Number(await page.inputValue(`[data-testid="rate-${cat}-number"]`));
    await page.focus(`[data-testid="rate-${cat}"]`);
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    const rateAfter = Number(await page.inputValue(`[data-testid="rate-${cat}-number"]`));
    assert.ok(Math.abs(rateAfter - rateBefore - 1.0) < 0.11, `${cat}: ${rateBefore} -> ${rateAfter}`);
    const after2020 = money(await text(page, 'verdict-2020'))[0];
    // Six months (Jul-Dec) at the new rate.
    const expected = before2020 + 6 * (rateAfter - rateBefore);
    assert.ok(Math.abs(after2020 - expected) <= 0.11, `${cat}: ${before2020} -> ${after2020}, expected ${expected}`);
    // The chart's data: December's cumulative projection matches the verdict.
    assert.equal(money(await tableYtd(page, 'Dec 2020'))[0], after2020);
    assert.notEqual(money(await tableYtd(page, 'Dec 2020'))[0], beforeDec);
    assert.notEqual(await page.getAttribute('[data-testid="projection-2020"]', 'd'), beforePath);
    const valuetext = await page.getAttribute(`[data-testid="rate-${cat}"]`, 'aria-valuetext');
    // The slider, its number box and its spoken value agree, to the cent.
    assert.equal(valuetext, `$${Number(await page.inputValue(`[data-testid="rate-${cat}-number"]`)).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 })} billion a month`);
    assert.equal(await page.inputValue(`[data-testid="rate-${cat}"]`), await page.inputValue(`[data-testid="rate-${cat}-number"]`));
  }
  // Typing into a number field moves the slider and the verdict too.
  await page.fill('[data-testid="rate-manufactured-number"]', '20');
  assert.equal(await page.inputValue('[data-testid="rate-manufactured"]'), '20');
  assert.match(await text(page, 'verdict-2020'), /target met/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the basis switch shows the Chinese-import figures from the data', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  await page.check('[data-testid="basis-cn"]');
  await page.waitForSelector('[data-testid="rate-total"]');
  assert.equal(await page.locator('[data-testid="rate-manufactured"]').count(), 0);
  // PIIE, Chinese customs: $40.2bn by end-June of a $173.1bn 2020 target (23%).
  assert.match(await page.locator('.p1-sofar').innerText(), /\$40\.2bn .*23% of the 2020 target/);
  assert.match(await text(page, 'verdict-2020'), /of \$173\.1bn/);
  // "around $130 billion" needed in the second half: 6 × $22.2bn = $132.9bn.
  assert.match(await text(page, 'needed-pace'), /\$22\.\dbn a month from July 2020/);
  assert.match(await page.locator('.p1-rates').innerText(), /you set one pace for all of them/);
  const q = await query(page);
  assert.equal(q.basis, 'cn');
  assert.ok('total' in q && !('mfg' in q));
  // Only months with a published figure can be chosen.
  const options = await page.locator('[data-testid="asof"] option').evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(options.slice(0, 3), ['2020-03', '2020-04', '2020-06']);
  await page.close();
});

test('a URL with a scenario opens that scenario, and controls keep the URL in step', async () => {
  const page = await newPage();
  await open(page, w.server.url, '?v=1&basis=us&asof=2020-12&mfg=5&ag=2.5&energy=1.25');
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2020-12');
  assert.equal(await page.inputValue('[data-testid="rate-manufactured-number"]'), '5');
  // 2020 is closed at the cut-off: actual $89.3bn.
  assert.equal(await text(page, 'verdict-2020'), '2020: $89.3bn of $142.7bn — missed by $53.4bn (63% of target)');
  // 2021 = 12 × (5 + 2.5 + 1.25) = $105.0bn
  assert.match(await text(page, 'verdict-2021'), /^2021: \$105\.0bn of \$177\.0bn/);
  const historyBefore = await page.evaluate(() => history.length);
  await page.focus('[data-testid="rate-energy"]');
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  const shown = await page.inputValue('[data-testid="rate-energy-number"]');
  await page.waitForFunction((v) => new URLSearchParams(location.search).get('energy') === v, shown);
  const q = await query(page);
  assert.ok(Number(q.energy) > 3);
  assert.equal(q.v, '1');
  assert.equal(q.asof, '2020-12');
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'replaceState, not pushState');
  await page.close();
});

test('garbage in the URL opens a sane view', async () => {
  const page = await newPage();
  await open(page, w.server.url, '?basis=mars&asof=2099-99&mfg=NaN&ag=-5&energy=1e999&total=<script>&v=banana&view=%00&theme=neon&apps=myspace&actors=;DROP&period=42');
  // mfg=NaN and energy=1e999 are ignored (pace so far: 3.92, 0.48); ag=-5 clamps to 0.
  assert.equal(await text(page, 'verdict-2020'), '2020: $59.3bn of $142.7bn — missed by $83.4bn (42% of target)');
  assert.equal(await page.inputValue('[data-testid="rate-agriculture-number"]'), '0');
  assert.equal(await page.locator('[data-testid="timeline-event"]').count(), 12);
  assert.deepEqual(page.errors, []);
  // Far out of range: clamped to the control's maximum.
  await open(page, w.server.url, '?mfg=99999&asof=2021-06');
  assert.equal(await page.inputValue('[data-testid="rate-manufactured-number"]'), '40');
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2021-06');
  await page.close();
});

test('the keyboard alone operates every control', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  const tabTo = async (selector, { back = false, max = 80 } = {}) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    throw new Error(`could not Tab to ${selector}`);
  };
  // A slider: arrows.
  await tabTo('[data-testid="rate-manufactured"]');
  const before = await text(page, 'verdict-2020');
  await page.keyboard.press('End');
  assert.notEqual(await text(page, 'verdict-2020'), before);
  assert.match(await text(page, 'verdict-2020'), /target met/);
  // A number field: type.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4');
  assert.equal(await page.inputValue('[data-testid="rate-manufactured"]'), '4');
  // Presets and reset: Enter and Space.
  await tabTo('[data-preset="needed"]');
  await page.keyboard.press('Enter');
  assert.match(await text(page, 'verdict-2020'), /target met/);
  assert.match(await text(page, 'verdict-2021'), /target met/);
  await tabTo('[data-preset="actual"]');
  await page.keyboard.press(' ');
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2021-11');
  await tabTo('[data-testid="reset"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2020-06');
  // The basis radios: arrow keys.
  await tabTo('[data-testid="basis-us"]');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('[data-testid="rate-total"]');
  // The cut-off select: arrow keys.
  await tabTo('[data-testid="asof"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2020-08');
  // The data table and the method open from the keyboard.
  await tabTo('.p1-data > summary', { back: true });
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.p1-data').getAttribute('open'), '');
  await page.close();
});

test('the live region announces only the verdict, after the reader pauses', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  assert.equal(await text(page, 'verdict-live'), '', 'nothing announced on load');
  await page.focus('[data-testid="rate-energy"]');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict-live"]').textContent.trim() !== '');
  const live = await text(page, 'verdict-live');
  const v = await Promise.all(['verdict-2020', 'verdict-2021', 'verdict-total'].map((t) => text(page, t)));
  assert.equal(live, `${v.join('. ')}.`);
  assert.equal(await page.locator('[aria-live]').filter({ hasText: 'To meet' }).count(), 0);
  await page.close();
});

test('axe finds no serious or critical violations (desktop and phone, light and dark)', async () => {
  for (const [width, colorScheme] of [[1280, 'light'], [375, 'dark']]) {
    const page = await newPage({ viewport: { width, height: 900 }, colorScheme });
    await open(page, w.server.url);
    await page.click('.p1-data > summary');
    await page.click('.p1-method > summary');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`), [], `${width}px ${colorScheme}`);
    await page.close();
  }
});
