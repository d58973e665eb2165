// The annotated timeline and its links with the chart, against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { E2E_ROOT } from '../lib/server.js';
import { useWidget } from '../lib/harness.js';
import { open, query, settledUrl, settled, frames } from '../lib/widget.js';

const w = useWidget({
    files: { '/fixtures/timeline-hostile.csv': path.join(E2E_ROOT, 'fixtures/timeline-hostile.csv') },
});
const newPage = (opts) => w.newPage(opts);


// The listed events (only they are in the page).
const events = (page) => page.locator('[data-testid="timeline-event"]');
const eventIds = (page) => events(page).evaluateAll((els) => els.map((e) => e.dataset.eventId));

test('filters change the list, their counts and the URL', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  assert.equal(await events(page).count(), 12, 'the key moments');
  await page.click('[data-testid="show-all"]');
  await page.waitForSelector('[data-testid="filters"]');
  assert.equal((await query(page)).events, 'all');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  assert.match(await page.innerText('[data-testid="timeline-count"]'), /Showing 74 of 74 events/);
  assert.equal(await page.getAttribute('.p1-filters', 'aria-label'), 'Filter the events');

  await page.uncheck('[data-testid="filter-app-tiktok"]');
  assert.equal(await events(page).count(), 16, 'WeChat and both-app events');
  assert.equal((await query(page)).apps, 'wechat');
  const tags = await page.locator('[data-testid="timeline-event"] .p1-tags').allTextContents();
  assert.ok(tags.every((t) => t.includes('WeChat')));

  await page.check('[data-testid="filter-period-deal"]');
  const ids = await eventIds(page);
  assert.ok(ids.length > 0 && ids.every((id) => id.startsWith('2020-') || id.startsWith('2021-')));
  assert.equal((await query(page)).period, 'deal');
  // Counts are for each option under the other filters as set.
  assert.match(await page.locator('label', { has: page.locator('[data-testid="filter-period-deal"]') }).innerText(), new RegExp(`${ids.length}$`));

  await page.uncheck('[data-testid="filter-actor-all"]');
  assert.equal(await events(page).count(), 0);
  assert.match(await page.innerText('[data-testid="timeline"]'), /No events match/);
  await page.check('[data-testid="filter-actor-court"]');
  assert.ok(await events(page).count() > 0);
  assert.equal((await query(page)).actors, 'court');
  const actorTags = await page.locator('.p1-tag-actor').allTextContents();
  assert.ok(actorTags.every((t) => t === 'Courts'));

  // The URL reopens the same filtered list.
  const url = await settledUrl(page);
  const again = await newPage();
  await open(again, url);
  assert.deepEqual(await eventIds(again), await eventIds(page));
  await again.close();
  await page.close();
});

test('a deep link opens with its event selected and scrolled into view', async () => {
  const page = await newPage({ viewport: { width: 375, height: 700 } });
  const id = '2020-09-nd-cal-judge-beeler';
  await open(page, w.server.url, `#event-${id}`);
  const card = page.locator(`[data-event-id="${id}"][data-testid="timeline-event"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="timeline-event"][data-event-id="${id}"]`)?.getAttribute('aria-current') === 'true', id);
  await settled(page, (id) => document.querySelector(`[data-event-id="${id}"][data-testid="timeline-event"]`).getBoundingClientRect().y, id);
  const box = await card.boundingBox();
  assert.ok(box && box.y >= -1 && box.y < 700, `event in view: ${JSON.stringify(box)}`);
  assert.match(await settledUrl(page), new RegExp(`#event-${id}$`));
  // Its chart marker is highlighted too.
  assert.equal(await page.getAttribute(`[data-testid="chart-marker"][data-event-ids~="${id}"]`, 'aria-pressed'), 'true');
  // Every event listed offers a link to itself.
  const listed = await page.locator('[data-testid="timeline-event"]').count();
  assert.ok(listed >= 12, `${listed} events listed`);
  assert.equal(await page.locator('[data-testid="event-link"]').count(), listed);
  await page.close();
});

