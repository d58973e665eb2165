// Embedding as a newsroom does it: pym.js and AMP iframe parents, the script embed with
// hostile host CSS, sharing, newsroom data overrides, and a strict CSP from a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, E2E_ROOT } from '../lib/server.js';
import { useWidget } from '../lib/harness.js';
import { open, text, settled, frames, live } from '../lib/widget.js';

const BASE = '/widget/';
const PURCHASES = fs.readFileSync(path.join(E2E_ROOT, '../../static/data/purchases.csv'), 'utf8');
const page = (body, head = '') => ({ body: `<!doctype html><html><head><meta charset="utf-8"><title>Article</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>` });

// A newsroom's own purchases file: 2020 on the Chinese-import basis revised to 180.0.
const OVERRIDE = PURCHASES.replace('target,,cn,2020,total,173.1,', 'target,,cn,2020,total,180.0,')
  .replace('baseline,,cn,2017,total,109.2,', 'baseline,,cn,2017,total,116.1,')
  .replace('target,,cn,2021,total,207.4,', 'target,,cn,2021,total,214.3,');
const BROKEN = PURCHASES.replace('monthly,,us,2020-03,energy,0.356,', 'monthly,,us,2020-03,energy,lots,')
  .replace(',waugh-2020-12,,,,,,,\n', ',nobody,,,,,,,\n');

const w = useWidget({
    base: BASE,
    files: { '/vendor/pym.v1.js': path.join(E2E_ROOT, 'node_modules/pym.js/dist/pym.v1.js') },
    pages: {
      '/pym.html': page(`<h1>An article</h1><p>Text above.</p><div id="graphic"></div><p>Text below.</p>
        <script src="/vendor/pym.v1.js"></script>
        <script>window.pymParent = new pym.Parent('graphic', '${BASE}index.html?view=both', { title: 'Phase One widget' });</script>`),
      '/amp.html': page(`<iframe id="amp-frame" src="${BASE}index.html" title="Phase One widget" width="100%" height="150" scrolling="no" frameborder="0"></iframe>
        <script>window.addEventListener('message', (e) => {
          const d = e.data;
          if (d && d.sentinel === 'amp' && d.type === 'embed-size' && e.source === document.getElementById('amp-frame').contentWindow) {
            (window.ampHeights = window.ampHeights || []).push(d.height);
            document.getElementById('amp-frame').style.height = d.height + 'px';
          }
        });</script>`),
      '/script.html': page(`<h1>Host page</h1>
        <div data-phase-one-widget data-view="simulator" data-basis="us" id="a"></div>
        <p>Between the two.</p>
        <div data-phase-one-widget data-view="both" data-basis="cn" data-asof="2020-10" id="b"></div>
        <script type="module" src="${BASE}embed.js"></script>`,
        `<style>* { font: 40px serif !important; color: red !important; } div { display: inline } .p1 { display: none }</style>`),
      '/long.html': page(`${'<p>Article text.</p>'.repeat(5).replace(/<p>/g, '<p style="height:700px">')}
        <div data-phase-one-widget data-view="simulator" id="far"><a href="${BASE}index.html">The widget</a></div>
        <p>After the widget.</p><script type="module" src="${BASE}embed.js"></script>`),
      '/data/purchases-newsroom.csv': { body: OVERRIDE, type: 'text/csv', headers: { 'access-control-allow-origin': '*' } },
      '/data/purchases-broken.csv': { body: BROKEN, type: 'text/csv' },
    },
});

const ctx = (opts = {}) => w.newPage({ viewport: { width: 1000, height: 800 }, ...opts });

/** The widget document's own height, measured inside the frame. */
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

async function followsContent(p, frameEl, frame, label) {
  const near = async () => {
    const h = await contentHeight(frame);
    const box = await frameEl.boundingBox();
    return Math.abs(box.height - h) <= 4 ? h : null;
  };
  await p.waitForFunction(() => true);
  for (let i = 0; i < 50 && !(await near()); i++) await p.waitForTimeout(100);
  const start = await near();
  assert.ok(start > 1000, `${label}: iframe sized to content (${start})`);
  // Grow: open the method and the data table.
  await frame.click('.p1-method > summary');
  await frame.click('.p1-data > summary');
  let grown;
  for (let i = 0; i < 50 && !((grown = await near()) && grown > start + 200); i++) await p.waitForTimeout(100);
  assert.ok(grown > start + 200, `${label}: grew from ${start} to ${grown}`);
  // Grow more: every event. Shrink: close the panels, filter the timeline down.
  await frame.click('[data-testid="show-all"]');
  let all;
  for (let i = 0; i < 50 && !((all = await near()) && all > grown + 500); i++) await p.waitForTimeout(100);
  assert.ok(all > grown + 500, `${label}: grew from ${grown} to ${all} with every event`);
  await frame.click('.p1-method > summary');
  await frame.click('.p1-data > summary');
  await frame.uncheck('[data-testid="filter-app-tiktok"]');
  let shrunk;
  for (let i = 0; i < 50 && !((shrunk = await near()) && shrunk < all - 500); i++) await p.waitForTimeout(100);
  assert.ok(shrunk < all - 500, `${label}: shrank from ${all} to ${shrunk}`);
}

