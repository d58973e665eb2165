// The Simplified Chinese edition: its own prerendered page, the `lang` option by link and
// by embed attribute, every word Chinese where a reader looks (checked mechanically),
// figures in 亿美元 and dates in 年月, and nothing Chinese fetched by an English reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { E2E_ROOT } from '../lib/server.js';
import { useWidget } from '../lib/harness.js';
import { waitForApp } from '../lib/browser.js';
import { brokenFigures } from '../lib/cjk.js';
import { settled, intl, live } from '../lib/widget.js';

const page = (body) => ({ body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>文章</title><link rel="icon" href="data:,"></head><body>${body}</body></html>` });
const w = useWidget({
  pages: {
    '/zh-article.html': page(`<h1>一篇文章</h1>
      <div data-phase-one-widget data-lang="zh-Hans" data-view="both" id="zh"></div>
      <div data-phase-one-widget data-view="simulator" id="en"></div>
      <script type="module" src="/embed.js"></script>`),
  },
});
const ZH = '/index.zh-Hans.html';
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };

/** Latin words in the reader-facing text under `selector` (inside `root`), apart from
 *  names: text in an element marked with another language (the language switch), the
 *  documents' names and numbers, and the sources' outlets and titles. */
function englishWords(selector, rootSel, strict = false) {
  // Names: the apps, companies and bodies, and the formats and technologies a reader is
  // told about (the embed panel's iframe and script, the CSV downloads).
  const ALLOWED = new Set(['TikTok', 'Musical.ly', 'QQ', 'MGX', 'PIIE', 'CFIUS', 'JavaScript', 'CSV', 'iframe', 'pym.js', 'AMP', 'script', 'Shadow', 'DOM']);
  const root = rootSel ? document.querySelector(rootSel).shadowRoot : document;
  const lang = root.querySelector('.p1').lang;
  // Text marked as another language than the widget's (document titles, outlets with no
  // Chinese name); unless strict, the sources' and documents' lines too.
  // Strict, only the documents' names and numbers ("3:20-cv-05910"), code (the embed
  // snippets) and what is marked as no language at all (translate="no": addresses) are
  // skipped.
  const skip = (e) => e.closest(strict ? '.p1-instrument, textarea, script, style, [translate="no"]' : '.p1-event-foot, .p1-instrument, script, style, [translate="no"]') || e.closest('[lang]').lang !== lang;
  const found = [];
  for (const el of root.querySelectorAll(selector)) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (skip(n.parentElement)) continue;
      for (const word of n.data.match(/[A-Za-z][A-Za-z.'’-]*/g) ?? []) {
        if (!ALLOWED.has(word.replace(/\.$/, ''))) found.push(`${word} (in “${n.data.trim().slice(0, 60)}”)`);
      }
    }
    // Spoken names count too: aria-label, aria-valuetext and SVG titles.
    for (const a of el.querySelectorAll('[aria-label], [aria-valuetext]')) {
      if (skip(a)) continue;
      for (const attr of ['aria-label', 'aria-valuetext']) {
        for (const word of a.getAttribute(attr)?.match(/[A-Za-z][A-Za-z.'’-]*/g) ?? []) {
          if (!ALLOWED.has(word.replace(/\.$/, ''))) found.push(`${word} (in ${attr} “${a.getAttribute(attr).slice(0, 60)}”)`);
        }
      }
    }
  }
  return found;
}

/** The parts the issue names: verdicts, needed pace, chart, controls, timeline. */
const PARTS = ['.p1-head', '.p1-area-verdict', '.p1-area-chart', '.p1-area-rates', '.p1-area-outlook',
  '.p1-area-scenario', '.p1-area-notes', '[data-testid="timeline"]'];

const plain = (s) => s.replace(/\u2060/g, '');
const said = async (p, testid) => plain(await p.locator(`[data-testid="${testid}"]`).first().innerText());

test('the Chinese page: lang, 亿美元, 年月, and no English word where a reader looks', async () => {
  for (const opts of [PHONE, { viewport: { width: 1280, height: 900 } }]) {
    const p = await w.newPage(opts);
    await p.goto(w.server.url.replace(/\/$/, '') + ZH + '?events=all');
    await waitForApp(p);
    assert.equal(await p.getAttribute('html', 'lang'), 'zh-Hans');
    assert.equal(await p.getAttribute('.p1', 'lang'), 'zh-Hans');
    assert.match(await p.title(), /中国/);
    const v2020 = await said(p, 'verdict-2020');
    assert.match(v2020, /^2020年：658亿美元，目标1427亿美元——差769亿美元（完成目标的46%）$/);
    assert.match(await said(p, 'needed-pace'), /2020年：自2020年7月起每月\d+亿美元/);
    assert.match(plain(await p.locator('.p1-sofar').innerText()), /截至2020年6月底/);
    // The chart's axis and the as-of month, and a card's date.
    assert.match(plain(await p.locator('[data-testid="chart"]').textContent()), /单位：亿美元/);
    const ticks = await p.locator('[data-testid="chart"] svg.p1-svg .p1-grid-lines text').allTextContents();
    assert.ok(ticks.length > 3 && ticks.some((t) => /^\d{1,3}(,\d{3})*$/.test(t)), ticks.join(' | '));
    assert.ok(ticks.some((t) => /^\d{1,2}月$/.test(plain(t))), 'month labels as 6月');
    assert.match(plain(await p.locator('[data-testid="timeline-event"] .p1-event-date').first().textContent()), /^\d{4}年\d{1,2}月(\d{1,2}日)?$/);
    // No figure or date is broken across lines (every "1427亿美元" and "2020年6月").
    const broken = await p.evaluate(brokenFigures);
    assert.deepEqual(broken, []);
    const english = await p.evaluate(({ parts, fn }) => {
      // eslint-disable-next-line no-new-func
      const f = new Function(`return (${fn})`)();
      return parts.flatMap((s) => f(s));
    }, { parts: PARTS, fn: englishWords.toString() });
    assert.deepEqual(english, []);
    assert.deepEqual(p.errors, []);
    await p.close();
  }
});

test('a slider changes the Chinese verdict, and a deep link opens its event', async () => {
  const p = await w.newPage();
  await p.goto(w.server.url.replace(/\/$/, '') + ZH);
  await waitForApp(p);
  const before = await said(p, 'verdict-2020');
  await p.focus('[data-testid="rate-manufactured"]');
  for (let i = 0; i < 10; i++) await p.keyboard.press('ArrowRight');
  await p.waitForFunction((b) => document.querySelector('[data-testid="verdict-2020"]').innerText.replace(/\u2060/g, '') !== b, before);
  const after = await said(p, 'verdict-2020');
  // +$1.0bn a month for six months: 60亿美元 more, in Chinese.
  const bn = (s) => Number(s.match(/^2020年：([\d,]+)亿美元/)[1].replace(/,/g, ''));
  assert.ok(Math.abs(bn(after) - bn(before) - 60) <= 1, `${before} → ${after}`);
  assert.match(after, /^2020年：.*目标1427亿美元/);
  assert.match(await p.getAttribute('[data-testid="rate-manufactured"]', 'aria-valuetext'), /^每月[\d.]+.*亿.*美.*元$/);
  // The address follows (mirrored 150 ms after the last change) and keeps the language.
  await p.waitForFunction(() => /mfg=/.test(location.search));
  assert.match(await p.evaluate(() => location.search), /lang=zh-Hans/);

  const id = '2020-08-eo-13942-orders-ban';
  const deep = await w.newPage(PHONE);
  await deep.goto(w.server.url.replace(/\/$/, '') + ZH + `#event-${id}`);
  await waitForApp(deep);
  const card = deep.locator(`[data-testid="timeline-event"][data-event-id="${id}"]`);
  await deep.waitForFunction((id) => document.querySelector(`[data-testid="timeline-event"][data-event-id="${id}"]`)?.getAttribute('aria-current') === 'true', id);
  await settled(deep, (id) => document.querySelector(`[data-testid="timeline-event"][data-event-id="${id}"]`).getBoundingClientRect().y, id);
  assert.match(await card.locator('.p1-event-title').innerText(), /特朗普下令/);
  const box = await card.boundingBox();
  assert.ok(box && box.y >= -1 && box.y < 667, `event in view: ${JSON.stringify(box)}`);
  assert.equal(await deep.getAttribute(`[data-testid="chart-marker"][data-event-ids~="${id}"]`, 'aria-pressed'), 'true');
  assert.deepEqual([...p.errors, ...deep.errors], []);
  await p.close();
  await deep.close();
});

