// Lighthouse 12.8.2 (npm, pinned in bench/package-lock.json) on both standalone pages, as
// Lighthouse's default mobile run (a throttled mid-range phone), served gzip-compressed
// the way a CDN serves them, with the site's public address set (PHASE_ONE_SITE_URL is
// this server's, so canonical, hreflang and og:image point where the pages are). Prints
// each category's score and every audit below 1 in it. A script, not a test: it asserts
// nothing (see README, "Benchmark").
//
// Usage: node bench/lighthouse.mjs [--categories seo,best-practices,performance,accessibility]
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const DIST = path.join(ROOT, 'dist');
const i = process.argv.indexOf('--categories');
const CATEGORIES = (i > 0 ? process.argv[i + 1] : 'seo,best-practices,accessibility,performance').split(',');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

// A copy of the build, its pages made again by postbuild with this server's address.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'p1-lighthouse-'));
for (const f of fs.readdirSync(DIST)) {
  if (!f.endsWith('.html')) fs.cpSync(path.join(DIST, f), path.join(stage, f), { recursive: true });
}
fs.copyFileSync(path.join(ROOT, 'index.html'), path.join(stage, 'index.html'));
// (No robots.txt: the build ships none, and Lighthouse then has nothing to fault.)

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file = path.join(stage, decodeURIComponent(url.pathname));
  if (!file.startsWith(stage)) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('not found'); }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const body = fs.readFileSync(file);
  const gzip = /gzip/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('image/png');
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'public, max-age=300',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  res.end(gzip ? zlib.gzipSync(body, { level: 9 }) : body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const site = `http://127.0.0.1:${server.address().port}/`;
execFileSync('cargo', ['run', '--quiet', '--bin', 'postbuild'], {
  cwd: ROOT,
  env: { ...process.env, TRUNK_STAGING_DIR: stage, PHASE_ONE_SITE_URL: site },
  stdio: 'inherit',
});

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const page of ['index.html', 'index.zh-Hans.html']) {
    const result = await lighthouse(site + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const lhr = result.lhr;
    console.log(`\n${page} (Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor})`);
    for (const id of CATEGORIES) {
      const cat = lhr.categories[id];
      console.log(`  ${cat.title.padEnd(16)} ${Math.round(cat.score * 100)}`);
      for (const ref of cat.auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) {
          console.log(`    - ${a.id}: ${a.score} ${a.displayValue ?? ''} ${a.title}`);
          // Where it is: the first few elements the audit names.
          for (const item of (a.details?.items ?? []).slice(0, 3)) {
            const node = item.node ?? item.element ?? item.source;
            if (node?.selector || node?.snippet) console.log(`        ${node.selector ?? ''} ${String(node.snippet ?? '').slice(0, 120)}`);
          }
        }
      }
    }
    if (CATEGORIES.includes('performance')) {
      // What moved, for a layout shift.
      for (const item of (lhr.audits['layout-shifts']?.details?.items ?? []).slice(0, 3)) {
        console.log(`    shift ${item.score?.toFixed?.(3)}: ${item.node?.selector ?? ''} ${String(item.node?.snippet ?? '').slice(0, 100)}`);
      }
      for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive']) {
        const a = lhr.audits[id];
        if (a) console.log(`    ${a.title}: ${a.displayValue}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
  fs.rmSync(stage, { recursive: true, force: true });
}
