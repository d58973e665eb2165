// The reader's experience: the slider, the verdict and the chart in one view on a phone
// and a desktop, a page a few screens long, a chart that never breaks, markers a finger
// can use, controls that match, and finished periods worded as what happened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useWidget } from '../lib/harness.js';
import { open, text, settled, live } from '../lib/widget.js';

const w = useWidget({
  pages: {
    '/article.html': {
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Article</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>body{margin:0;font:18px Georgia,serif}main{max-width:620px;margin:0 auto;padding:0 16px}</style></head>
        <body><main><h1>An article</h1><p>Text above the graphic.</p>
        <iframe data-phase-one-frame src="/index.html" title="Phase One widget" width="100%" height="600" scrolling="no" frameborder="0"></iframe>
        <p id="after">Text after the graphic.</p></main>
        <script type="module" src="/resize.js"></script></body></html>`,
    },
  },
});
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** The share of an element's box inside the viewport, and its rect. */
const inView = (page, selector) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  const r = el.getBoundingClientRect();
  const visible = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
  return { share: r.height ? visible / r.height : 0, top: r.top, bottom: r.bottom };
}, selector);

test('phone and desktop: with any slider centred, the chart and a 2020 verdict are in view and move with it', async () => {
  for (const [name, opts, verdict] of [
    ['375x667 touch', PHONE, '[data-testid="compact-verdict"]'],
    ['1280x900', DESKTOP, '[data-testid="verdict-2020"]'],
  ]) {
    const page = await w.newPage(opts);
    await open(page, w.server.url);
    for (const cat of ['manufactured', 'agriculture', 'energy']) {
      const slider = `[data-testid="rate-${cat}"]`;
      await page.locator(slider).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const chart = await inView(page, '[data-testid="chart"] .p1-svg');
      assert.ok(chart.share >= 0.5, `${name} ${cat}: ${Math.round(chart.share * 100)}% of the chart in view`);
      const v = await inView(page, verdict);
      assert.ok(v.share === 1, `${name} ${cat}: the verdict is in view (${JSON.stringify(v)})`);
      const before = { verdict: await page.innerText(verdict), path: await page.getAttribute('[data-testid="projection-2020"]', 'd') };
      assert.match(before.verdict, /2020: .*\d+%/);
      // Move the slider as a reader would: a tap far along the track, or a drag.
      const box = await page.locator(slider).boundingBox();
      if (opts.hasTouch) await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
      else await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
      await page.waitForFunction(([sel, t]) => document.querySelector(sel).innerText !== t, [verdict, before.verdict]);
      assert.notEqual(await page.getAttribute('[data-testid="projection-2020"]', 'd'), before.path, `${name} ${cat}: the chart moved`);
      // Still in view after the change: nothing jumped.
      assert.ok((await inView(page, '[data-testid="chart"] .p1-svg')).share >= 0.5, `${name} ${cat}: chart still in view`);
      assert.equal((await inView(page, verdict)).share, 1, `${name} ${cat}: verdict still in view`);
      await page.click('[data-testid="reset"]');
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

/** Renders every card, as a reader scrolling through does (off-screen cards otherwise
 *  keep a placeholder height until they come near the viewport). */
const renderAll = (scope) => scope.evaluate(() => {
  for (const e of document.querySelectorAll('.p1-event')) e.style.contentVisibility = 'visible';
});

test('the default page at 375 px is a few screens, and so is an embed\'s auto-height', async () => {
  const page = await w.newPage(PHONE);
  await open(page, w.server.url);
  await renderAll(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 6500, `page height at 375 px: ${height}`);
  console.log(`# page height at 375 px: ${height} px`);
  await page.close();
  const article = await w.newPage({ ...PHONE });
  await article.goto(w.server.origin + '/article.html');
  const frame = await (await article.waitForSelector('iframe')).contentFrame();
  await live(frame);
  await renderAll(frame);
  await article.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 1000);
  await settled(article, () => document.querySelector('iframe').getBoundingClientRect().height);
  const iframeHeight = await article.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  assert.ok(iframeHeight <= 6500, `iframe height in a 375 px article: ${iframeHeight}`);
  console.log(`# iframe auto-height in a 375 px article: ${Math.round(iframeHeight)} px`);
  await article.close();
});

test('a skip link takes keyboard users past the timeline', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  const hidden = await page.locator('[data-testid="skip-timeline"]').boundingBox();
  assert.ok(hidden.width <= 1 && hidden.height <= 1, `hidden until focused: ${JSON.stringify(hidden)}`);
  await page.focus('[data-testid="skip-timeline"]');
  assert.ok((await inView(page, '[data-testid="skip-timeline"]')).share > 0, 'visible when focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('p1-after-timeline'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid="timeline-section"]')), null);
  await page.close();
});

