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

/** Waits until the wasm app has taken over the widget root. */
export async function waitForApp(page, root = '#phase-one-root') {
  await page.waitForSelector(`${root}[data-phase-one-mounted] .p1[data-live]`, { timeout: 15000 });
}
