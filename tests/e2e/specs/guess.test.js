// Guess first (#29): with guess=on the reader guesses the share China bought before the
// widget shows it, by dragging the line on the chart or with a slider, then sees the
// real figure beside the guess. The guess itself goes nowhere: not into links, snippets
// or storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useWidget } from '../lib/harness.js';
import { open, text, frames, live } from '../lib/widget.js';

const w = useWidget({
  pages: {
    '/script.html': {
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head><body>
        <div data-phase-one-widget data-guess="on" id="g"></div>
        <script type="module" src="/embed.js"></script></body></html>`,
    },
    '/frame.html': {
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head><body>
        <p>Above the graphic.</p>
        <iframe data-phase-one-frame src="/index.html?guess=on" title="Phase One widget" width="100%"
                height="600" scrolling="no" frameborder="0"></iframe>
        <script type="module" src="/resize.js"></script></body></html>`,
    },
  },
});

const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
const ZH = 'index.zh-Hans.html';
/** Every share the data give as the outcome, in the forms the page writes them. */
const OUTCOME = /\b(57|58|60|62\.9|83|59)%|none of the extra|\$13\.6bn less/;

/** The widget's whole text, hidden parts included (closed details, off-screen cards). */
const allText = (scope) => scope.locator('.p1').first().evaluate((el) => el.textContent);

/** Sets the guess with the keyboard: focus the slider, then `keys`. */
async function keyGuess(page, keys) {
  await page.focus('[data-testid="guess-input"]');
  for (const k of keys) await page.keyboard.press(k);
}

test('with guess=on no outcome is on the page or in its title until the reader has guessed', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, '?guess=on');
  await page.waitForSelector('[data-testid="guess"]');
  assert.doesNotMatch(await allText(page), OUTCOME);
  assert.doesNotMatch(await page.title(), /none of the extra|bought/);
  assert.equal(await page.locator('[data-testid="outcome"]').count(), 0);
  assert.equal(await page.locator('[data-testid="guess-actual"]').count(), 0, 'no line after the cut-off');
  assert.equal(await page.locator('[data-testid="verdict-2020"]').count(), 0);
  assert.ok(await page.locator('[data-testid="guess-submit"]').isDisabled(), 'nothing to show before a guess');
  // The question says what was promised, from the data.
  assert.match(await text(page, 'guess'), /China promised to buy \$319\.6bn of these goods in 2020–21\. What share do you think it bought\?/);
  // The timeline is there as usual.
  assert.ok(await page.locator('[data-testid="timeline-event"]').count() > 10);
  await page.close();
});

test('a keyboard guess and "Show me": one sentence with the guess and the real share, announced politely, then the widget as usual', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, '?guess=on');
  await keyGuess(page, ['End', ...Array(45).fill('ArrowLeft')]);
  const input = page.locator('[data-testid="guess-input"]');
  assert.equal(await input.inputValue(), '75');
  assert.equal(await input.getAttribute('aria-valuetext'), '75%, or $239.7bn');
  const result = page.locator('[data-testid="guess-result"]');
  assert.equal(await result.getAttribute('aria-live'), 'polite');
  assert.equal(await result.innerText(), '');
  await page.click('[data-testid="guess-submit"]');
  await page.waitForSelector('[data-testid="guess-actual"]');
  assert.match(await result.innerText(), /^You guessed 75%; China bought 60%: the share of the goods China promised over 2020–21, services left out/);
  // Focus moved to the sentence, as the buttons it came from are gone.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'guess-result');
  // And then the widget continues: the simulator, the outcome, the method.
  await page.waitForSelector('[data-testid="verdict-2020"]');
  assert.match(await allText(page), /none of the extra/);
  assert.ok(await page.locator('[data-testid="outcome"]').count() > 0);
  await page.close();
});

test('"Skip" reveals, with no guess', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, '?guess=on');
  await page.click('[data-testid="guess-skip"]');
  assert.match(await text(page, 'guess-result'), /^China bought 60%: the share of the goods/);
  await page.waitForSelector('[data-testid="verdict-2020"]');
  await page.close();
});