test('the y axis keeps at most 8 labels that never overlap or clip, at any rate', async () => {
  const page = await w.newPage(PHONE);
  for (const q of ['', '?mfg=40&ag=20&energy=30', '?basis=cn&total=80', '?asof=2020-01&mfg=40&ag=20&energy=30']) {
    await open(page, w.server.url, q);
    if (q === '') for (const cat of ['manufactured', 'agriculture', 'energy']) {
      await page.focus(`[data-testid="rate-${cat}"]`);
      await page.keyboard.press('End'); // the top of each slider
    }
    const labels = await page.locator('[data-testid="chart"] .p1-grid-lines text[text-anchor="end"]').evaluateAll((ts) => ts.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, top: r.top, bottom: r.bottom, left: r.left };
    }));
    const svgLeft = await page.locator('[data-testid="chart"] .p1-svg').evaluate((s) => s.getBoundingClientRect().left);
    assert.ok(labels.length >= 2 && labels.length <= 8, `${q}: ${labels.length} labels`);
    labels.sort((a, b) => a.top - b.top);
    for (let i = 1; i < labels.length; i++) assert.ok(labels[i].top >= labels[i - 1].bottom, `${q}: ${labels[i - 1].text} and ${labels[i].text} overlap`);
    for (const l of labels) assert.ok(l.left >= svgLeft - 0.5, `${q}: ${l.text} is cut off at the left`);
  }
  // A typed rate beyond the slider's range: applied, and drawn running off the top.
  await open(page, w.server.url, '?mfg=40');
  assert.match(await text(page, 'verdict-2020'), /target met/);
  assert.ok(await page.locator('[data-testid="off-scale"]').count() >= 1, 'an off-scale arrow');
  await page.close();
});

test('chart markers follow the filters, are at least 24 px, and offer a way back', async () => {
  const page = await w.newPage(PHONE);
  await open(page, w.server.url, '?events=all&apps=none');
  assert.equal(await page.locator('[data-testid="chart-marker"]').count(), 0, 'apps=none: no markers');
  await open(page, w.server.url, '?events=all&apps=wechat');
  const ids = (await page.locator('[data-testid="chart-marker"]').evaluateAll((ms) => ms.map((m) => m.dataset.eventIds.split(' ')))).flat();
  const listed = await page.locator('[data-testid="timeline-event"]').evaluateAll((es) => es.map((e) => e.dataset.eventId));
  assert.ok(ids.length > 0 && ids.every((id) => listed.includes(id)), 'markers are the listed events');
  // Key moments by default: the markers are the key moments of 2020-21.
  await open(page, w.server.url);
  const hits = await page.locator('[data-testid="chart-marker"] .p1-marker-hit').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect()).map((r) => ({ x: r.x, w: r.width, h: r.height })));
  assert.ok(hits.length >= 2, `${hits.length} markers`);
  for (const h of hits) assert.ok(h.w >= 23.5 && h.h >= 23.5, `target ${h.w}×${h.h}`);
  hits.sort((a, b) => a.x - b.x);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i].x >= hits[i - 1].x + hits[i - 1].w - 0.5, 'targets do not overlap');
  // Tap a marker: its events open in place by the chart; from there, "Read it in the
  // timeline" selects the event and brings it into view; "Back to the chart" returns.
  const marker = page.locator('[data-testid="chart-marker"]').first();
  const first = (await marker.getAttribute('data-event-ids')).split(' ')[0];
  await marker.evaluate((m) => m.scrollIntoView({ block: 'center' }));
  const box = await marker.locator('.p1-marker-hit').boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  const panel = page.locator('[data-testid="moment-panel"]');
  await panel.waitFor();
  assert.equal(await marker.getAttribute('aria-expanded'), 'true');
  await panel.locator(`[data-event-id="${first}"] [data-testid="moment-to-timeline"]`).click();
  const card = `[data-testid="timeline-event"][data-event-id="${first}"]`;
  await page.waitForSelector(`${card}[aria-current="true"]`);
  await page.waitForFunction((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  }, card);
  await page.click(`${card} [data-testid="back-to-chart"]`);
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'chart-marker');
  assert.ok((await inView(page, '[data-testid="chart"] .p1-svg')).share >= 0.9, 'back at the chart');
  await page.close();
});

test('no teaser stops at an abbreviation', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url, '?events=all');
  const leads = await page.locator('[data-testid="timeline-event"]').evaluateAll((cards) => cards
    .filter((c) => c.querySelector('.p1-more'))
    .map((c) => c.querySelector(':scope > .p1-annotation').textContent));
  assert.ok(leads.length >= 5, `${leads.length} teasers`);
  for (const lead of leads) {
    const last = lead.trim().replace(/\.$/, '').split(' ').at(-1);
    assert.ok(!last.includes('.') && last.length > 1 && !/^(Sen|Rep|Gov|Inc|Corp|Co|Jr|Mr|Dr|St|No|vs|Dept|Cir|Cal|Pa)$/.test(last), `teaser ends at "${last}": ${lead}`);
  }
  await page.close();
});

