// The prerendered first paint: content without JavaScript, and a hydration that takes
// over without a visible jump.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWidget } from '../lib/harness.js';
import { watchErrors } from '../lib/browser.js';
import { open, text, intl, frames, live } from '../lib/widget.js';

const w = useWidget();

/** The Chinese page's language files (its strings, event texts and source notes). */
const LANGUAGE_FILES = /\/locale\/|zh-Hans\.csv$/;

const KEY = ['verdict-2020', 'verdict-2021', 'verdict-total', 'needed-pace', 'chart', 'timeline'];

async function snapshot(page) {
  return page.evaluate((keys) => Object.fromEntries(keys.map((k) => {
    const el = document.querySelector(`[data-testid="${k}"]`);
    const r = el.getBoundingClientRect();
    return [k, { text: el.innerText.slice(0, 400), y: Math.round(r.y), h: Math.round(r.height) }];
  })), KEY);
}

test('with JavaScript off, readers see the verdict, the chart and every event with sources', async () => {
  const context = await w.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(w.server.url);
  assert.equal(await text(page, 'verdict-2020'), '2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)');
  assert.match(await page.locator('.p1-sofar').innerText(), /\$32\.9bn .* 23% of the 2020 target/);
  assert.ok(await page.locator('[data-testid="chart"] svg path.p1-line-actual').count() >= 1);
  // The page lists the key moments; "Show all" opens onto a link to the page of every
  // event, which needs no script either, and links back.
  const visible = () => page.locator('[data-testid="timeline-event"]:visible').count();
  assert.equal(await visible(), 12);
  assert.equal(await page.locator('[data-testid="timeline-event"]').count(), 12, 'only the key moments are in the page');
  await page.click('[data-testid="show-all"]');
  assert.equal(await visible(), 12);
  assert.match(await page.locator('[data-testid="show-all"]').innerText(), /Show all 74 events/, 'the toggle does not claim to list them');
  await page.click('[data-testid="all-events-page"]');
  await page.waitForURL(/\/events\.html$/);
  assert.equal(await visible(), 74);
  assert.ok(await page.locator('[data-testid="timeline-event"] .p1-event-foot a[href^="https://"]').count() >= 74);
  assert.match(await page.title(), /step by step/);
  // Nothing on it that needs a script, and no line saying JavaScript is off.
  await page.waitForTimeout(1700);
  for (const gone of ['no-script', 'events-toggle', 'filters', 'copy-link', 'copy-link-top']) {
    assert.equal(await page.locator(`[data-testid="${gone}"]:visible`).count(), 0, gone);
  }
  assert.equal(await page.locator('script').count(), 0);
  // Its language switch leads to the Chinese page of every event, and back.
  await page.click('[data-testid="lang-switch"]');
  await page.waitForURL(/\/events\.zh-Hans\.html$/);
  assert.equal(await visible(), 74);
  await page.click('[data-testid="lang-switch"]');
  await page.waitForURL(/\/events\.html$/);
  await page.click('.p1-static-note a');
  await page.waitForURL(/\/index\.html$/);
  assert.equal(await page.locator('.p1[data-ready]').count(), 0, 'no client ran');
  // The Chinese page links to its own.
  await page.goto(w.server.url + 'index.zh-Hans.html');
  await page.click('[data-testid="show-all"]');
  await page.click('[data-testid="all-events-page"]');
  await page.waitForURL(/\/events\.zh-Hans\.html$/);
  assert.equal(await visible(), 74);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  assert.match(await page.locator('.p1-static-note').innerText(), /全部事件/);
  await context.close();
});

