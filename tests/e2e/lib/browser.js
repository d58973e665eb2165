// Launches Debian's Chromium through playwright-core (no browser download needed).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(extra = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    ...extra,
  });
}

/** Collects console errors, page errors and CSP violations for a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Waits until the wasm app has taken over the widget root, every part of it live. */
export async function waitForApp(page, root = '#phase-one-root') {
  await page.waitForSelector(`${root}[data-phase-one-mounted] .p1[data-ready]`, { timeout: 15000 });
  await waitForLive(page, root);
}

/** Waits until every part of the widget in `scope` (a page or a frame) is live. On a
 *  prerendered page the parts below the simulator hydrate only when needed: as they come
 *  near the viewport, once the view changes, or when the reader reaches towards one. This
 *  reaches: a pointer passing over the footer (an event, so nothing scrolls or takes
 *  focus; prerender.test.js covers coming near). */
export async function waitForLive(scope, root = '') {
  const at = (sel) => (root ? `${root} ${sel}` : sel);
  await scope.waitForSelector(at('.p1[data-ready]'), { timeout: 20000 });
  if (await scope.locator(at('.p1[data-live]')).count() === 0) {
    await scope.locator(at('.p1-foot')).dispatchEvent('pointerover', { bubbles: true, composed: true });
    await scope.waitForSelector(at('.p1[data-live]'), { timeout: 20000 });
  }
  // A view of every event (a link's `events=all`) has fetched the whole timeline.
  await settledFeed(scope, at('.p1-feed[aria-busy="true"]'));
}

/** Waits until no element matches `busy` (20 s at most). */
async function settledFeed(scope, busy) {
  const deadline = Date.now() + 20000;
  while (await scope.locator(busy).count() > 0) {
    if (Date.now() > deadline) throw new Error(`still ${busy} after 20 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