test('the mouse wheel over the timeline scrolls the page, and the filters stay in reach', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url, '?events=all');
  await page.locator('[data-testid="timeline"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const y0 = await page.evaluate(() => scrollY);
  const box = await page.locator('[data-testid="timeline"]').boundingBox();
  await page.mouse.move(box.x + 50, 300);
  await page.mouse.wheel(0, 2000);
  const y1 = await settled(page, () => scrollY);
  assert.ok(y1 - y0 >= 1500, `the page scrolled ${y1 - y0} px`);
  // The filters beside the list are still on screen.
  const filters = await inView(page, '[data-testid="filters"]');
  assert.ok(filters.share > 0.5 && filters.top >= -1, `filters in view: ${JSON.stringify(filters)}`);
  await page.close();
});

test('the three slider tracks look alike in the light theme', async () => {
  const page = await w.newPage({ ...DESKTOP, colorScheme: 'light' });
  await open(page, w.server.url, '?theme=light&mfg=2&ag=1&energy=0.5');
  const sample = async (cat) => {
    const el = page.locator(`[data-testid="rate-${cat}"]`);
    const png = (await el.screenshot()).toString('base64');
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const px = (fx) => [...g.getImageData(Math.round(img.width * fx), Math.round(img.height / 2), 1, 1).data].slice(0, 3);
      return { empty: px(0.95), edge: px(0.995) };
    }, png);
  };
  const tracks = await Promise.all(['manufactured', 'agriculture', 'energy'].map(sample));
  // The unfilled part of every track is the same light grey, in every category.
  for (const t of tracks) assert.deepEqual(t.empty, tracks[0].empty, JSON.stringify(tracks));
  assert.ok(tracks[0].empty.every((c) => c > 180), `a light track: ${tracks[0].empty}`);
  await page.close();
});

test('finished periods read as what happened: actual, the missing month named, no pace needed', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  await page.click('[data-preset="actual"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="asof"]').value === '2021-11');
  assert.equal(await text(page, 'verdict-2020'), '2020: $89.3bn of $142.7bn — missed by $53.4bn (63% of target)');
  assert.equal((await page.textContent('[data-testid="verdict-2020-tag"]')).trim(), 'actual');
  assert.equal(await text(page, 'verdict-2021'), '2021: $101.0bn of $177.0bn by the end of November 2021 (57% of target)');
  assert.equal((await page.textContent('[data-testid="verdict-2021-tag"]')).trim(), 'actual to Nov 2021');
  assert.equal(await text(page, 'verdict-total'), '2020–21: $190.2bn of $319.6bn by the end of November 2021 (60% of target)');
  const outlook = await text(page, 'needed-pace');
  assert.match(outlook, /December 2021 is not in the data yet, so these figures stop at the end of November 2021\./);
  assert.doesNotMatch(outlook, /would need/);
  assert.doesNotMatch(await page.innerText('.p1-verdict'), /projected/i);
  // Nothing is left to set a pace for: the sliders say so.
  assert.equal(await page.locator('[data-testid="rate-manufactured"]').isDisabled(), true);
  assert.match(await text(page, 'rates-over'), /no pace left to set/);
  // "Pace so far" follows the cut-off: an earlier month re-enables the sliders at that pace.
  await page.selectOption('[data-testid="asof"]', '2020-12');
  assert.equal(await page.locator('[data-testid="rate-manufactured"]').isDisabled(), false);
  assert.equal(await page.getAttribute('[data-preset="so-far"]', 'aria-pressed'), 'true');
  assert.equal(await page.inputValue('[data-testid="rate-manufactured-number"]'), '4.35'); // 52.18 / 12
  await page.close();
});

test('the figures agree: one reconciliation, and every outcome labelled with its scope', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  const rec = await text(page, 'reconciliation');
  for (const fig of ['$502.4bn', '$319.6bn', '$190.2bn', 'November 2021', '60%', '$288.8bn', '57%', '58%', '62.9%']) {
    assert.ok(rec.includes(fig), `reconciliation mentions ${fig}: ${rec}`);
  }
  assert.match(rec, /goods and services/);
  assert.match(rec, /without civil aircraft/);
  await page.click('[data-testid="facts"] > summary');
  const scopes = await page.locator('[data-testid="outcome-scope"]').allInnerTexts();
  assert.ok(scopes.length >= 6 && scopes.every((s) => s.trim().length > 0), scopes.join('|'));
  assert.ok(scopes.some((s) => /goods and services/i.test(s)) && scopes.some((s) => /^goods$/i.test(s.trim())));
  await page.close();
});

test('axe: no serious or critical violations with every event listed, phone and desktop', async () => {
  for (const opts of [PHONE, { ...DESKTOP, colorScheme: 'dark' }]) {
    const page = await w.newPage(opts);
    await open(page, w.server.url, '?events=all&asof=2021-11');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`), []);
    await page.close();
  }
});
