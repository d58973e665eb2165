// Sources as an editor would publish them: readers see outlets and dates, never bare
// host names, on the events, the figures, the method and in the data download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWidget } from '../lib/harness.js';
import { open } from '../lib/widget.js';

const w = useWidget();

test('an event shows its sources as outlet and date, the primary document first', async () => {
  const page = await w.newPage();
  await open(page, w.server.url);
  const card = page.locator('[data-testid="timeline-event"][data-event-id="2020-08-eo-13942-orders-ban"]');
  const sources = card.locator('[data-testid="event-source"]');
  assert.equal(await sources.first().textContent(), 'Federal Register, 11 Aug 2020');
  assert.equal(await sources.first().getAttribute('href'), 'https://www.federalregister.gov/d/2020-17699');
  assert.equal(await sources.first().getAttribute('title'), 'Executive Order 13942');
  // A document and a readable report: the document on the card, the report behind More.
  const both = page.locator('[data-testid="timeline-event"][data-event-id="2020-09-commerce-identifies-banned-transactions"] [data-testid="event-source"]');
  assert.deepEqual(await both.allTextContents(), ['Federal Register, 24 Sept 2020', 'Fox Business, 18 Sept 2020']);
  assert.equal(await both.nth(1).evaluate((a) => a.closest('details')?.className), 'p1-more');
  // No card anywhere shows a bare host name.
  await open(page, w.server.url, '?events=all');
  const labels = await page.locator('[data-testid="event-source"]').allTextContents();
  assert.ok(labels.length >= 74);
  for (const l of labels) assert.match(l, /^[^/]+, (\d{1,2} )?[A-Z][a-z]{2,4} \d{4}$/, `"${l}"`);
  await page.close();
});

test('a figure shows its source as outlet and date, and the method lists every source with its copy reasons', async () => {
  const page = await w.newPage();
  await open(page, w.server.url);
  await page.click('[data-testid="facts"] > summary');
  const bloomberg = page.locator('[data-testid="outcome"][data-outcome="share-goods-bloomberg"] [data-testid="outcome-source"]');
  assert.equal(await bloomberg.textContent(), 'Bloomberg (BNN Bloomberg), 8 Feb 2022');
  // What Bloomberg's 62.9% measures: the goods promised (its words "the extra goods"
  // misled readers into setting it against "none of the extra").
  assert.match(await page.locator('[data-testid="outcome"][data-outcome="share-goods-bloomberg"]').innerText(), /62\.9% of the goods China promised for 2020–21, by Bloomberg’s count from Census Bureau data/);
  await page.click('.p1-method > summary');
  const method = await page.locator('[data-testid="method-source"]').allInnerTexts();
  assert.ok(method.some((t) => /^PIIE \(Chad Bown\): China bought none of the extra \$200 billion .*, 8 Feb 2022$/.test(t.trim())), method.join('\n'));
  assert.ok(method.some((t) => /A copy of the original: A machine-translated re-post/.test(t)));
  const copyOnly = await page.innerText('[data-testid="copy-only"]');
  assert.match(copyOnly, /rest only on copies of their sources/);
  // Each outlet named once, however many figures rest on it.
  const named = copyOnly.slice(copyOnly.indexOf('(') + 1, copyOnly.lastIndexOf(')')).split('; ');
  assert.deepEqual(named, [...new Set(named)], copyOnly);
  assert.match(await page.innerText('.p1-method'), /the 2021 target, \$207\.4bn, is our own/);
  await page.close();
});

test('the data download carries the same citations: outlet, title, date, tier', async () => {
  const page = await w.newPage();
  await open(page, w.server.url);
  const href = await page.getByTestId('download-purchases').getAttribute('href');
  const csv = await (await page.request.get(new URL(href, w.server.url).href)).text();
  const header = csv.split('\n')[0].split(',');
  for (const col of ['outlet', 'title', 'published', 'tier', 'copy_reason']) assert.ok(header.includes(col), col);
  assert.match(csv, /^source,bloomberg-2020-07-27,.*,"Bloomberg, carried by Investing.com",China is buying American but not enough to hit trade deal target,2020-07-27,outlet,/m);
  await page.close();
});