test('arrow keys, Home and End move between events; each is announced by date and title', async () => {
  const page = await newPage();
  await open(page, w.server.url);
  const first = events(page).first();
  assert.equal(await first.getAttribute('tabindex'), '0');
  assert.equal(await events(page).nth(1).getAttribute('tabindex'), '-1');
  await first.focus();
  const focusedId = () => page.evaluate(() => document.activeElement?.dataset?.eventId);
  const ids = await eventIds(page);
  assert.equal(await focusedId(), ids[0]);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, ids[1]);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, ids[2]);
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, ids[1]);
  await page.keyboard.press('End');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, ids.at(-1));
  await page.keyboard.press('Home');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, ids[0]);
  // Moving selects, and the selection is in the URL.
  assert.match(await settledUrl(page), new RegExp(`#event-${ids[0]}$`));
  // The accessible name is the heading: date and title, not the whole card.
  const name = await page.evaluate(() => {
    const el = document.activeElement;
    return document.getElementById(el.getAttribute('aria-labelledby')).textContent;
  });
  assert.equal(name, '31 Jul 2020 · Trump tells reporters he will ban TikTok from the United States');
  // Ctrl+End leaves the list.
  await page.keyboard.press('Control+End');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.p1-foot') !== null), true);
  await page.close();
});

