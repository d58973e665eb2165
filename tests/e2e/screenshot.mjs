// Screenshots of the built widget (dist/) for a person to look at: viewport shots taken
// while scrolling down the page (full-page shots leave content-visibility parts blank).
//
//   node screenshot.mjs [query] [name]        → screenshots/<name>-<width>-<scheme>-<n>.png
//
// Environment: WIDTHS (default 375,1280), HEIGHT (viewport, default 900), SCHEMES
// (light,dark), SHOTS (how many screens down, default 1), ACTION (code run before the
// shots, with `page` in scope), TOUCH=1 for a phone with touch.
import { startServer } from './lib/server.js';
import { launch } from './lib/browser.js';
import fs from 'node:fs';

const query = process.argv[2] ?? '';
const name = process.argv[3] ?? 'default';
const widths = (process.env.WIDTHS ?? '375,1280').split(',').map(Number);
const schemes = (process.env.SCHEMES ?? 'light').split(',');
const height = Number(process.env.HEIGHT ?? 900);
const shots = Number(process.env.SHOTS ?? 1);
fs.mkdirSync(new URL('./screenshots/', import.meta.url), { recursive: true });
const server = await startServer();
const browser = await launch();
for (const width of widths) {
  for (const colorScheme of schemes) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme, hasTouch: !!process.env.TOUCH, isMobile: !!process.env.TOUCH });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${width}] ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => console.log(`[${width}] pageerror: ${e.message}`));
    await page.goto(server.url + query);
    await page.waitForSelector('#phase-one-root[data-phase-one-mounted] .p1[data-ready]', { timeout: 15000 });
    await page.waitForTimeout(300);
    if (process.env.ACTION) await eval(`(async () => { ${process.env.ACTION} })()`);
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let i = 0; i < shots; i++) {
      await page.evaluate((y) => window.scrollTo(0, y), i * height);
      await page.waitForTimeout(250);
      const file = new URL(`./screenshots/${name}-${width}-${colorScheme}-${i}.png`, import.meta.url).pathname;
      await page.screenshot({ path: file });
      console.log(file, `(page ${total} px)`);
      if ((i + 1) * height >= total) break;
    }
    await page.close();
  }
}
await browser.close();
await server.close();