test('without JavaScript the Chinese page shows the verdict and every event; both pages link each other', async () => {
  const context = await w.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await p.goto(w.server.url.replace(/\/$/, '') + ZH);
  assert.match(plain(await p.locator('[data-testid="verdict-2020"]').innerText()), /^2020年：658亿美元，目标1427亿美元/);
  assert.match(await p.locator('[data-testid="no-script"]').textContent(), /^滑块、筛选和分享功能需要JavaScript/);
  const visible = () => p.locator('[data-testid="timeline-event"]:visible').count();
  assert.equal(await visible(), 12);
  assert.match(await p.locator('[data-testid="timeline-event"] .p1-event-title').first().textContent(), /[\u4e00-\u9fff]/);
  // Every event is on the Chinese page of every event, in Chinese.
  await p.click('[data-testid="show-all"]');
  await p.click('[data-testid="all-events-page"]');
  await p.waitForURL(/\/events\.zh-Hans\.html$/);
  assert.equal(await visible(), 74);
  assert.match(await p.locator('[data-testid="timeline-event"] .p1-event-title').first().textContent(), /[\u4e00-\u9fff]/);
  assert.equal(await p.locator('[data-testid="no-script"]:visible').count(), 0);
  await p.goto(w.server.url.replace(/\/$/, '') + ZH);
  assert.match(await p.locator('meta[name="description"]').getAttribute('content'), /第一阶段/);
  // Hydration keeps the prerendered Chinese text (the plain twin writes what Intl writes).
  const before = await Promise.all(['verdict-2020', 'needed-pace', 'chart'].map((t) => p.locator(`[data-testid="${t}"]`).first().textContent()));
  const live = await w.newPage();
  await live.goto(w.server.url.replace(/\/$/, '') + ZH);
  await waitForApp(live);
  await intl(live);
  const after = await Promise.all(['verdict-2020', 'needed-pace', 'chart'].map((t) => live.locator(`[data-testid="${t}"]`).first().textContent()));
  assert.deepEqual(after, before);
  assert.deepEqual(live.errors, []);
  await live.close();
  // Each page links the other through its language switch, which works without
  // JavaScript; the hreflang alternates, which must be absolute, come only with the
  // site's address (PHASE_ONE_SITE_URL; story.test.js), never relative.
  for (const [url, other] of [['/', 'index.zh-Hans.html'], [ZH, 'index.html']]) {
    await p.goto(w.server.url.replace(/\/$/, '') + url);
    assert.equal(await p.locator('link[rel="alternate"]').count(), 0, url);
    assert.match(await p.getAttribute('[data-testid="lang-switch"]', 'href'), new RegExp(`^${other.replace('.', '\\.')}`));
  }
  await context.close();
});