test('a real pym.js 1.3.2 parent resizes the iframe as the widget grows and shrinks', async () => {
  const p = await ctx();
  await p.goto(w.server.origin + '/pym.html');
  const frameEl = await p.waitForSelector('#graphic iframe');
  const frame = await frameEl.contentFrame();
  await live(frame);
  // pym passed its handshake parameters; the widget marked itself embedded.
  const src = await frameEl.getAttribute('src');
  assert.match(src, /childId=graphic/);
  assert.match(src, /parentUrl=/);
  assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('embedded')), true);
  await followsContent(p, frameEl, frame, 'pym');
  // Inside the iframe, shared links point at the article, not the bare iframe URL.
  const link = await frame.getAttribute('[data-testid="copy-link"]', 'data-url');
  assert.ok(link.startsWith(w.server.origin + '/pym.html?'), link);
  assert.match(link, /apps=wechat/);
  // Source links open in a new tab when embedded.
  assert.equal(await frame.getAttribute('.p1-event-foot a >> nth=0', 'target'), '_blank');
  assert.deepEqual(p.errors, []);
  await p.ctx.close();
});

test('an AMP-style parent resizes the iframe from embed-size messages', async () => {
  const p = await ctx();
  await p.goto(w.server.origin + '/amp.html');
  const frameEl = await p.waitForSelector('#amp-frame');
  const frame = await frameEl.contentFrame();
  await live(frame);
  await followsContent(p, frameEl, frame, 'amp');
  // Duplicate heights are not re-sent: each message carries a new height, and they are
  // few, not a stream (the widget observes resizes; it does not poll).
  await settled(p, () => window.ampHeights.length, undefined, { frames: 10 });
  const heights = await p.evaluate(() => window.ampHeights);
  assert.ok(heights.every((h, i) => i === 0 || h !== heights[i - 1]), heights.join(','));
  assert.ok(heights.length < 40, `${heights.length} messages`);
  await p.ctx.close();
});

