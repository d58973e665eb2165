// Each category in view with its slider: the small charts, the reader's pace against the
// pace needed, charts and sliders that hold still under the thumb, values beyond the
// scale, and a basis switch that keeps the reader's place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWidget } from '../lib/harness.js';
import { open, text, query } from '../lib/widget.js';

const w = useWidget();
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const CATS = ['manufactured', 'agriculture', 'energy'];

/** Every category chart's drawn lines, by category. */
const drawings = (page) => page.evaluate((cats) => Object.fromEntries(cats.map((c) => [c,
  [...document.querySelectorAll(`[data-testid="category-chart-${c}"] path`)].map((p) => p.getAttribute('d')).join('|')])), CATS);

/** The words under every category chart, by category. */
const words = (page) => page.evaluate((cats) => Object.fromEntries(cats.map((c) => [c,
  document.querySelector(`[data-testid="category-chart-${c}"] .p1-cat-words`).innerText])), CATS);

test('each category has its own chart, and each slider changes its own chart and no other', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  for (const c of CATS) {
    const fig = page.locator(`[data-testid="category-chart-${c}"]`);
    assert.equal(await fig.count(), 1, c);
    // Actual purchases, the target path and the reader's projection, for each year.
    assert.ok(await fig.locator('.p1-line-actual').count() >= 1, `${c}: actual line`);
    assert.ok(await fig.locator('.p1-line-target').count() >= 2, `${c}: target paths`);
    assert.equal(await fig.locator('[data-testid^="category-projection-"]').count(), 2, `${c}: projections`);
    // Its share of each year's target, in words, met or missed.
    const years = await fig.locator(`[data-testid="category-year-${c}"]`).allInnerTexts();
    assert.equal(years.length, 2);
    assert.match(years[0], /^2020: \d+%, (met|missed)$/);
    assert.match(years[1], /^2021: \d+%, (met|missed)$/);
  }
  for (const c of CATS) {
    const before = { d: await drawings(page), w: await words(page), v: await text(page, 'verdict-2020') };
    await page.focus(`[data-testid="rate-${c}"]`);
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
    await page.waitForFunction((t) => document.querySelector('[data-testid="verdict-2020"]').innerText !== t, before.v);
    const after = { d: await drawings(page), w: await words(page) };
    for (const o of CATS) {
      if (o === c) {
        assert.notEqual(after.d[o], before.d[o], `${c}: its own chart moved`);
        assert.notEqual(after.w[o], before.w[o], `${c}: its own shares changed`);
      } else {
        assert.equal(after.d[o], before.d[o], `${c} moved the ${o} chart`);
        assert.equal(after.w[o], before.w[o], `${c} changed the ${o} words`);
      }
    }
    await page.click('[data-testid="reset"]');
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone, each category chart is in view while its slider is centred', async () => {
  const page = await w.newPage(PHONE);
  await open(page, w.server.url);
  for (const c of CATS) {
    await page.locator(`[data-testid="rate-${c}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const r = await page.locator(`[data-testid="category-chart-${c}"] svg`).evaluate((el) => {
      const b = el.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, h: innerHeight };
    });
    assert.ok(r.top >= 0 && r.bottom <= r.h, `${c}: its chart is in view (${JSON.stringify(r)})`);
  }
  await page.close();
});

test('the final counts by category are cited, and energy says it has no figure of its own', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  const mfg = page.locator('[data-testid="category-final-manufactured"]');
  assert.match(await mfg.innerText(), /Manufactured goods 59% \(Global Trade Review, Feb 2022\)/);
  assert.match(await mfg.locator('a').getAttribute('href'), /^https:\/\//);
  assert.match(await text(page, 'category-final-agriculture'), /Agriculture 83% \(PIIE \(Chad Bown\), 8 Feb 2022\)/);
  assert.match(await text(page, 'category-final-energy'), /Energy: no figure of its own/);
  assert.equal(await page.locator('[data-testid="category-final-energy"] a').count(), 0);
  await page.close();
});

test('the reader\'s pace against the pace that matters, with which period and why', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  assert.equal(await text(page, 'pace-yours'), '$5.5bn a month');
  assert.match(await text(page, 'pace'), /Needed for 2020, from July 2020/);
  assert.equal(await text(page, 'pace-needed'), '$18.3bn a month');
  assert.match(await text(page, 'pace-why'), /2020.s falls due first/);
  // The bars are drawn to one scale: the reader's is shorter than the need.
  const widths = await page.locator('[data-testid="pace"] .p1-bar-fill').evaluateAll((s) => s.map((e) => e.getBoundingClientRect().width));
  assert.equal(widths.length, 2);
  assert.ok(widths[0] > 0 && widths[0] < widths[1], `bars ${widths}`);
  // In 2021 only the 2021 target is left open, and the widget says so.
  await open(page, w.server.url, '?asof=2021-06');
  assert.match(await text(page, 'pace'), /Needed for 2021/);
  assert.match(await text(page, 'pace-why'), /The 2021 target is the only one still open/);
  // Each category's share of the need is marked on its slider and said under its chart.
  await open(page, w.server.url);
  for (const c of CATS) {
    assert.match(await text(page, `category-need-${c}`), /^To meet 2020: \$\d+\.\d+bn a month$/);
    assert.equal(await page.getAttribute(`[data-testid="rate-${c}"]`, 'aria-describedby'),
      await page.locator(`[data-testid="category-need-${c}"]`).getAttribute('id'));
    const mark = await page.locator(`[data-testid="rate-${c}"]`).evaluate((el) => getComputedStyle(el.parentElement).getPropertyValue('--need'));
    assert.ok(Number(mark) > 0 && Number(mark) <= 1, `${c}: need mark at ${mark}`);
  }
  // The presets say what they do: "Pace needed" meets 2020 and overshoots 2021.
  await page.click('[data-preset="needed"]');
  assert.match(await text(page, 'preset-note'), /At that pace: 2020: 100%; 2021: 1\d\d%\.$/);
  assert.match(await text(page, 'verdict-2020'), /target met/);
  // In Chinese, the two sentences join without a space.
  await open(page, w.server.url, '?lang=zh-Hans');
  assert.match(await text(page, 'pace-why'), /^每年各有目标，2020年的目标最先到期。你设定的水平为所需的\d+%。$/);
  assert.match(await text(page, 'pace'), /2020年达标所需（自2020年7月起）/);
  await page.close();
});

test('the y-axis labels hold still while a slider is dragged to the end of its track, and rescale on release', async () => {
  for (const opts of [DESKTOP, PHONE]) {
    const page = await w.newPage(opts);
    await open(page, w.server.url);
    const ticks = () => page.evaluate(() => [
      ...[...document.querySelectorAll('[data-testid="chart"] .p1-grid-lines text')].map((t) => t.textContent),
      ...[...document.querySelectorAll('[data-testid^="category-top-"]')].map((t) => t.textContent),
    ].join(' '));
    for (const c of CATS) {
      const slider = page.locator(`[data-testid="rate-${c}"]`);
      await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const before = await ticks();
      const box = await slider.boundingBox();
      const value = Number(await slider.inputValue()) / Number(await slider.getAttribute('max'));
      const y = box.y + box.height / 2;
      const x0 = box.x + 8 + (box.width - 16) * value;
      await page.mouse.move(x0, y);
      await page.mouse.down();
      const seen = new Set();
      for (let i = 1; i <= 12; i++) {
        await page.mouse.move(x0 + (box.x + box.width + 20 - x0) * (i / 12), y);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const now = await ticks();
        seen.add(await slider.inputValue());
        assert.equal(now, before, `${c} at step ${i}: the axes held`);
      }
      assert.ok(seen.size >= 6, `${c}: the value moved during the drag (${[...seen]})`);
      assert.equal(await slider.inputValue(), await slider.getAttribute('max'), `${c}: at the end of the track`);
      await page.mouse.up();
      // Released at the top of its track, the category's own chart rescales to fit it.
      await page.waitForFunction((b) => {
        const t = [
          ...[...document.querySelectorAll('[data-testid="chart"] .p1-grid-lines text')].map((e) => e.textContent),
          ...[...document.querySelectorAll('[data-testid^="category-top-"]')].map((e) => e.textContent),
        ].join(' ');
        return t !== b;
      }, before);
      await page.click('[data-testid="reset"]');
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('a slider keeps its place on the page from 3.9 to 19.9 with the arrow keys, in both languages', async () => {
  for (const lang of ['', 'zh-Hans']) {
    const page = await w.newPage(PHONE);
    await open(page, w.server.url, `?${lang ? `lang=${lang}&` : ''}mfg=3.9`);
    const slider = page.locator('[data-testid="rate-manufactured"]');
    assert.ok(Number(await slider.getAttribute('max')) >= 19.9, 'the track reaches 19.9');
    await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await slider.focus();
    const where = () => page.evaluate((cats) => cats.map((c) => {
      const r = document.querySelector(`[data-testid="rate-${c}"]`).getBoundingClientRect();
      return [r.top, r.top + scrollY];
    }).flat(), CATS);
    const start = await where();
    for (let i = 0; i < 160; i++) {
      await page.keyboard.press('ArrowUp');
      if (i % 8 === 7 || i === 159) {
        const now = await where();
        const value = await slider.inputValue();
        now.forEach((p, k) => assert.ok(Math.abs(p - start[k]) <= 2,
          `${lang || 'en'} at ${value}: slider ${CATS[k >> 1]} moved from ${start[k]} to ${p}`));
      }
    }
    assert.equal(Number(await slider.inputValue()), 19.9);
    await page.close();
  }
});

test('no rate label changes its height with its value, at 320 to 1280 px, in both languages', async () => {
  for (const width of [320, 360, 375, 768, 1280]) {
    for (const lang of ['', 'zh-Hans']) {
      const page = await w.newPage({ viewport: { width, height: 900 } });
      const heights = [];
      for (const v of ['0.01', '9.99', '19.99', '18.88', '88.88']) {
        await open(page, w.server.url, `?${lang ? `lang=${lang}&` : ''}mfg=${v}&ag=${v}&energy=${v}`);
        heights.push(await page.locator('.p1-rate-label').evaluateAll((ls) => ls.map((l) => Math.round(l.getBoundingClientRect().height))));
      }
      // Each label keeps its height at every value; from 375 px every label is one line
      // (under 300 px of widget the figure always sits on a line of its own, under the name).
      const where = `${width} px ${lang || 'en'}: label heights ${JSON.stringify(heights)}`;
      for (const row of heights) assert.deepEqual(row, heights[0], where);
      if (width >= 375) assert.ok(heights[0].every((h) => h === heights[0][2] && h < 30), where);
      await page.close();
    }
  }
});

test('a typed rate beyond the slider says it is off the scale, on the slider, in its chart and to a screen reader', async () => {
  const page = await w.newPage(PHONE);
  await open(page, w.server.url);
  assert.equal(await page.locator('[data-testid="rate-manufactured-off-scale"]').count(), 0);
  assert.equal(await page.locator('[data-testid="category-off-scale-manufactured"]').count(), 0);
  await page.fill('[data-testid="rate-manufactured-number"]', '30');
  await page.waitForSelector('[data-testid="rate-manufactured-off-scale"]');
  const max = await page.getAttribute('[data-testid="rate-manufactured"]', 'max');
  assert.match(await text(page, 'rate-manufactured-off-scale'), /^Off the scale: the slider stops at \$\d+(\.\d+)?bn a month\.$/);
  assert.ok(Number(max) < 30, `max ${max}`);
  assert.match(await page.getAttribute('[data-testid="rate-manufactured"]', 'aria-valuetext'), /30.*off the scale/);
  assert.ok(await page.locator('[data-testid="category-off-scale-manufactured"]').count() >= 1, 'an arrow in its chart');
  assert.equal(await page.locator('[data-testid="category-off-scale-energy"]').count(), 0, 'only in its own chart');
  // Back within the track, the cue goes.
  await page.fill('[data-testid="rate-manufactured-number"]', '5');
  await page.waitForSelector('[data-testid="rate-manufactured-off-scale"]', { state: 'detached' });
  assert.doesNotMatch(await page.getAttribute('[data-testid="rate-manufactured"]', 'aria-valuetext'), /off the scale/i);
  await page.close();
});

test('switching basis and back keeps the cut-off and the rates, and says what changed', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url, '?asof=2020-07&mfg=5&ag=2.5&energy=1.25');
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2020-07');
  await page.check('[data-testid="basis-cn"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="basis-change"]')?.innerText.trim());
  const change = await text(page, 'basis-change');
  // The Chinese figures are known to a different month: a line says so.
  assert.match(change, /July 2020/);
  assert.match(change, /June 2020/);
  assert.equal((await query(page)).basis, 'cn');
  await page.check('[data-testid="basis-us"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="asof"]').value === '2020-07');
  const rates = [];
  for (const c of CATS) rates.push(Number(await page.inputValue(`[data-testid="rate-${c}-number"]`)));
  assert.deepEqual(rates, [5, 2.5, 1.25], 'the rates are back');
  const q = await query(page);
  assert.equal(q.asof, '2020-07');
  assert.ok(q.basis === undefined || q.basis === 'us', `basis ${q.basis}`);
  assert.deepEqual([q.mfg, q.ag, q.energy].map(Number), [5, 2.5, 1.25]);
  assert.deepEqual(page.errors, []);
  await page.close();
});