test('chart markers and list events highlight each other, by mouse and keyboard', async () => {
  const page = await newPage();
  await open(page, w.server.url, '?events=all');
  const markers = page.locator('[data-testid="chart-marker"]');
  // Every listed 2020-21 event is on the chart, in markers of at least 24 px.
  const covered = (await markers.evaluateAll((ms) => ms.map((m) => m.dataset.eventIds.split(' ')))).flat();
  assert.ok(covered.length >= 30, `${covered.length} events on the chart`);
  // Hover a marker: its event lights up in the list.
  // An isolated marker (dense clusters overlap; the keyboard reaches every one).
  const id = '2021-01-eo-13971-targets-wechat';
  await page.hover(`[data-testid="chart-marker"][data-event-ids~="${id}"]`);
  await page.waitForSelector(`[data-testid="timeline-event"][data-event-id="${id}"].is-highlighted`);
  // Keyboard: one tab stop, arrows move, focus highlights, Enter opens the marker's
  // events by the chart, Escape closes them and focus stays on the marker.
  await markers.first().focus();
  const firstId = await markers.first().getAttribute('data-event-id');
  await page.waitForSelector(`[data-testid="timeline-event"][data-event-id="${firstId}"].is-highlighted`);
  await page.keyboard.press('ArrowRight');
  const secondId = await markers.nth(1).getAttribute('data-event-id');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, secondId);
  await page.waitForSelector(`[data-testid="timeline-event"][data-event-id="${secondId}"].is-highlighted`);
  assert.ok((await page.locator('.p1-marker-label text').textContent()).length > 10);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-testid="moment-panel"] [data-event-id="${secondId}"]`);
  await page.waitForFunction(() => document.activeElement?.classList.contains('p1-panel-title'));
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, secondId);
  assert.equal(await page.locator('[data-testid="moment-panel"]').count(), 0);
  // Selecting in the list highlights its marker.
  const listId = '2020-12-ddc-judge-nichols-enjoins';
  await page.click(`[data-testid="timeline-event"][data-event-id="${listId}"] .p1-event-title`);
  await page.waitForSelector(`[data-testid="chart-marker"][data-event-ids~="${listId}"].is-active`);
  assert.equal(await page.getAttribute(`[data-testid="chart-marker"][data-event-ids~="${listId}"]`, 'aria-pressed'), 'true');
  // And by keyboard in the list.
  await page.focus(`[data-testid="timeline-event"][data-event-id="${listId}"]`);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId && document.activeElement.dataset.eventId !== id, listId);
  const nextId = await page.evaluate(() => document.activeElement?.dataset?.eventId);
  await page.waitForSelector(`[data-testid="chart-marker"][data-event-ids~="${nextId}"].is-active`);
  await page.close();
});

test('hostile text in the timeline shows as literal text, and no script runs', async () => {
  const page = await newPage();
  await open(page, w.server.url, '?timeline-data=/fixtures/timeline-hostile.csv');
  const card = page.locator('[data-testid="timeline-event"][data-event-id="2020-07-pompeo-says-us-is"]');
  await page.waitForFunction(() => document.querySelector('[data-event-id="2020-07-pompeo-says-us-is"][data-testid="timeline-event"]')?.textContent.includes('onerror'));
  // Off-screen cards skip rendering (content-visibility), so read their text content.
  const shown = await card.textContent();
  assert.match(shown, /<img src=x onerror="window.__pwned=1"> Trump said <script>window.__pwned=2<\/script> & "quoted"/);
  assert.match(shown, /<b onmouseover="window.__pwned=3">Bold\?<\/b> title/);
  assert.equal(await card.locator('img, script, b, i').count(), 0);
  assert.match(shown, /<i onmouseover="window.__pwned=4">Politico<\/i>, 7 Jul 2020/);
  await card.hover();
  await frames(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-testid="notice"]').count(), 0);
  await page.close();
});

test('the whole timeline file is fetched only when a reader needs every event', async () => {
  const page = await newPage();
  const asked = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/data/timeline.csv') asked.push(r.url()); });
  // The page lists the key moments, from the wasm: the file is not asked for.
  await open(page, w.server.url);
  await frames(page, 5);
  assert.equal(await events(page).count(), 12);
  assert.deepEqual(asked, []);
  assert.match(await page.innerText('[data-testid="show-all"]'), /Show all 74 events/);
  // "Show all" fetches it once: every event, with the filters' counts.
  await page.click('[data-testid="show-all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  assert.match(await page.innerText('[data-testid="timeline-count"]'), /Showing 74 of 74 events/);
  assert.match(await page.locator('[data-testid="filter-app-wechat"] >> xpath=..').innerText(), /WeChat\s*\d+/);
  await page.click('[data-testid="show-all"]');
  await page.click('[data-testid="show-all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  assert.equal(asked.length, 1, 'fetched once');
  // A link to an event beyond the key moments fetches it at the start, and selects it.
  const extra = '2019-05-trump-declares-icts-supply';
  asked.length = 0;
  await open(page, w.server.url, `#event-${extra}`);
  await page.waitForFunction((id) => document.querySelector(`[data-event-id="${id}"]`)?.getAttribute('aria-current') === 'true', extra);
  assert.equal(asked.length, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the Chinese page too fetches the whole timeline only when a reader needs it, and shows it in Chinese', async () => {
  const page = await newPage();
  const asked = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/data/timeline.csv') asked.push(r.url()); });
  await open(page, w.server.url, 'index.zh-Hans.html');
  await page.waitForSelector('.p1[data-format="intl"]', { state: 'attached' });
  await frames(page, 5);
  assert.equal(await events(page).count(), 12);
  assert.deepEqual(asked, [], 'not fetched for the key moments');
  await page.click('[data-testid="show-all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  assert.equal(asked.length, 1);
  // An event beyond the key moments, in the language's own text.
  const extra = '2019-05-trump-declares-icts-supply';
  const title = await page.locator(`[data-event-id="${extra}"] .p1-event-title`).innerText();
  assert.match(title, /[\u4e00-\u9fff]/, title);
  assert.doesNotMatch(title, /[A-Za-z]{4,}/, title);
  assert.match(await page.innerText('[data-testid="timeline-count"]'), /74/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('when the whole timeline can\'t be fetched, the key moments stay and a notice says why; "Show all" tries again', async () => {
  const page = await newPage();
  await page.route('**/data/timeline.csv', (r) => r.abort());
  await open(page, w.server.url);
  await page.click('[data-testid="show-all"]');
  await page.waitForSelector('[data-testid="notice"]');
  assert.match(await page.innerText('[data-testid="notice"]'), /The rest of the timeline could not be loaded \(network error/);
  await page.waitForSelector('[data-testid="timeline-section"][data-events="key"]');
  assert.equal(await events(page).count(), 12);
  assert.equal(await page.locator('[data-testid="events-toggle"][open]').count(), 0);
  await page.unroute('**/data/timeline.csv');
  await page.click('[data-testid="show-all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-event"]').length === 74);
  await page.close();
});

test('a jump to the end of the page lands where it aims: nothing above it shifts', async () => {
  const page = await newPage({ viewport: { width: 412, height: 823 } });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  await open(page, w.server.url);
  await page.evaluate(() => document.querySelector('.p1-foot').scrollIntoView({ block: 'end' }));
  await page.waitForSelector('.p1[data-live]');
  await frames(page, 5);
  const y = await page.evaluate(() => Math.round(document.querySelector('.p1-foot').getBoundingClientRect().bottom));
  assert.ok(Math.abs(y - 823) <= 2, `the foot's end at the viewport's end: ${y}`);
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  await page.close();
});

test('links are https only and open safely', async () => {
  const page = await newPage();
  await open(page, w.server.url, '?events=all');
  const links = await page.locator('.p1-event-foot a').evaluateAll((as) => as.map((a) => [a.href, a.rel, a.target]));
  assert.ok(links.length >= 74);
  for (const [href, rel] of links) {
    assert.ok(href.startsWith('https://'), href);
    assert.equal(rel, 'noopener noreferrer');
  }
  await page.close();
});

test('axe: the timeline view alone has no serious or critical violations', async () => {
  const page = await newPage({ viewport: { width: 375, height: 800 } });
  await open(page, w.server.url, '?view=timeline');
  assert.equal(await page.locator('[data-testid="chart"]').count(), 0);
  await page.click('.p1-event .p1-more >> nth=0');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes[0]?.target}`), []);
  await page.close();
});