test('a script embed never shows unstyled: it starts once its stylesheet has loaded, however late', async () => {
  const p = await ctx();
  // Every frame, note whether the widget is in its Shadow DOM before its stylesheet is:
  // the host's 40 px serif would show through until then.
  await p.addInitScript(() => {
    window.__unstyled = 0;
    window.__seen = false;
    const look = () => {
      const root = document.getElementById('a')?.shadowRoot;
      const widget = root?.querySelector('.p1');
      if (widget) {
        window.__seen = true;
        if (!root.querySelector('link[data-phase-one-style]')?.sheet) window.__unstyled += 1;
      }
      if (!window.__seen) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  let held = 0;
  await p.route(/widget-[0-9a-f]+\.css$/, async (route) => {
    held += 1;
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await p.goto(w.server.origin + '/script.html');
  await p.waitForSelector('#a >> .p1[data-live]');
  assert.ok(held >= 1, 'the stylesheet was held back');
  assert.equal(await p.evaluate(() => window.__unstyled), 0, 'never rendered before its stylesheet');
  assert.equal(await p.locator('#a >> [data-testid="verdict-2020"]').evaluate((e) => getComputedStyle(e).fontSize), '18px');
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('two script-embedded instances, each with its own state, unharmed by hostile host CSS', async () => {
  const p = await ctx();
  await p.goto(w.server.origin + '/script.html');
  await p.waitForSelector('#a >> .p1[data-live]');
  await p.waitForSelector('#b >> .p1[data-live]');
  const a = p.locator('#a');
  const b = p.locator('#b');
  // Each instance reads its own data- attributes.
  assert.match(await a.locator('[data-testid="verdict-2020"]').innerText(), /of \$142\.7bn/);
  assert.match(await b.locator('[data-testid="verdict-2020"]').innerText(), /of \$173\.1bn/);
  assert.equal(await a.locator('[data-testid="timeline"]').count(), 0, 'view=simulator');
  assert.equal(await b.locator('[data-testid="timeline-event"]').count(), 12);
  assert.equal(await b.locator('[data-testid="asof"]').inputValue(), '2020-10');
  // Host CSS does not reach in: our type and colours apply.
  const style = await a.locator('[data-testid="verdict-2020"]').evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: s.fontSize, family: s.fontFamily, color: s.color };
  });
  assert.equal(style.size, '18px');
  assert.doesNotMatch(style.family, /^serif/);
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  const box = await a.locator('[data-testid="chart"]').boundingBox();
  assert.ok(box.width > 300 && box.height > 300, JSON.stringify(box));
  // Our CSS does not leak out.
  assert.equal(await p.locator('body > h1').evaluate((el) => getComputedStyle(el).fontSize), '40px');
  // Independent state: moving A's slider leaves B alone.
  const before = await b.locator('[data-testid="verdict-2020"]').innerText();
  await a.locator('[data-testid="rate-manufactured"]').focus();
  await p.keyboard.press('End');
  assert.match(await a.locator('[data-testid="verdict-2020"]').innerText(), /target met/);
  assert.equal(await b.locator('[data-testid="verdict-2020"]').innerText(), before);
  // The host's URL is left alone.
  assert.equal(new URL(p.url()).search, '');
  assert.deepEqual(p.errors, []);
  await p.ctx.close();
});

test('copy link and the embed snippets: copied, pasted into a page, and working', async () => {
  const p = await ctx();
  await p.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: w.server.origin });
  await open(p, w.server.url, '?basis=cn&asof=2020-10&total=12.5&period=deal');
  await p.click('[data-testid="copy-link"]');
  await p.waitForFunction(() => document.querySelector('[data-testid="copy-link"]').innerText === 'Copied');
  const copied = await p.evaluate(() => navigator.clipboard.readText());
  // A period filter that leaves key moments out opens the full list, filtered.
  assert.equal(copied, `${w.server.url}?v=1&basis=cn&asof=2020-10&total=12.5&period=deal&events=all`);
  // The embed panel.
  await p.click('[data-testid="embed-panel"] > summary');
  await p.waitForFunction(() => document.querySelector('[data-testid="embed-iframe"]').value.includes('basis=cn'));
  const iframe = await p.inputValue('[data-testid="embed-iframe"]');
  const script = await p.inputValue('[data-testid="embed-script"]');
  assert.match(iframe, /<iframe src="[^"]*index\.html\?v=1&amp;basis=cn&amp;asof=2020-10&amp;total=12\.5&amp;period=deal&amp;events=all"/);
  assert.match(iframe, / title="[^"]+"/);
  assert.match(script, /<div data-phase-one-widget data-basis="cn" data-asof="2020-10" data-total="12\.5" data-period="deal" data-events="all"><a href="[^"]*index\.html\?v=1&amp;basis=cn[^"]*">[^<]+<\/a><\/div>/);
  assert.match(iframe, / allow="clipboard-write"/);
  assert.match(iframe, / loading="lazy"/);
  await p.click('[data-testid="embed-script-copy"]');
  await p.waitForFunction(() => document.querySelector('[data-testid="embed-script-copy"]').innerText === 'Copied');
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), script);
  // Paste each snippet into a fresh article page: both render the same scenario.
  for (const [name, snippet] of [['iframe', iframe], ['script', script]]) {
    const article = await ctx();
    await article.route(w.server.origin + '/pasted.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><h1>Pasted ${name}</h1>${snippet}` }));
    await article.goto(w.server.origin + '/pasted.html');
    const scope = name === 'iframe' ? (await (await article.waitForSelector('iframe')).contentFrame()) : article;
    await live(scope);
    assert.equal(await scope.locator('[data-testid="verdict-2020"]').innerText(), '2020: $100.5bn of $173.1bn — missed by $72.6bn (58% of target)');
    if (name === 'iframe') {
      // resize.js sizes the pasted iframe to its content.
      const frameEl = await article.$('iframe');
      await article.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 1000);
      const h = await contentHeight(scope);
      assert.ok(Math.abs((await frameEl.boundingBox()).height - h) <= 4);
    }
    await article.ctx.close();
  }
  await p.ctx.close();
});

test('a valid newsroom data file replaces the built-in data', async () => {
  const p = await ctx();
  await open(p, w.server.url, `?basis=cn&asof=2020-06&data=${encodeURIComponent('/data/purchases-newsroom.csv')}`);
  await p.waitForFunction(() => document.querySelector('[data-testid="verdict-2020"]').innerText.includes('$180.0bn'));
  assert.equal(await p.locator('[data-testid="notice"]').count(), 0);
  await p.ctx.close();
});

