// Takes screenshots of the built widget (dist/) at phone and desktop widths, for a person
// to look at. Usage: node screenshot.mjs [query] [name]   → screenshots/<name>-<width>.png
import { startServer } from './lib/server.js';
import { launch } from './lib/browser.js';
import fs from 'node:fs';

const query = process.argv[2] ?? '';
const name = process.argv[3] ?? 'default';
const widths = (process.env.WIDTHS ?? '375,1280').split(',').map(Number);
const scheme = process.env.SCHEME ?? 'light';
fs.mkdirSync(new URL('./screenshots/', import.meta.url), { recursive: true });
const server = await startServer();
const browser = await launch();
for (const width of widths) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${width}] ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${width}] pageerror: ${e.message}`));
  await page.goto(server.url + query);
  await page.waitForSelector('#phase-one-root[data-phase-one-mounted] .p1[data-ready]', { timeout: 15000 });
  await page.waitForTimeout(400);
  if (process.env.ACTION) await eval(process.env.ACTION);
  const file = new URL(`./screenshots/${name}-${width}.png`, import.meta.url).pathname;
  const clip = process.env.CLIP ? process.env.CLIP.split(',').map(Number) : null; // y,height
  await page.screenshot(clip ? { path: file, fullPage: true, clip: { x: 0, y: clip[0], width, height: clip[1] } } : { path: file, fullPage: process.env.FULL !== '0' });
  console.log(file);
  await page.close();
}
await browser.close();
await server.close();
