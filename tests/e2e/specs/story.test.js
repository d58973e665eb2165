// The story first (#26): the first screen says what happened and why TikTok and WeChat
// are here; the chart names its moments in words; a marker opens its events where the
// reader is; the reconciliation is a list of counts; and the smaller things a reader
// noticed (the legend, "More", unknown event links, filters in links, the method link).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { useWidget } from '../lib/harness.js';
import { DIST, E2E_ROOT } from '../lib/server.js';
import { open, settled, live } from '../lib/widget.js';

const w = useWidget({
  pages: {
    '/article.html': {
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Article</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>body{margin:0;font:18px Georgia,serif}main{max-width:620px;margin:0 auto;padding:0 16px}</style></head>
        <body><main><h1>An article</h1>${'<p>Text above the graphic, a paragraph of it.</p>'.repeat(8)}
        <iframe data-phase-one-frame src="/index.html" title="Phase One widget" width="100%" height="600" scrolling="no" frameborder="0"></iframe>
        <p id="after">Text after the graphic.</p></main>
        <script type="module" src="/resize.js"></script></body></html>`,
    },
  },
});

const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const ZH = 'index.zh-Hans.html';

/** The part of an element inside the viewport, as a share of its height (0 to 1). */
const shownShare = (page, sel) => page.locator(sel).first().evaluate((el) => {
  const r = el.getBoundingClientRect();
  const seen = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
  return r.height > 0 ? Math.max(0, seen) / r.height : 0;
});

test('the first screen says what happened, with its scope, and why the apps are here', async () => {
  const cases = [
    [PHONE, '', /Of the goods alone, it bought 60%/, /57% of the American goods and services it had promised.*\$13\.6bn less than two years at its 2017 level/, /Why TikTok and WeChat are here/, /PIIE/],
    [DESKTOP, '', /Of the goods alone, it bought 60%/, /57% of the American goods and services it had promised.*\$13\.6bn less than two years at its 2017 level/, /Why TikTok and WeChat are here/, /PIIE/],
    [PHONE, ZH, /仅看商品，则为60%/, /美国商品和服务相当于.*承诺额的57%，比两年均维持2017年的水平还少136亿美元/, /为何关注TikTok与微信禁令/, /彼得森国际经济研究所/],
    [DESKTOP, ZH, /仅看商品，则为60%/, /美国商品和服务相当于.*承诺额的57%，比两年均维持2017年的水平还少136亿美元/, /为何关注TikTok与微信禁令/, /彼得森国际经济研究所/],
  ];
  for (const [opts, path, goods, all, why, who] of cases) {
    const page = await w.newPage(opts);
    await open(page, w.server.url, path);
    const label = `${path || 'en'} ${opts.viewport.width}`;
    const dek = (await page.innerText('[data-testid="dek"]')).replace(/\u2060/g, '');
    assert.match(dek, goods, label);
    assert.match(dek, all, label);
    assert.match(dek, who, label);
    const apps = await page.innerText('[data-testid="why-apps"]');
    assert.match(apps, why, label);
    assert.match(apps.replace(/\u2060/g, ''), /23%/, `${label}: the share bought by June 2020, from the data`);
    // Both, whole, in the first screen, and so is "Copy link".
    for (const sel of ['[data-testid="headline"]', '[data-testid="dek"]', '[data-testid="why-apps"]', '[data-testid="copy-link-top"]']) {
      assert.equal(await shownShare(page, sel), 1, `${label}: ${sel} in the first screen`);
    }
    // The headline is past tense and says the outcome; the simulator is a rewind.
    const h1 = await page.innerText('h1');
    assert.doesNotMatch(h1, /Is China buying/, label);
    const rewind = (await page.innerText('[data-testid="rewind"]')).replace(/\u2060/g, '');
    assert.match(rewind, path ? /^回到2020年6月/ : /^Rewind to June 2020/, label);
    // Its link goes to the event it rests on, in place.
    await page.click('[data-testid="why-apps"] a');
    const card = '[data-testid="timeline-event"][data-event-id="2020-08-beijing-plans-raise-tiktok"]';
    await page.waitForSelector(`${card}[aria-current="true"]`);
    await page.waitForFunction((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return r.top >= -1 && r.bottom <= innerHeight + 1;
    }, card);
    await page.close();
  }
});

/** The chart's labels (named moments, the cut-off, the target labels, the y-axis labels)
 *  as boxes, and which of them overlap. */
const labelBoxes = (page) => page.evaluate(() => {
  const svg = document.querySelector('[data-testid="chart"] .p1-svg');
  const box = (el) => { const r = el.getBoundingClientRect(); return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; };
  const moments = [...svg.querySelectorAll('[data-testid="chart-moment"] text')].map((t) => ({ kind: 'moment', text: t.textContent.trim(), ...box(t) }));
  const others = [...svg.querySelectorAll('.p1-asof-label, .p1-direct-target, .p1-axis-label, .p1-year-label')]
    .map((t) => ({ kind: t.getAttribute('class'), text: t.textContent.trim(), ...box(t) }));
  const s = box(svg);
  const hit = (a, b) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
  const clashes = [];
  for (const [i, m] of moments.entries()) {
    for (const o of [...moments.slice(i + 1), ...others]) if (hit(m, o)) clashes.push(`${m.text} × ${o.text}`);
    if (m.x0 < s.x0 - 0.5 || m.x1 > s.x1 + 0.5) clashes.push(`${m.text} runs off the chart`);
  }
  // The cut-off's label and the year line never cross.
  const asof = others.find((o) => o.kind.includes('p1-asof-label'));
  const divider = box(svg.querySelector('.p1-year-divider'));
  if (asof && hit(asof, { ...divider, x0: divider.x0 - 1, x1: divider.x1 + 1 })) clashes.push('as-of label × year line');
  // Drawn after the moments' guide lines, so that its halo covers them where they cross it.
  const label = svg.querySelector('.p1-asof-label');
  const lastGuide = [...svg.querySelectorAll('[data-testid="chart-moment"], [data-testid="chart-marker"]')].pop();
  if (label && lastGuide && !(lastGuide.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING)) clashes.push('as-of label under the moments\' lines');
  return { moments: moments.map((m) => m.text), clashes };
});

test('the chart names at least three moments, clear of each other, the lines\' labels and the axes', async () => {
  for (const [width, path] of [[320, ''], [375, ''], [768, ''], [1280, ''], [320, ZH], [1280, ZH]]) {
    for (const asof of ['', path ? '?lang=zh-Hans&asof=2021-03' : '?asof=2021-03']) {
      const page = await w.newPage({ viewport: { width, height: 800 } });
      await open(page, w.server.url, (path || '') + asof);
      const { moments, clashes } = await labelBoxes(page);
      const label = `${width} px ${path || 'en'} ${asof}`;
      assert.ok(moments.length >= 3, `${label}: ${moments.join(' | ')}`);
      assert.deepEqual(clashes, [], label);
      // Wide: the words on the chart. Narrow: numbered callouts, keyed in words right
      // under the chart (the key shows only then).
      const key = page.locator('[data-testid="moment-key"]');
      let words = moments;
      if (width < 480) {
        assert.deepEqual(moments, moments.map((_, i) => String(i + 1)), `${label}: numbered callouts`);
        assert.ok(await key.isVisible(), `${label}: the key is shown`);
        words = (await key.locator('li').allInnerTexts()).map((t) => t.replace(/\u2060/g, ''));
        assert.equal(words.length, moments.length, `${label}: a key line for each callout`);
        const gap = await page.evaluate(() => {
          const k = document.querySelector('[data-testid="moment-key"]').getBoundingClientRect();
          const c = document.querySelector('[data-testid="chart"] .p1-svg').getBoundingClientRect();
          return c.top - k.bottom;
        });
        assert.ok(gap >= -1 && gap < 60, `${label}: the key sits right over the chart (${gap} px)`);
      } else {
        assert.ok(!(await key.isVisible()), `${label}: no key beside labels in words`);
      }
      if (path) assert.ok(words.every((m) => !/[A-Za-z]{3,}/.test(m.replace(/TikTok|WeChat/g, ''))), `${label}: in Chinese: ${words}`);
      else assert.ok(words.some((m) => /Trump orders app bans/.test(m)) && words.some((m) => /Biden revokes orders/.test(m)), `${label}: ${words}`);
      await page.close();
    }
  }
});

test('a marker opens its events by the chart, without moving the page, and Escape returns', async () => {
  // Mouse, on a desktop: the cluster of August 2020 holds several events.
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  const marker = page.locator('[data-testid="chart-marker"][data-event-ids~="2020-08-eo-13942-orders-ban"]');
  const ids = (await marker.getAttribute('data-event-ids')).split(' ');
  assert.ok(ids.length >= 2, `a cluster: ${ids}`);
  await marker.evaluate((m) => m.scrollIntoView({ block: 'center' }));
  const before = await page.evaluate(() => scrollY);
  await marker.click();
  const panel = page.locator('[data-testid="moment-panel"]');
  await panel.waitFor();
  // Every event of the cluster, not only the first, with date, title, source and a way on.
  assert.deepEqual(await panel.locator('[data-event-id]').evaluateAll((es) => es.map((e) => e.dataset.eventId)), ids);
  assert.ok(await panel.locator('a[href^="https://"]').count() >= ids.length, 'each with its source');
  const moved = Math.abs((await settled(page, () => scrollY)) - before);
  assert.ok(moved <= 120, `the page moved ${moved} px`);
  assert.equal(await shownShare(page, '[data-testid="moment-panel"] .p1-panel-head'), 1, 'the panel\'s head is in view');
  assert.equal(await shownShare(page, '[data-testid="moment-panel"] .p1-panel-event'), 1, 'and its first event');
  assert.equal(await marker.getAttribute('aria-expanded'), 'true');
  // Focus went to the panel; Escape closes it and returns focus to the marker.
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="moment-panel"]'));
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventIds?.split(' ').includes(id), ids[0]);
  // The close button does the same; a click on a label opens its marker's events.
  await page.click('[data-testid="chart-moment"][data-event-id="2021-06-bidens-eo-14034-revokes"] text');
  await page.waitForSelector('[data-testid="moment-panel"] [data-event-id="2021-06-bidens-eo-14034-revokes"]');
  await page.click('[data-testid="moment-close"]');
  await panel.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset?.eventIds?.includes('2021-06-bidens-eo-14034-revokes'));
  assert.deepEqual(page.errors, []);
  await page.close();

  // Touch, on a phone.
  const phone = await w.newPage(PHONE);
  await open(phone, w.server.url);
  const m = phone.locator('[data-testid="chart-marker"]').first();
  await m.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const y0 = await phone.evaluate(() => scrollY);
  const box = await m.locator('.p1-marker-hit').boundingBox();
  await phone.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await phone.locator('[data-testid="moment-panel"]').waitFor();
  const y1 = await settled(phone, () => scrollY);
  assert.ok(Math.abs(y1 - y0) <= 200, `the page moved ${y1 - y0} px on a phone`);
  assert.ok(await shownShare(phone, '[data-testid="moment-panel"] .p1-panel-head') === 1, 'the panel\'s head is in view');
  await phone.close();

  // In an auto-height iframe in an article: the article's page hardly moves either.
  const article = await w.newPage(PHONE);
  await article.goto(w.server.origin + '/article.html');
  const frame = await (await article.waitForSelector('iframe')).contentFrame();
  await live(frame);
  await article.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 1000);
  const fm = frame.locator('[data-testid="chart-marker"]').first();
  await fm.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const a0 = await settled(article, () => scrollY);
  const fbox = await fm.locator('.p1-marker-hit').boundingBox();
  await article.touchscreen.tap(fbox.x + fbox.width / 2, fbox.y + fbox.height / 2);
  await frame.locator('[data-testid="moment-panel"]').waitFor();
  const a1 = await settled(article, () => scrollY);
  assert.ok(Math.abs(a1 - a0) <= 200, `the article moved ${a1 - a0} px`);
  const panelTop = await frame.locator('[data-testid="moment-panel"]').evaluate((el) => el.getBoundingClientRect().top);
  const frameTop = await article.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top);
  assert.ok(frameTop + panelTop < 667 && frameTop + panelTop > 0, `the panel starts in the article's view: ${frameTop + panelTop}`);
  await article.close();
});

test('a filter named in a link is applied; an unknown event link says so', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url, '?apps=wechat');
  const listed = page.locator('[data-testid="timeline-event"]');
  assert.ok(await listed.count() > 0);
  const tags = await listed.evaluateAll((cards) => cards.map((c) => c.querySelector('.p1-tags').textContent));
  assert.ok(tags.every((t) => t.includes('WeChat')), tags.join(' | '));
  assert.equal(await page.getAttribute('[data-testid="timeline-section"]', 'data-events'), 'all');
  assert.equal(await page.isChecked('[data-testid="filter-app-tiktok"]'), false);
  // The chart's markers are the same events.
  const marked = (await page.locator('[data-testid="chart-marker"]').evaluateAll((ms) => ms.map((m) => m.dataset.eventIds.split(' ')))).flat();
  const ids = await listed.evaluateAll((cards) => cards.map((c) => c.dataset.eventId));
  assert.ok(marked.length > 0 && marked.every((id) => ids.includes(id)));
  await page.close();

  const lost = await w.newPage(DESKTOP);
  await open(lost, w.server.url, '#event-2020-13-no-such-thing');
  const notice = lost.locator('[data-testid="notice-unknown-event"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /doesn't have \(“2020-13-no-such-thing”\)/);
  assert.equal(await lost.locator('[data-testid="timeline-event"][aria-current="true"]').count(), 0);
  await lost.close();
});