test('the verdicts, the chart and the outlook come with the answer, not a task after it', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, '?guess=on');
  // What is missing from the page at the first moment the answer is in it.
  await page.evaluate(() => {
    window.__missing = null;
    new MutationObserver((_, o) => {
      if (!document.querySelector('[data-testid="guess-result"]')) return;
      o.disconnect();
      window.__missing = ['.p1-verdicts', '.p1-chart', '.p1-outlook', '.p1-cats'].filter((s) => !document.querySelector(s));
    }).observe(document, { subtree: true, childList: true });
  });
  await page.click('[data-testid="guess-skip"]');
  await page.waitForFunction(() => window.__missing !== null);
  assert.deepEqual(await page.evaluate(() => window.__missing), []);
  await page.close();
});

test('a touch drag on the chart sets the guess, and the page does not scroll', async () => {
  const page = await w.newPage(PHONE);
  await open(page, w.server.url, '?guess=on');
  const chart = page.locator('[data-testid="guess-chart"]');
  await chart.scrollIntoViewIfNeeded();
  await frames(page);
  const box = await chart.boundingBox();
  const before = await page.evaluate(() => scrollY);
  const cdp = await page.context().newCDPSession(page);
  const at = (y) => [{ x: box.x + box.width - 20, y: box.y + y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(box.height * 0.7) });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(box.height * (0.7 - i * 0.04)) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page);
  const value = Number(await page.locator('[data-testid="guess-input"]').inputValue());
  assert.ok(value > 20, `the guess follows the finger up (${value}%)`);
  assert.equal(await page.evaluate(() => scrollY), before, 'the page stayed where it was');
  assert.ok(await page.locator('[data-testid="guess-submit"]').isEnabled());
  await page.close();
});

test('links and snippets keep guess=on, never the guess', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, '?guess=on');
  await keyGuess(page, ['End', ...Array(37).fill('ArrowLeft')]);
  assert.equal(await page.locator('[data-testid="guess-input"]').inputValue(), '83');
  const link = await page.getAttribute('[data-testid="copy-link-top"]', 'data-url');
  await page.click('.p1-embed > summary');
  const snippets = [
    link,
    await page.inputValue('[data-testid="embed-iframe"]'),
    await page.inputValue('[data-testid="embed-script"]'),
  ];
  assert.match(snippets[0], /[?&]guess=on/);
  assert.match(snippets[1], /guess=on/);
  assert.match(snippets[2], /data-guess="on"/);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('guess') === 'on');
  // Without the test server's address, whose port may hold the digits.
  const origin = new URL(w.server.url).host;
  for (const s of [...snippets, page.url()]) assert.doesNotMatch(s.replaceAll(origin, ''), /83|0\.83/, s);
  // Nothing stored.
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  await page.close();
});

test('without JavaScript the prerendered page shows the answer', async () => {
  const page = await w.newPage({ javaScriptEnabled: false });
  await page.goto(w.server.url + '?guess=on');
  assert.match(await text(page, 'headline'), /none of the extra/);
  assert.match(await text(page, 'dek'), /60%/);
  await page.close();
});

test('in Chinese', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, `${ZH}?guess=on`);
  assert.match(await text(page, 'guess'), /中国承诺在2020—2021年采购这些商品共计3196亿美元。你认为中国实际完成了承诺的多大比例？/);
  assert.doesNotMatch(await allText(page), /增量部分全部落空|60%/);
  await keyGuess(page, ['End', ...Array(70).fill('ArrowLeft')]);
  await page.click('[data-testid="guess-submit"]');
  assert.match(await text(page, 'guess-result'), /^你估计50%；中国实际完成承诺的60%。统计口径：2020—2021年/);
  await page.close();
});

