// Helpers for driving the widget as a reader would.
import { waitForApp, waitForLive } from './browser.js';

export { waitForLive as live };

export async function open(page, base, query = '') {
  await page.goto(base + query);
  await waitForApp(page);
}

export const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).first().innerText();

/** Parses "$65.8bn" style money in a string, in order. */
export function money(s) {
  return [...s.matchAll(/\$([\d,]+(?:\.\d+)?)bn/g)].map((m) => Number(m[1].replace(/,/g, '')));
}

/** The cumulative (year-to-date) cell of the data table for a month label like "Dec 2020". */
export async function tableYtd(page, monthLabel) {
  const row = page.locator('.p1-table tbody tr', { has: page.locator(`th:text-is("${monthLabel}")`) });
  return row.locator('td').nth(1).textContent();
}

/** Waits until the address bar shows the widget's current state (the widget mirrors it
 *  there once controls settle); the copy-link button always carries the current link. */
async function mirrored(page) {
  await page.waitForFunction(() => {
    const link = document.querySelector('[data-testid="copy-link"]')?.dataset.url;
    const selected = document.querySelector('[data-testid="timeline-event"][aria-current="true"]')?.dataset.eventId;
    return link && new URL(link).search === location.search && (selected ? location.hash === `#event-${selected}` : true);
  });
}

/** The query string, once the widget has mirrored its state there. */
export async function query(page) {
  await mirrored(page);
  return page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
}

/** The page URL, once the widget has mirrored its state there. */
export async function settledUrl(page) {
  await mirrored(page);
  return page.url();
}

/** Waits until `probe` (run in the page, or frame) gives the same value for `frames`
 *  animation frames in a row, and returns it: the page has settled (a scroll, a resize,
 *  a stream of messages), with no fixed wait. */
export async function settled(page, probe, arg, { frames = 4, timeout = 10000 } = {}) {
  const end = Date.now() + timeout;
  let last = JSON.stringify(await page.evaluate(probe, arg));
  for (let same = 0; same < frames;) {
    if (Date.now() > end) throw new Error(`did not settle: ${last}`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    const now = JSON.stringify(await page.evaluate(probe, arg));
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return JSON.parse(last);
}

/** Waits until the widget formats with `Intl` (after its first, prerender-matching render). */
export const intl = (page) => page.waitForSelector('.p1[data-format="intl"]');

/** Waits `n` animation frames in the page (or frame): what it had queued before (posted
 *  messages, zero-delay timers, observers' callbacks) has run. A barrier on the page's own
 *  clock, for checking that something did not happen, instead of a fixed wait. */
export function frames(target, n = 3) {
  return target.evaluate((k) => new Promise((done) => {
    const step = (i) => (i ? requestAnimationFrame(() => step(i - 1)) : done());
    step(k);
  }), n);
}