test('the legend follows what is drawn; "More" only where there is more; the method is a link', async () => {
  const page = await w.newPage(DESKTOP);
  await open(page, w.server.url);
  const legend = () => page.locator('.p1-legend li').allInnerTexts();
  assert.ok((await legend()).includes('Your projection'));
  assert.ok((await legend()).includes('What came next'));
  await page.click('[data-preset="actual"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="projection-2020"]')?.getAttribute('d'));
  const after = await legend();
  assert.ok(!after.includes('Your projection') && !after.includes('What came next'), after.join(' | '));
  assert.ok(after.includes('Actual') && after.includes('Target path'));

  // An event whose annotation, sources and document all show on the card has no "More".
  await open(page, w.server.url, '?events=all');
  const cards = await page.locator('[data-testid="timeline-event"]').evaluateAll((cs) => cs.map((c) => ({
    more: !!c.querySelector('.p1-more'),
    link: !!c.querySelector('[data-testid="event-link"]'),
  })));
  assert.equal(cards.length, 74);
  assert.ok(cards.every((c) => c.link), 'every event keeps its link');
  assert.ok(cards.some((c) => !c.more), 'some events have nothing more');
  const empty = await page.locator('.p1-more').evaluateAll((ds) => ds.filter((d) => !d.querySelector('.p1-instrument, .p1-annotation:not(.p1-lead-copy)')).length);
  assert.equal(empty, 0, '"More" that would reveal only the event\'s link');

  // "How we calculated this" is a link: it opens the method and takes the reader there.
  await open(page, w.server.url);
  await page.click('[data-testid="method-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="method"]').open);
  assert.ok(await shownShare(page, '[data-testid="method"] > summary') === 1);
  await page.close();
});