test('a script embed with data-guess="on" asks first, in its Shadow DOM', async () => {
  const page = await w.newPage();
  await page.goto(w.server.url + 'script.html');
  const host = page.locator('#g');
  await host.locator('[data-testid="guess"]').waitFor();
  assert.doesNotMatch(await host.locator('.p1').evaluate((el) => el.textContent), OUTCOME);
  assert.equal(await page.title(), 'Article', 'the host page keeps its title');
  await host.locator('[data-testid="guess-skip"]').click();
  await host.locator('[data-testid="verdict-2020"]').waitFor();
  await page.close();
});

test('the reveal draws without animation for a reader who asks for less motion', async () => {
  const page = await w.newPage({ reducedMotion: 'reduce' });
  await open(page, w.server.url, '?guess=on');
  await page.click('[data-testid="guess-skip"]');
  const line = page.locator('[data-testid="guess-actual"]');
  assert.equal(await line.evaluate((el) => el.getAnimations().length), 0);
  await page.close();
  const moving = await w.newPage({ reducedMotion: 'no-preference' });
  await open(moving, w.server.url, '?guess=on');
  await moving.click('[data-testid="guess-skip"]');
  assert.equal(await moving.locator('[data-testid="guess-actual"]').evaluate((el) => el.getAnimations().length), 1);
  await moving.close();
});

test('axe: no serious or critical violations while asking or after the reveal', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, '?guess=on');
  for (const when of ['asking', 'shown']) {
    if (when === 'shown') {
      await keyGuess(page, ['ArrowRight', 'ArrowRight']);
      await page.click('[data-testid="guess-submit"]');
      await page.waitForSelector('[data-testid="guess-actual"]');
    }
    const results = await new AxeBuilder({ page }).include('[data-testid="guess"]').analyze();
    const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(bad.map((v) => `${when} ${v.id}: ${v.nodes[0]?.target}`), []);
  }
  await page.close();
});

test('before the client runs the prerendered outcome is out of sight, and if the client fails it is shown', async () => {
  const page = await w.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(w.server.url + '?guess=on');
  await page.waitForFunction(() => document.documentElement.classList.contains('p1-guess-pending'));
  assert.equal(await page.locator('.p1-headline').evaluate((el) => getComputedStyle(el).visibility), 'hidden');
  assert.doesNotMatch(await page.locator('.p1').first().innerText(), OUTCOME);
  // Every layout shift from here on (hidden content moving is not one).
  await page.evaluate(() => {
    window.shifts = [];
    new PerformanceObserver((l) => window.shifts.push(...l.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift' });
  });
  release();
  await page.waitForSelector('[data-testid="guess"]');
  await live(page);
  await frames(page);
  const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  assert.ok(shift < 0.01, `the question came in without a layout shift (${shift})`);
  assert.equal(await page.locator('.p1-headline').evaluate((el) => getComputedStyle(el).visibility), 'visible');
  await page.close();

  const failing = await w.newPage();
  await failing.route(/_bg\.wasm$/, (route) => route.abort());
  await failing.goto(w.server.url + '?guess=on');
  await failing.waitForSelector('.p1-failed');
  assert.equal(await failing.locator('.p1-headline').evaluate((el) => getComputedStyle(el).visibility), 'visible');
  assert.match(await text(failing, 'headline'), /none of the extra/);
  await failing.close();
});

test('in an auto-height iframe the frame follows the guess view, and grows when the widget goes on', async () => {
  const page = await w.newPage(PHONE);
  await page.goto(w.server.url + 'frame.html');
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('[data-testid="guess"]');
  const fits = () => page.evaluate(() => {
    const f = document.querySelector('iframe');
    return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.scrollHeight) <= 4
      ? f.getBoundingClientRect().height : 0;
  });
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe');
    return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.scrollHeight) <= 4;
  });
  const asking = await fits();
  await frame.click('[data-testid="guess-skip"]');
  await frame.waitForSelector('[data-testid="verdict-2020"]');
  await page.waitForFunction((h) => {
    const f = document.querySelector('iframe');
    const r = f.getBoundingClientRect().height;
    return r > h + 500 && Math.abs(r - f.contentDocument.documentElement.scrollHeight) <= 4;
  }, asking);
  await page.close();
});