test('the language switch: on the widget\'s own page only, keeping the view', async () => {
  const p = await w.newPage();
  const requests = [];
  p.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await p.goto(w.server.url + '?basis=cn&asof=2020-06');
  await waitForApp(p);
  // An English reader fetches no Chinese text.
  assert.deepEqual(requests.filter((r) => /zh-Hans/.test(r)), []);
  // The mechanical check does find English where there is English.
  const found = await p.evaluate(({ parts, fn }) => {
    const f = new Function(`return (${fn})`)();
    return parts.flatMap((s) => f(s));
  }, { parts: PARTS, fn: englishWords.toString() });
  assert.ok(found.length > 100 && found.some((w) => w.startsWith('Whose')), found.slice(0, 5).join('; '));
  const link = p.locator('[data-testid="lang-switch"]');
  assert.equal(await link.innerText(), '中文');
  assert.equal(await link.getAttribute('lang'), 'zh-Hans');
  await link.click();
  await p.waitForURL(/index\.zh-Hans\.html\?.*basis=cn/);
  await waitForApp(p);
  assert.match(await said(p, 'verdict-2020'), /^2020年：/);
  assert.match(p.url(), /asof=2020-06/);
  assert.equal(await p.locator('[data-testid="lang-switch"]').innerText(), 'English');
  // Inside someone else's iframe the widget follows its host: no switch.
  const framed = await w.newPage();
  await framed.setContent(`<iframe src="${w.server.url.replace(/\/$/, '')}${ZH}?lang=zh-Hans" width="600" height="800"></iframe>`);
  const f = await (await framed.waitForSelector('iframe')).contentFrame();
  await live(f);
  assert.equal(await f.locator('[data-testid="lang-switch"]').isVisible(), false);
  assert.deepEqual([...p.errors, ...framed.errors], []);
  await p.close();
  await framed.close();
});