test('with JavaScript, the link to the page of every event is not shown: "Show all" lists them', async () => {
  const page = await w.newPage();
  await page.goto(w.server.url);
  await page.waitForSelector('.p1[data-ready]');
  await page.click('[data-testid="show-all"]');
  await page.waitForSelector('[data-testid="timeline-section"][data-events="all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  assert.equal(await page.locator('[data-testid="all-events-page"]').count(), 0);
  await page.click('[data-testid="show-all"]');
  await page.waitForSelector('[data-testid="timeline-section"][data-events="key"]');
  await page.locator('[data-testid="events-toggle"]').evaluate((d) => { d.open = true; });
  assert.equal(await page.locator('[data-testid="all-events-page"]:visible').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a reader without JavaScript does not download the Chinese page\'s language files', async () => {
  const context = await w.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  for (const path of ['', 'index.zh-Hans.html']) {
    await page.goto(w.server.url + path, { waitUntil: 'networkidle' });
    assert.match(await text(page, 'verdict-2020'), /2020/);
  }
  assert.ok(requests.includes('/index.zh-Hans.html'), requests.join(' '));
  assert.deepEqual(requests.filter((r) => LANGUAGE_FILES.test(r)), []);
  await context.close();
});

test('hydration takes over the prerendered page without a visible jump', async () => {
  for (const width of [375, 1280]) {
    const off = await w.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const p0 = await off.newPage();
    await p0.goto(w.server.url);
    const before = await snapshot(p0);
    await off.close();

    const on = await w.browser.newContext({ viewport: { width, height: 900 } });
    const page = await on.newPage();
    const errors = watchErrors(page);
    await open(page, w.server.url);
    await intl(page);
    const after = await snapshot(page);
    for (const k of KEY) {
      if (k !== 'chart' && k !== 'timeline') assert.equal(after[k].text, before[k].text, `${width}px ${k}: same text as prerendered`);
      assert.ok(Math.abs(after[k].y - before[k].y) <= 2, `${width}px ${k}: moved from y=${before[k].y} to ${after[k].y}`);
    }
    assert.ok(Math.abs(after.chart.h - before.chart.h) <= 2, `${width}px chart height ${before.chart.h} -> ${after.chart.h}`);
    assert.deepEqual(errors, []);
    await on.close();
  }
});

test('a link to another scenario swaps the prerendered default for it', async () => {
  const context = await w.browser.newContext();
  const page = await context.newPage();
  await open(page, w.server.url, '?basis=cn&asof=2020-10&total=10');
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict-2020"]').innerText.includes('$173.1bn'));
  // 75.5 + 2 × 10 = 95.5
  assert.equal(await text(page, 'verdict-2020'), '2020: $95.5bn of $173.1bn — missed by $77.6bn (55% of target)');
  assert.equal(await page.inputValue('[data-testid="asof"]'), '2020-10');
  await context.close();
});

/** Holds the page's idle callbacks until `window.__idle()` runs them: the islands wait. */
const holdIdle = () => {
  const held = [];
  window.requestIdleCallback = (f) => { held.push(f); return held.length; };
  window.__idle = () => held.splice(0).forEach((f) => f({ didTimeout: false, timeRemaining: () => 50 }));
};

/** An intersection observer that never reports: no island ever comes near. */
const holdNear = () => {
  window.IntersectionObserver = class { observe() {} unobserve() {} disconnect() {} takeRecords() { return []; } };
};

test('the simulator answers first: what lies below it hydrates afterwards', async () => {
  const page = await w.newPage();
  await page.addInitScript(holdIdle);
  await page.addInitScript(holdNear);
  await page.goto(w.server.url);
  // Handles on prerendered elements: the timeline and the data table (islands).
  await page.evaluate(() => {
    window.__timeline = document.querySelector('.p1-timeline');
    window.__table = document.querySelector('.p1-data');
  });
  await page.waitForSelector('.p1[data-ready]');
  // The first slider input is answered correctly while the islands still wait: the
  // timeline and the data table are the prerendered elements, not yet hydrated.
  await page.focus('[data-testid="rate-manufactured"]');
  await page.keyboard.press('End');
  await page.waitForFunction(() => /target met/.test(document.querySelector('[data-testid="verdict-2020"]').innerText));
  assert.ok(await page.evaluate(() => document.contains(window.__timeline) && document.contains(window.__table)), 'the islands are still the prerendered markup');
  assert.equal(await page.locator('.p1[data-live]').count(), 0, 'not every part is live yet');
  // The reader's change means the prerendered islands no longer show the view: the next
  // idle time hydrates them, their hydrated twins taking the prerendered markup's place.
  await page.evaluate(() => window.__idle());
  await page.waitForSelector('.p1[data-live]');
  assert.ok(await page.evaluate(() => !document.contains(window.__timeline) && !document.contains(window.__table)));
  // The page lists the key moments only; showing every event lists them all, live.
  assert.equal(await page.locator('[data-testid="timeline-event"]').count(), 12);
  await page.click('[data-testid="show-all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  const id = await page.locator('[data-testid="timeline-event"]').nth(1).getAttribute('data-event-id');
  await page.click(`[data-event-id="${id}"] .p1-event-title`);
  assert.equal(await page.locator(`[data-event-id="${id}"]`).getAttribute('aria-current'), 'true');
  // The table island answers too, with the scenario set while it waited.
  await page.click('.p1-data summary');
  assert.match(await page.locator('.p1-table').innerText(), /your projection/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('as the reader comes near them, the islands hydrate one after another, from the top, each in a task of its own; untouched, they stay as prerendered', async () => {
  const page = await w.newPage({ viewport: { width: 412, height: 823 } });
  // A slow machine (CPU slowed sixfold): Yew then spreads an island's render over several
  // tasks, and the next island must not be woken until the one above has hydrated. Where
  // Yew breaks off varies, so the page loads three times.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  // Which islands each task swapped in: a mutation observer's callback runs once a task,
  // with that task's changes.
  await page.addInitScript(() => {
    const ISLANDS = ['p1-outcomes', 'p1-timeline', 'p1-method', 'p1-foot'];
    window.__batches = [];
    new MutationObserver((records) => {
      const swapped = new Set();
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType === 1) ISLANDS.filter((c) => n.classList.contains(c)).forEach((c) => swapped.add(c));
        }
      }
      if (swapped.size) window.__batches.push(ISLANDS.filter((c) => swapped.has(c)));
    }).observe(document, { subtree: true, childList: true });
  });
  for (let load = 1; load <= 3; load++) {
    await page.goto(w.server.url);
    await page.waitForSelector('.p1[data-ready]');
    await page.evaluate(() => { window.__batches = []; });
    // Idle time comes and goes (an idle callback waits 500 ms at most): the islands, far
    // below the first screen, stay as prerendered.
    await page.waitForTimeout(1000);
    await frames(page, 3);
    assert.deepEqual(await page.evaluate(() => window.__batches), [], `the islands wait for the reader (load ${load})`);
    assert.equal(await page.locator('.p1[data-live]').count(), 0);
    // The reader scrolls down to within a screen of the first island.
    await page.evaluate(() => window.scrollTo(0, document.querySelector('.p1-outcomes').offsetTop - 1.8 * innerHeight));
    await page.waitForSelector('.p1[data-live]');
    assert.deepEqual(await page.evaluate(() => window.__batches), [['p1-outcomes'], ['p1-timeline'], ['p1-method'], ['p1-foot']], `load ${load}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the charts, the as-of months, the verdicts and the outlook are adopted as prerendered while the page hydrates, and drawn live in later tasks', async () => {
  const page = await w.newPage();
  await page.addInitScript(holdIdle);
  await page.addInitScript(holdNear);
  // Per mutation-observer callback (once a task): did `.p1` get data-ready, was the chart
  // or the small charts' section put in?
  await page.addInitScript(() => {
    window.__batches = [];
    document.addEventListener('DOMContentLoaded', () => {
      window.__chart = document.querySelector('.p1-chart');
      window.__cats = document.querySelector('.p1-cats');
      window.__month = document.querySelector('[data-testid="asof"] option');
      window.__verdict = document.querySelector('.p1-verdict');
      window.__outlook = document.querySelector('.p1-outlook');
      const added = (records, selector) => records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1 && n.matches(selector)));
      new MutationObserver((records) => {
        const batch = [];
        if (records.some((r) => r.type === 'attributes' && r.target.matches('.p1[data-ready]'))) batch.push('ready');
        if (added(records, '.p1-chart')) batch.push('chart');
        if (added(records, '.p1-cats')) batch.push('cats');
        if (added(records, 'option')) batch.push('asof');
        if (added(records, '.p1-verdict')) batch.push('verdict');
        if (added(records, '.p1-outlook')) batch.push('outlook');
        if (batch.length) window.__batches.push(batch);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
    });
  });
  await page.goto(w.server.url);
  await page.waitForSelector('.p1[data-ready]');
  await page.waitForFunction(() => ![window.__chart, window.__cats, window.__month, window.__verdict, window.__outlook].some((n) => document.contains(n)));
  const batches = await page.evaluate(() => window.__batches);
  assert.deepEqual(batches[0], ['ready'], `the page hydrated with the prerendered parts in place: ${JSON.stringify(batches)}`);
  assert.deepEqual(batches.slice(1).flat().sort(), ['asof', 'cats', 'chart', 'outlook', 'verdict'], `each live part came once, in a later task: ${JSON.stringify(batches)}`);
  // The live months: every one, the prerendered one chosen, and choosing one works.
  assert.equal(await page.locator('[data-testid="asof"] option').count(), 23);
  assert.equal(await page.locator('[data-testid="asof"]').inputValue(), '2020-06');
  assert.equal(await page.locator('.p1-chart').count(), 1);
  assert.equal(await page.locator('.p1-cats').count(), 1);
  assert.equal(await page.locator('.p1-verdict').count(), 1);
  assert.equal(await page.locator('.p1-outlook').count(), 1);
  // The live chart, verdicts and outlook answer a slider, before the islands below have
  // woken; the verdict is announced once the reader pauses.
  const before = await page.locator('.p1-svg path.p1-line-projection').first().getAttribute('d');
  const verdict = await page.locator('[data-testid="verdict-2020"]').innerText();
  const pace = await page.locator('[data-testid="needed-pace"]').innerText();
  assert.equal(await page.locator('[data-testid="verdict-live"]').innerText(), '', 'nothing announced at load');
  await page.focus('[data-testid="rate-manufactured"]');
  await page.keyboard.press('End');
  await page.waitForFunction((d) => document.querySelector('.p1-svg path.p1-line-projection')?.getAttribute('d') !== d, before);
  await page.waitForFunction((v) => document.querySelector('[data-testid="verdict-2020"]').innerText !== v, verdict);
  await page.waitForFunction((v) => document.querySelector('[data-testid="needed-pace"]')?.innerText !== v, pace);
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict-live"]').innerText.length > 0);
  await page.waitForFunction(() => /met/.test(document.querySelector('[data-testid="category-chart-manufactured"]')?.innerText));
  assert.equal(await page.locator('.p1[data-live]').count(), 0, 'the islands still wait for idle');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a slider moved as the page hydrates, before the verdicts are drawn live, is answered there and announced', async () => {
  const page = await w.newPage();
  await page.addInitScript(holdIdle);
  await page.addInitScript(holdNear);
  // The input comes in the hydrating task itself, as soon as .p1 says it is ready: before
  // any deferred part's turn.
  await page.addInitScript(() => {
    new MutationObserver((_, o) => {
      const root = document.querySelector('.p1[data-ready]');
      if (!root) return;
      o.disconnect();
      window.__adopted = !!document.querySelector('.p1-verdict') && document.querySelector('.p1-verdict') === window.__verdict;
      const slider = root.querySelector('[data-testid="rate-manufactured"]');
      slider.value = '12';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    document.addEventListener('DOMContentLoaded', () => { window.__verdict = document.querySelector('.p1-verdict'); });
  });
  await page.goto(w.server.url);
  await page.waitForFunction(() => window.__adopted !== undefined);
  assert.equal(await page.evaluate(() => window.__adopted), true, 'the input came while the prerendered verdicts were in place');
  // The default view's 2020 verdict is "$65.8bn of $142.7bn"; the input's is another.
  await page.waitForFunction(() => /^2020: \$(?!65\.8bn)[\d.]+bn of \$142\.7bn/.test(document.querySelector('[data-testid="verdict-2020"]')?.innerText ?? ''));
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict-live"]').innerText.length > 0);
  assert.match(await page.locator('[data-testid="verdict-live"]').innerText(), /2020/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a link to another view with the chart still prerendered: the live chart draws that view', async () => {
  const page = await w.newPage();
  await open(page, w.server.url, '?basis=cn&asof=2020-10&total=10');
  assert.equal(await page.locator('.p1-chart').getAttribute('data-asof'), '2020-10');
  assert.equal(await page.locator('.p1-chart').getAttribute('data-basis'), 'cn');
  // The as-of list, prerendered for the default view, is the link's once live.
  assert.equal(await page.locator('[data-testid="asof"]').inputValue(), '2020-10');
  assert.equal(await page.locator('[data-testid="asof"] option:checked').innerText(), 'October 2020');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a keyboard reader on a chart marker before the widget starts keeps focus on it once the chart is live', async () => {
  const page = await w.newPage();
  await page.addInitScript(holdIdle);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(w.server.url);
  const id = await page.evaluate(() => {
    const marker = document.querySelector('[data-testid="chart-marker"][tabindex="0"]');
    marker.focus();
    window.__marker = marker;
    return marker.dataset.eventId;
  });
  release();
  await page.waitForSelector('.p1[data-ready]');
  await page.waitForFunction(() => !window.__marker.isConnected);
  await page.waitForFunction((id) => {
    const el = document.activeElement;
    return el?.isConnected && el.dataset.testid === 'chart-marker' && el.dataset.eventId === id;
  }, id);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a reader reaching towards an island hydrates it at once, keeping focus where it was', async () => {
  // Idle never comes, nor does an island come near: only the reader's pointer or keyboard
  // wakes the islands.
  const pointer = await w.newPage();
  await pointer.addInitScript(holdIdle);
  await pointer.addInitScript(holdNear);
  await pointer.goto(w.server.url);
  await pointer.waitForSelector('.p1[data-ready]');
  await pointer.locator('[data-testid="show-all"]').scrollIntoViewIfNeeded();
  await frames(pointer, 5);
  assert.equal(await pointer.locator('.p1[data-live]').count(), 0, 'nothing but the reader\'s reach wakes them here');
  await pointer.hover('[data-testid="show-all"]');
  await pointer.waitForSelector('.p1[data-live]');
  await pointer.click('[data-testid="show-all"]');
  await pointer.waitForSelector('[data-testid="timeline-section"][data-events="all"]');
  await pointer.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  assert.equal(await pointer.locator('[data-testid="timeline-event"]:visible').count(), 74);
  assert.deepEqual(pointer.errors, []);
  await pointer.close();

  // A keyboard reader: focus on the timeline's skip link before the island hydrates
  // stays on that link after the swap.
  const keys = await w.newPage();
  await keys.addInitScript(holdIdle);
  await keys.addInitScript(holdNear);
  await keys.goto(w.server.url);
  await keys.waitForSelector('.p1[data-ready]');
  await keys.evaluate(() => { window.__skip = document.querySelector('[data-testid="skip-timeline"]'); });
  await keys.focus('[data-testid="skip-timeline"]');
  await keys.waitForSelector('.p1[data-live]');
  assert.ok(await keys.evaluate(() => !window.__skip.isConnected), 'the focused link was swapped for its twin');
  await keys.waitForFunction(() => document.activeElement?.dataset.testid === 'skip-timeline' && document.activeElement.isConnected);
  // And it works: it takes the reader past the timeline.
  await keys.keyboard.press('Enter');
  await keys.waitForFunction(() => document.activeElement?.classList.contains('p1-after-timeline'));
  assert.deepEqual(keys.errors, []);
  await keys.close();
});

test('an older browser (no CSS light-dark()) keeps the prerendered page, says so in one line, and starts no client', async () => {
  const page = await w.newPage();
  // Chrome before 123, Firefox before 120 and Safari before 17.5 lack light-dark().
  await page.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (...a) => (a.join(' ').includes('light-dark') ? false : supports(...a));
  });
  await page.goto(w.server.url + '?basis=cn');
  await page.waitForSelector('.p1-failed');
  assert.equal(await page.locator('.p1-failed').count(), 1);
  assert.match(await page.locator('.p1-failed').innerText(), /could not start in this browser/);
  // The prerendered default stays, and the line names the view the link asked for.
  assert.match(await page.locator('.p1-failed').innerText(), /basis=cn/);
  assert.equal(await text(page, 'verdict-2020'), '2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)');
  assert.equal(await page.locator('[data-testid="timeline-event"]').count(), 12);
  assert.equal(await page.locator('.p1[data-ready]').count(), 0);
  // The loader said why, and did not start the wasm (the page's preload hint may still
  // have fetched it).
  assert.equal(page.errors.length, 1, page.errors.join('\n'));
  assert.match(page.errors[0], /could not start.*lacks a feature/);
  await frames(page);
  assert.equal(await page.locator('[data-phase-one-mounted]').count(), 0);
  await page.close();
});

test('hydration formats with the prerender\'s own en-GB rules; Intl takes over in a later task, with the same text', async () => {
  const page = await w.newPage();
  // Count Intl formatters created before and after the client marks itself ready.
  await page.addInitScript(() => {
    window.__intl = [];
    for (const name of ['NumberFormat', 'DateTimeFormat']) {
      const Real = Intl[name];
      Intl[name] = function (...args) {
        window.__intl.push(document.querySelector('.p1[data-ready]') ? 'after' : 'before');
        return new Real(...args);
      };
    }
  });
  await page.goto(w.server.url);
  await page.waitForSelector('.p1[data-ready]');
  const hydrated = await text(page, 'verdict-2020');
  await page.waitForFunction(() => window.__intl.includes('after'));
  const made = await page.evaluate(() => window.__intl);
  assert.equal(made.filter((x) => x === 'before').length, 0, 'no Intl formatter while hydrating');
  // After the switch the text is the same (en-GB rules), and Intl formats new figures.
  assert.equal(await text(page, 'verdict-2020'), hydrated);
  assert.equal(hydrated, '2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)');
  await page.fill('[data-testid="rate-manufactured-number"]', '12.5');
  assert.match(await text(page, 'verdict-2020'), /^2020: \$[\d.]+bn of \$142\.7bn/);
  assert.equal(await page.getAttribute('[data-testid="rate-manufactured"]', 'aria-valuetext'), '$12.5 billion a month');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the widget starts only after the prerendered page has painted', async () => {
  for (const path of ['', 'index.zh-Hans.html']) {
    const page = await w.newPage();
    await open(page, w.server.url, path);
    const [paint, start] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      performance.getEntriesByName('phase-one-start')[0]?.startTime,
    ]);
    assert.ok(paint > 0 && start > paint, `${path || 'index.html'}: first paint at ${paint} ms, the wasm started at ${start} ms`);
    await page.close();
  }
});

test('the Chinese page\'s language files are fetched after the first paint, and each file once', async () => {
  // Not the whole timeline, on either page: it comes when a reader wants every event.
  const FILES = new RegExp(`\\.wasm$|${LANGUAGE_FILES.source}|/data/timeline\\.csv$`);
  for (const [path, count] of [['', 1], ['index.zh-Hans.html', 4]]) {
    const page = await w.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await open(page, w.server.url, path);
    const [paint, fetched] = await page.evaluate((files) => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      performance.getEntriesByType('resource')
        .map((e) => [new URL(e.name).pathname, e.startTime])
        .filter(([file]) => new RegExp(files).test(file)),
    ], FILES.source);
    const name = path || 'index.html';
    // The wasm's hint asks for it early; the widget's own request is answered from it.
    const asked = requests.filter((r) => FILES.test(r));
    assert.equal(asked.length, count, `${name}: ${asked.join(' ')}`);
    assert.equal(new Set(asked).size, count, `${name}: one request a file: ${asked.join(' ')}`);
    const language = fetched.filter(([file]) => !file.endsWith('.wasm'));
    assert.equal(language.length, count - 1, `${name}: ${JSON.stringify(fetched)}`);
    for (const [file, at] of language) assert.ok(at > paint, `${name}: ${file} asked for at ${at} ms, first paint at ${paint} ms`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('the Chinese page with the wasm already cached and its language files slow: the widget waits for them, no error', async () => {
  const context = await w.browser.newContext();
  // Resource errors (a hint's `error` event) on every page of the context.
  await context.addInitScript(() => {
    window.__linkErrors = [];
    addEventListener('error', (e) => e.target?.href && window.__linkErrors.push(e.target.href), true);
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // The wasm in the cache (the English page first), so the widget is ready to start while
  // the language files are still on their way.
  await open(page, w.server.url);
  await page.route(LANGUAGE_FILES, async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await page.goto(w.server.url + 'index.zh-Hans.html');
  await live(page);
  assert.match(await text(page, 'verdict-2020'), /^2020年/);
  assert.deepEqual(await page.evaluate(() => window.__linkErrors), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slow start moves nothing: no "needs JavaScript" line comes and goes, and the page does not shift', async () => {
  for (const path of ['', 'index.zh-Hans.html']) {
    const page = await w.newPage({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // Every frame until the widget is live: could the reader see the line? (Until the
      // loader runs it has a box, of no height and hidden.)
      window.__lineShown = 0;
      window.__frames = 0;
      const look = () => {
        const line = document.querySelector('[data-testid="no-script"]');
        if (line && line.getBoundingClientRect().height > 0 && getComputedStyle(line).visibility === 'visible') window.__lineShown += 1;
        window.__frames += 1;
        if (!document.querySelector('.p1[data-live]')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    // The wasm arrives 2.5 s late: past the moment the line would show for a reader
    // without JavaScript (1.5 s).
    let held = 0;
    await page.route('**/*_bg.wasm', async (r) => {
      held += 1;
      await new Promise((done) => setTimeout(done, 2500));
      await r.continue();
    });
    await page.goto(w.server.url + path);
    await page.waitForSelector('.p1[data-ready]');
    // The islands too, woken as a keyboard reader wakes them (Tab): scrolling down to them
    // would bring in the timeline's events at their real heights, a shift of its own.
    await page.keyboard.press('Tab');
    await page.waitForSelector('.p1[data-live]');
    assert.ok(held >= 1, 'the wasm was held back');
    const [shown, frames] = await page.evaluate(() => [window.__lineShown, window.__frames]);
    assert.ok(frames > 60, `${path || 'index.html'}: watched ${frames} frames`);
    assert.equal(shown, 0, `${path || 'index.html'}: the line showed in ${shown} of ${frames} frames`);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `${path || 'index.html'}: layout shift ${shift}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