test('the reconciliation lists each count with its share, scope and source', async () => {
  const page = await w.newPage(PHONE);
  await open(page, w.server.url);
  const counts = page.locator('[data-testid="count"]');
  assert.ok(await counts.count() >= 4);
  const rows = await counts.evaluateAll((cs) => cs.map((c) => ({
    fig: c.querySelector('.p1-fig').textContent,
    scope: c.querySelector('.p1-scope').textContent,
    source: c.querySelector('[data-testid="count-source"]')?.textContent ?? null,
    text: c.textContent,
  })));
  // The final counts, each sourced, then this widget's own share, derived.
  const own = rows.at(-1);
  assert.match(own.text, /this widget's own figures, with December 2021 missing/);
  assert.match(own.text, /\$190\.2bn by the end of November 2021 of the \$319\.6bn promised/);
  assert.match(own.text, /derived/i);
  for (const r of rows.slice(0, -1)) assert.ok(r.source && /\d{4}/.test(r.source), JSON.stringify(r));
  assert.deepEqual(rows.map((r) => r.fig), ['57%', '58%', '62.9%', '60%', '60%']);
  // The intro states the share its figures make: $288.8bn of $502.4bn.
  assert.match(await page.innerText('.p1-reconcile'), /it bought \$288\.8bn, 57% of the promise/);
  assert.ok(rows.every((r) => /goods/i.test(r.scope)));
  const missing = await page.innerText('[data-testid="reconcile-missing"]');
  assert.match(missing, /stop at November 2021/);
  assert.match(missing, /December 2021/);
  assert.match(missing, /cover all of 2021/);
  await page.close();
});

test('axe: no serious or critical violations with a marker\'s events open, both languages', async () => {
  for (const [opts, path] of [[PHONE, ''], [{ ...DESKTOP, colorScheme: 'dark' }, ''], [PHONE, ZH]]) {
    const page = await w.newPage(opts);
    await open(page, w.server.url, path);
    await page.locator('[data-testid="chart-marker"]').first().click();
    await page.locator('[data-testid="moment-panel"]').waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`), [], path);
    await page.close();
  }
});

/** The content of a page's <meta property|name="key">, or undefined. */
function meta(html, key) {
  const m = html.match(new RegExp(`<meta (?:property|name)="${key.replace(/:/g, '\\:')}" content="([^"]*)">`));
  return m?.[1];
}

test('canonical, hreflang, og:url and og:image: absolute with PHASE_ONE_SITE_URL, absent without it; the card tags always', () => {
  // Without the setting (this build): no relative alternates, no canonical, no og:url or
  // og:image; the title, description, locale and card type are there.
  for (const [page, locale, title] of [['index.html', 'en_GB', /^China promised \$200bn more/], ['index.zh-Hans.html', 'zh_CN', /^中国承诺/]]) {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    assert.doesNotMatch(html, /hreflang="[^"]+" href="(?!https?:)/, `${page}: a relative hreflang`);
    assert.doesNotMatch(html, /rel="canonical"/, page);
    for (const key of ['og:url', 'og:image', 'og:image:alt', 'og:image:width']) assert.equal(meta(html, key), undefined, `${page} ${key}`);
    assert.match(meta(html, 'og:title'), title, page);
    assert.ok(meta(html, 'og:description').length > 60, page);
    assert.doesNotMatch(meta(html, 'og:title'), /\u2060/, `${page}: word joiners in og:title`);
    assert.equal(meta(html, 'og:locale'), locale, page);
    assert.equal(meta(html, 'twitter:card'), 'summary_large_image', page);
  }
  // With it: the post-build step, run on a staged copy of the build, writes absolute links.
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'p1-stage-'));
  try {
    for (const f of fs.readdirSync(DIST)) {
      if (!f.endsWith('.html')) fs.cpSync(path.join(DIST, f), path.join(stage, f), { recursive: true });
    }
    fs.copyFileSync(path.join(E2E_ROOT, '../../index.html'), path.join(stage, 'index.html'));
    const run = (site) => execFileSync('cargo', ['run', '--quiet', '--bin', 'postbuild'], {
      cwd: path.join(E2E_ROOT, '../..'),
      env: { ...process.env, TRUNK_STAGING_DIR: stage, PHASE_ONE_SITE_URL: site },
      stdio: 'pipe',
    });
    run('https://news.example.org/graphics/phase-one');
    const en = fs.readFileSync(path.join(stage, 'index.html'), 'utf8');
    const zh = fs.readFileSync(path.join(stage, 'index.zh-Hans.html'), 'utf8');
    const site = 'https://news.example.org/graphics/phase-one/';
    for (const [html, own] of [[en, 'index.html'], [zh, 'index.zh-Hans.html']]) {
      assert.ok(html.includes(`<link rel="canonical" href="${site}${own}">`), own);
      assert.ok(html.includes(`<link rel="alternate" hreflang="en" href="${site}index.html">`), own);
      assert.ok(html.includes(`<link rel="alternate" hreflang="zh-Hans" href="${site}index.zh-Hans.html">`), own);
      assert.ok(html.includes(`<link rel="alternate" hreflang="x-default" href="${site}index.html">`), own);
      // The social card: absolute, with its size and alt text, and the file is there.
      const lang = own === 'index.html' ? 'en' : 'zh-Hans';
      assert.equal(meta(html, 'og:url'), `${site}${own}`);
      assert.equal(meta(html, 'og:image'), `${site}images/card.${lang}.png`);
      assert.equal(meta(html, 'og:image:width'), '1200');
      assert.equal(meta(html, 'og:image:height'), '630');
      assert.ok(meta(html, 'og:image:alt').length > 80, own);
      assert.equal(meta(html, 'twitter:image:alt'), meta(html, 'og:image:alt'));
      assert.ok(fs.statSync(path.join(stage, `images/card.${lang}.png`)).size > 20_000);
      // The fallback links to the page, absolute, in its words.
      const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'images/pictures.json'), 'utf8'));
      assert.ok(manifest[lang].fallback.every((f) => f.alt.length > 200));
      assert.ok(fs.readFileSync(path.join(stage, `images/fallback.${lang}.svg`), 'utf8').includes(`${site}${own}`));
    }
    // A setting that isn't an absolute address fails the build, naming the variable.
    fs.copyFileSync(path.join(E2E_ROOT, '../../index.html'), path.join(stage, 'index.html'));
    assert.throws(() => run('news.example.org/phase-one'), (e) => /PHASE_ONE_SITE_URL must be the absolute/.test(String(e.stderr)));
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
});