test('lang=zh-Hans by link on the English page, and data-lang on a script embed', async () => {
  const p = await w.newPage();
  await p.goto(w.server.url + '?lang=zh-Hans');
  await waitForApp(p);
  assert.equal(await p.getAttribute('.p1', 'lang'), 'zh-Hans');
  // The page takes the language it now speaks: its lang, and the Chinese page's title.
  const zhTitle = await (await fetch(w.server.url + ZH.replace(/^\//, ''))).text().then((h) => h.match(/<title>([^<]*)<\/title>/)[1]);
  assert.match(zhTitle, /^中国承诺/);
  assert.deepEqual(await p.evaluate(() => [document.documentElement.lang, document.title]), ['zh-Hans', zhTitle]);
  assert.match(await said(p, 'verdict-2020'), /^2020年：658亿美元/);
  // The share panel's snippets carry the language and point at the Chinese page.
  await p.click('[data-testid="embed-panel"] > summary');
  const code = await p.locator('[data-testid="embed-panel"] textarea').evaluateAll((ts) => ts.map((t) => t.value));
  assert.ok(code.some((c) => /index\.zh-Hans\.html\?[^"]*lang=zh-Hans/.test(c)), code.join('\n'));
  assert.ok(code.some((c) => /data-lang="zh-Hans"/.test(c)), code.join('\n'));

  const host = await w.newPage({ viewport: { width: 1000, height: 800 } });
  await host.goto(w.server.url.replace(/\/$/, '') + '/zh-article.html');
  const inShadow = (id, sel) => host.evaluate(({ id, sel }) => document.getElementById(id).shadowRoot?.querySelector(sel)?.textContent ?? null, { id, sel });
  await host.waitForFunction(() => ['zh', 'en'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.p1[data-live]')));
  assert.match(plain(await inShadow('zh', '[data-testid="verdict-2020"]')), /^2020年：/);
  assert.match(await inShadow('en', '[data-testid="verdict-2020"]'), /^2020: \$65\.8bn/);
  assert.equal(await host.evaluate(() => document.getElementById('zh').shadowRoot.querySelector('.p1').lang), 'zh-Hans');
  // A host page keeps its own language and title.
  assert.deepEqual(await host.evaluate(() => [document.documentElement.lang, document.title]), ['zh-CN', '文章']);
  assert.equal(await host.evaluate(() => document.getElementById('zh').shadowRoot.querySelector('[data-testid="lang-switch"]').hidden), true);
  const english = await host.evaluate(({ parts, fn }) => {
    const f = new Function(`return (${fn})`)();
    return parts.flatMap((s) => f(s, '#zh'));
  }, { parts: PARTS, fn: englishWords.toString() });
  assert.deepEqual(english, []);
  assert.deepEqual([...p.errors, ...host.errors], []);
  await p.close();
  await host.close();
});

test('axe: no serious or critical violations on the Chinese page, phone and desktop dark', async () => {
  for (const opts of [PHONE, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }]) {
    const p = await w.newPage(opts);
    await p.goto(w.server.url.replace(/\/$/, '') + ZH + '?events=all&asof=2021-11');
    await waitForApp(p);
    const results = await new AxeBuilder({ page: p }).analyze();
    const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`), []);
    await p.close();
  }
});

test('an older browser: the Chinese page and a Chinese embed say so in Chinese, an English one in English', async () => {
  const p = await w.newPage();
  const requests = [];
  p.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await p.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (...a) => (a.join(' ').includes('light-dark') ? false : supports(...a));
  });
  await p.goto(w.server.url.replace(/\/$/, '') + ZH + '?basis=cn');
  await p.waitForSelector('.p1-failed');
  assert.equal(await p.locator('.p1-failed').innerText(), '互动工具无法在此浏览器中启动。 无法显示此链接所要求的视图（basis=cn）。');
  assert.match(plain(await p.locator('[data-testid="verdict-2020"]').innerText()), /^2020年：/);
  await p.goto(w.server.url.replace(/\/$/, '') + '/zh-article.html');
  await p.waitForFunction(() => document.querySelectorAll('.p1-failed').length === 2);
  assert.match(await p.locator('#zh .p1-failed').innerText(), /^互动工具无法在此浏览器中启动。 在单独页面中打开$/);
  assert.match(await p.locator('#zh .p1-failed a').getAttribute('href'), /index\.zh-Hans\.html$/);
  assert.match(await p.locator('#en .p1-failed').innerText(), /^The interactive widget could not start in this browser\. Open it on its own page$/);
  // The Chinese words came from the Chinese strings file, fetched only now; the English
  // page's loader carries none.
  assert.ok(requests.includes('/locale/zh-Hans.loader.json'));
  const loader = await (await fetch(w.server.url + 'embed.js')).text();
  assert.doesNotMatch(loader, /[\u4e00-\u9fff]/);
  await p.close();
});

test('bad language files: the widget starts in English, or keeps English for a broken text', async () => {
  // The files can't be loaded: English, working, and the console says why.
  const p = await w.newPage();
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.route('**/locale/zh-Hans.csv', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await p.goto(w.server.url.replace(/\/$/, '') + ZH);
  await waitForApp(p);
  assert.match(await p.locator('[data-testid="verdict-2020"]').innerText(), /^2020: \$65\.8bn of \$142\.7bn/);
  assert.equal(await p.locator('[data-testid="timeline-event"]').count(), 12);
  assert.match(await p.locator('[data-testid="show-all"]').innerText(), /^Show all 74 events/);
  assert.ok(warnings.some((t) => /could not load .*zh-Hans\.csv; showing English/.test(t)), warnings.join('\n'));
  // Only the browser's own line about the 404.
  assert.deepEqual(p.errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
  await p.close();

  // A translator's slip (a placeholder dropped, a stray row): that text stays English, the
  // rest is Chinese, and the console names the line.
  const strings = fs.readFileSync(path.join(E2E_ROOT, '../../static/locale/zh-Hans.csv'), 'utf8')
    .replace(/^verdict_missed,.*$/m, 'verdict_missed,{year}年：没有差距')
    .concat('\nnot_a_key,多余的一行\n');
  const { p: q, said } = await withFile('**/locale/zh-Hans.csv', strings);
  assert.match(plain(await q.locator('[data-testid="verdict-2020"]').innerText()), /^2020: 658亿美元 of 1427亿美元 — missed by 769亿美元/);
  assert.match(plain(await q.locator('.p1-sofar').innerText()), /^截至2020年6月底/);
  assert.ok(said.some((t) => /zh-Hans\.csv, line \d+, field “text”: the text must use the placeholders/.test(t)), said.join('\n'));
  assert.ok(said.some((t) => /unknown key “not_a_key”/.test(t)), said.join('\n'));
  await q.close();
});

/** The Chinese page with one of its files given as `body`, started; and the console's
 *  warnings as they come. */
async function withFile(glob, body) {
  const p = await w.newPage();
  const said = [];
  p.on('console', (m) => { if (m.type() === 'warning') said.push(m.text()); });
  await p.route(glob, (r) => r.fulfill({ status: 200, contentType: 'text/csv', body }));
  await p.goto(w.server.url.replace(/\/$/, '') + ZH);
  await waitForApp(p);
  return { p, said };
}

test('a slip in a row for an event beyond the key moments is named once every event has come', async () => {
  // The file given with a row for an event no timeline has: the key moments can't tell,
  // every event can.
  const events = fs.readFileSync(path.join(E2E_ROOT, '../../static/data/timeline.zh-Hans.csv'), 'utf8')
    .trimEnd().concat('\nnot-an-event,标题,注释,,,\n');
  const { p, said } = await withFile('**/data/timeline.zh-Hans.csv', events);
  await intl(p);
  assert.deepEqual(said, [], 'nothing to say against the key moments');
  await p.click('[data-testid="show-all"]');
  await p.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  assert.ok(said.some((t) => /timeline\.zh-Hans\.csv, line \d+, field “id”: no event in the timeline has the id “?not-an-event/.test(t)), said.join('\n'));
  // The real events keep their Chinese.
  assert.match(await p.locator('[data-event-id="2019-05-trump-declares-icts-supply"] .p1-event-title').innerText(), /[\u4e00-\u9fff]/);
  assert.deepEqual(p.errors, []);
  await p.close();
});

/** A CSV file's rows (quoted fields, doubled quotes), for the glossary. */
function csvRows(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('the whole Chinese page, every section open: no English outside lang="en", nothing invisible, figures as Chinese papers write them, one name for each thing', async () => {
  const glossary = csvRows(fs.readFileSync(path.join(E2E_ROOT, '../../static/glossary.zh-Hans.csv'), 'utf8')).slice(1);
  const banned = glossary.flatMap(([, use, avoid]) => (avoid ? avoid.split('|').map((a) => [a, use.split('|')]) : []));
  for (const opts of [PHONE, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }]) {
    const p = await w.newPage(opts);
    // A notice too: a link to an event the timeline doesn't have.
    await p.goto(w.server.url.replace(/\/$/, '') + ZH + '?events=all#event-no-such-event');
    await waitForApp(p);
    await p.locator('[data-testid="notice-unknown-event"]').waitFor();
    // Every <details> open (method, sources, the data table, the share panel, each event's
    // "More"), and a marker's panel.
    await p.locator('[data-testid="chart-marker"]').first().click();
    await p.locator('[data-testid="moment-panel"]').waitFor();
    await p.evaluate(() => { for (const d of document.querySelectorAll('.p1 details')) d.open = true; });
    await p.waitForFunction(() => document.querySelector('[data-testid="embed-iframe"]')?.value);
    const english = await p.evaluate(({ fn }) => {
      // eslint-disable-next-line no-new-func
      const f = new Function(`return (${fn})`)();
      return f('.p1', null, true);
    }, { fn: englishWords.toString() });
    assert.deepEqual(english, [], 'English outside lang="en"');
    const text = await p.evaluate(() => document.querySelector('.p1').innerText);
    assert.ok(!text.includes('\u2060'), 'no word joiner in the text');
    const html = await p.evaluate(() => document.querySelector('.p1').innerHTML);
    assert.ok(!html.includes('\u2060'), 'no word joiner in the markup');
    assert.doesNotMatch(text, /\d,\d{3}亿/, 'four-digit figures ungrouped (2000亿美元)');
    const found = banned.filter(([a, uses]) => text.split(a).length - 1 > uses.reduce((n, u) => n + (u.includes(a) ? text.split(u).length - 1 : 0), 0));
    assert.deepEqual(found.map(([a]) => a), [], 'a variant the glossary bans');
    // Document titles keep their own language, and say so.
    assert.ok(await p.locator('[data-testid="method-source"] bdi[lang="en"]').count() > 10);
    await p.close();
  }
});

test('a copied Chinese verdict pastes as its figures, with nothing invisible', async () => {
  const p = await w.newPage(PHONE);
  await p.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: w.server.origin });
  await p.goto(w.server.url.replace(/\/$/, '') + ZH);
  await waitForApp(p);
  await p.evaluate(() => {
    const el = document.querySelector('[data-testid="verdict-2020"]');
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await p.evaluate(() => document.execCommand('copy'));
  const pasted = await p.evaluate(() => navigator.clipboard.readText());
  assert.equal(pasted, '2020年：658亿美元，目标1427亿美元——差769亿美元（完成目标的46%）');
  await p.close();
});
