// Pictures of the widget for where it can't run (#30): the build's social cards and
// fallbacks are PNGs (and SVGs) of the sizes pictures.json states; "Download image"
// saves the reader's view as a PNG at least 1200 px wide, under the strict CSP, with no
// request, in both languages; and printing leaves out the controls and keeps the story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useWidget } from '../lib/harness.js';
import { DIST, startServer } from '../lib/server.js';
import { open, frames } from '../lib/widget.js';

const w = useWidget();
const ZH = 'index.zh-Hans.html';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A PNG's width and height, from its header; throws if it isn't a PNG. */
function pngSize(buf) {
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(buf.subarray(0, 8).equals(magic), 'not a PNG');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test('every card and fallback exists, decodes at its stated size, and has alt text', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'images/pictures.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest), ['en', 'zh-Hans']);
  for (const [lang, { card, fallback }] of Object.entries(manifest)) {
    assert.equal(card.file, `images/card.${lang}.png`);
    assert.deepEqual([card.width, card.height], [1200, 630]);
    for (const entry of [card, ...fallback]) {
      const buf = fs.readFileSync(path.join(DIST, entry.file));
      assert.ok(entry.alt.length > 80, `${entry.file}: alt text`);
      if (entry.file.endsWith('.png')) {
        assert.deepEqual(pngSize(buf), { width: entry.width, height: entry.height }, entry.file);
        // Pixels, not a blank page: a PNG of text and lines compresses, but not to nothing.
        assert.ok(buf.length > 20_000, `${entry.file}: ${buf.length} B`);
      } else {
        const svg = buf.toString('utf8');
        assert.match(svg, new RegExp(`^<svg [^>]*width="${entry.width}" height="${entry.height}"`), entry.file);
        assert.doesNotMatch(svg, /<script|on\w+=/i, entry.file);
      }
    }
  }
  // The Chinese card speaks Chinese.
  assert.match(manifest['zh-Hans'].card.alt, /中国/);
});

test('the pictures open in a browser: the SVG fallback draws its words', async () => {
  const page = await w.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(`${w.server.url}images/fallback.en.svg`);
  const words = await page.locator('text').allTextContents();
  assert.ok(words.some((t) => /China promised to buy/.test(t)), words.slice(0, 5).join(' | '));
  assert.ok(words.some((t) => /Key moments/.test(t)));
  await page.close();
});

for (const [name, page] of [['English', ''], ['Chinese', ZH]]) {
  test(`Download image (${name}): a PNG of the reader's view, 2400 px wide, under the strict CSP, with no request`, async () => {
    const strict = await startServer({ headers: { 'content-security-policy': CSP } });
    try {
      const p = await w.newPage({ acceptDownloads: true });
      const violations = [];
      await p.exposeFunction('reportViolation', (v) => violations.push(v));
      await p.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
      await open(p, strict.url, page ? `${page}?asof=2020-09&mfg=9` : '?asof=2020-09&mfg=9');
      await frames(p);
      const before = strict.log.length;
      const requests = [];
      // (The browser's own fetch of the page's icon may come at any time.)
      p.on('request', (r) => { if (!/^blob:|\/favicon\.svg$/.test(r.url())) requests.push(r.url()); });
      const [download] = await Promise.all([
        p.waitForEvent('download'),
        p.click('[data-testid="download-image"]'),
      ]);
      assert.match(download.suggestedFilename(), /^phase-one-scenario-us-from-2020-10-(en|zh-hans)\.png$/);
      const file = await download.path();
      const size = pngSize(fs.readFileSync(file));
      if (process.env.SAVE_PICTURES) fs.copyFileSync(file, `screenshots/download-${name}.png`);
      assert.ok(size.width >= 1200, `width ${size.width}`);
      assert.equal(size.width, 2400);
      assert.ok(size.height > 1200 && size.height < 4000, `height ${size.height}`);
      await frames(p);
      assert.deepEqual(requests, []);
      const served = strict.log.slice(before).filter((u) => !u.endsWith('/favicon.svg'));
      assert.deepEqual(served, []);
      assert.deepEqual(violations, []);
      assert.deepEqual(p.errors, []);
      await p.close();
    } finally {
      await strict.close();
    }
  });
}

test('print: no controls or share panels; the headline, verdicts, chart, reconciliation, key moments and link; light in dark mode', async () => {
  for (const path of ['', ZH]) {
    const p = await w.newPage({ colorScheme: 'dark' });
    await open(p, w.server.url, path);
    await p.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const shown = async (sel) => p.locator(sel).first().isVisible();
    for (const sel of ['[data-testid="headline"]', '[data-testid="verdict-2020"]', '[data-testid="chart"] svg.p1-svg',
      '.p1-reconcile', '[data-testid="timeline-event"]', '[data-testid="print-link"]']) {
      assert.ok(await shown(sel), `${path || 'en'}: ${sel} hidden in print`);
    }
    for (const sel of ['input[type="range"]', '[data-testid="copy-link"]', '[data-testid="download-image"]',
      '[data-testid="embed-panel"]', '.p1-filters', '.p1-presets', 'select']) {
      const n = await p.locator(sel).count();
      for (let i = 0; i < n; i++) {
        assert.equal(await p.locator(sel).nth(i).isVisible(), false, `${path || 'en'}: ${sel} printed`);
      }
    }
    // It prints light, whatever the screen's scheme.
    const bg = await p.locator('.p1').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(bg, 'rgb(255, 255, 255)');
    // The link says where to find the live widget: this page's address.
    const link = await p.locator('[data-testid="print-link"]').innerText();
    assert.ok(link.includes(w.server.url.replace(/\/$/, '')), link);
    // Key moments come with their sources.
    const key = await p.locator('[data-testid="timeline-event"]').first().innerText();
    assert.match(key, /Federal Register|White House|联邦公报|白宫/, key);
    await p.close();
  }
});