test('a broken or unreachable data file leaves the built-in data working, with a clear notice', async () => {
  const p = await ctx();
  await open(p, w.server.url, `?data=${encodeURIComponent('/data/purchases-broken.csv')}&timeline-data=/data/missing.csv`);
  await p.waitForSelector('[data-testid="notice"] li');
  const notice = await p.innerText('[data-testid="notice"]');
  assert.match(notice, /purchases-broken\.csv could not be used/);
  assert.match(notice, /purchases-broken\.csv, line \d+, field “value”: expected a plain number/);
  assert.match(notice, /field “source”: cites “nobody”/);
  assert.match(notice, /missing\.csv could not be loaded \(HTTP 404\)/);
  // The widget still works, on its built-in figures.
  assert.equal(await text(p, 'verdict-2020'), '2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)');
  await p.focus('[data-testid="rate-manufactured"]');
  await p.keyboard.press('End');
  assert.match(await text(p, 'verdict-2020'), /target met/);
  // And on its built-in timeline: the key moments, and every event behind "Show all".
  assert.equal(await p.locator('[data-testid="timeline-event"]').count(), 12);
  await p.click('[data-testid="show-all"]');
  await p.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  await p.ctx.close();
});

test('under a strict CSP, served from a sub-path, it renders and reacts with no violations', async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const strict = await startServer({ base: '/graphics/phase-one/', headers: { 'content-security-policy': csp } });
  try {
    const p = await ctx();
    const violations = [];
    await p.exposeFunction('reportViolation', (v) => violations.push(v));
    await p.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await p.goto(strict.url);
    await live(p);
    assert.ok(strict.log.every((u) => u.startsWith('/graphics/phase-one/')), strict.log.join(' '));
    await p.focus('[data-testid="rate-manufactured"]');
    await p.keyboard.press('End');
    assert.match(await text(p, 'verdict-2020'), /target met/);
    await p.click('[data-testid="timeline-event"] >> nth=3');
    await p.click('.p1-method > summary');
    await p.waitForSelector('.p1-method[open]');
    await frames(p);
    assert.deepEqual(violations, []);
    assert.deepEqual(p.errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
    assert.deepEqual(p.errors, []);
    await p.ctx.close();
  } finally {
    await strict.close();
  }
});

test('theme=dark|light|auto follows the option, and auto follows the reader', async () => {
  const bg = (p) => p.locator('.p1').evaluate((el) => getComputedStyle(el).backgroundColor);
  const p = await ctx({ colorScheme: 'light' });
  await open(p, w.server.url, '?theme=dark');
  assert.equal(await bg(p), 'rgb(18, 18, 18)');
  await open(p, w.server.url, '?theme=auto');
  assert.equal(await bg(p), 'rgb(255, 255, 255)');
  await p.ctx.close();
  const d = await ctx({ colorScheme: 'dark' });
  await open(d, w.server.url, '?theme=auto');
  assert.equal(await bg(d), 'rgb(18, 18, 18)');
  await open(d, w.server.url, '?theme=light');
  assert.equal(await bg(d), 'rgb(255, 255, 255)');
  await d.ctx.close();
});

test('a script embed five screens down loads nothing until the reader nears it, then works', async () => {
  const p = await ctx({ viewport: { width: 800, height: 700 } });
  const from = w.server.log.length;
  await p.goto(w.server.origin + '/long.html');
  // The loader has run and watches the page; what it would load at once is on its way.
  await p.waitForFunction(() => window.PhaseOneWidget);
  await p.waitForLoadState('networkidle');
  const before = w.server.log.slice(from);
  assert.ok(before.some((u) => u.endsWith('/embed.js')), before.join(' '));
  assert.ok(!before.some((u) => /\.(wasm|css)$|phase-one-widget-[^/]*\.js$/.test(u)), before.join(' '));
  assert.equal(await p.locator('#far[data-phase-one-mounted]').count(), 0);
  // The reader scrolls down: within a screen of the widget, it loads and renders.
  await p.evaluate(() => window.scrollTo(0, 2200));
  await p.waitForFunction(() => document.querySelector('#far')?.shadowRoot?.querySelector('.p1[data-live]'), null, { timeout: 15000 });
  assert.ok(w.server.log.slice(from).some((u) => u.endsWith('.wasm')));
  await p.locator('#far').scrollIntoViewIfNeeded();
  const before2020 = await p.locator('[data-testid="verdict-2020"]').innerText();
  await p.focus('[data-testid="rate-manufactured"]');
  await p.keyboard.press('End');
  await p.waitForFunction((b) => document.querySelector('#far').shadowRoot.querySelector('[data-testid="verdict-2020"]').innerText !== b, before2020);
  assert.match(await p.locator('[data-testid="verdict-2020"]').innerText(), /target met/);
  await p.ctx.close();
});
