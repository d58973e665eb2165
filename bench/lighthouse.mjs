// Lighthouse 12.8.2 (npm, pinned in bench/package-lock.json) on both standalone pages, as
// Lighthouse's default mobile run (a throttled mid-range phone), served gzip-compressed
// the way a CDN serves them, from a release build made with the site's public address set
// (PHASE_ONE_SITE_URL is this server's, so canonical, hreflang and og:image point where
// the pages are). Needs trunk on PATH (scripts/setup.sh). Prints
// each category's score and every audit below 1 in it. A script, not a test: it asserts
// nothing (see README, "Benchmark").
//
// Performance is measured over several runs a page (it moves by ±10 between runs on a
// busy machine): each run's score and metrics, their median, which element was the LCP,
// and where the median run's main-thread time went.
//
// Usage: node bench/lighthouse.mjs [--categories seo,best-practices,performance,accessibility]
//        [--runs 3] [--dist DIR]
// --dist measures a build already made (say, a variant to compare) instead of making one;
// its pages' absolute addresses (SEO) are then whatever that build has.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { fileIn, send, typeOf } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const i = process.argv.indexOf('--categories');
const CATEGORIES = (i > 0 ? process.argv[i + 1] : 'seo,best-practices,accessibility,performance').split(',');
const r = process.argv.indexOf('--runs');
const RUNS = r > 0 ? Number(process.argv[r + 1]) : 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

// The build, made again into a folder of its own with this server's address (the port is
// taken first, the server answers once the build is there).
const d = process.argv.indexOf('--dist');
const given = d > 0 ? path.resolve(process.argv[d + 1]) : null;
const stage = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'p1-lighthouse-'));
const server = http.createServer((req, res) => {
  const file = fileIn(stage, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('not found'); }
  send(req, res, fs.readFileSync(file), typeOf(file), 'public, max-age=300');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const site = `http://127.0.0.1:${server.address().port}/`;
if (!given) {
  execFileSync('trunk', ['build', '--release', '--offline', '--dist', stage], {
    cwd: ROOT,
    env: { ...process.env, PHASE_ONE_SITE_URL: site },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const page of ['index.html', 'index.zh-Hans.html']) {
    const runs = [];
    for (let n = 0; n < (CATEGORIES.includes('performance') ? RUNS : 1); n++) {
      const result = await lighthouse(site + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      runs.push(result.lhr);
    }
    const perf = runs.map((lhr) => lhr.categories.performance?.score ?? 0);
    // The median run by performance score stands for the page.
    const lhr = runs[perf.indexOf(median(perf))];
    if (process.env.LH_FILMSTRIP) {
      const frames = lhr.audits['screenshot-thumbnails']?.details?.items ?? [];
      frames.forEach((f, n) => fs.writeFileSync(`${process.env.LH_FILMSTRIP}/${page}-${n}-${f.timing}.jpg`, Buffer.from(f.data.split(',')[1], 'base64')));
    }
    console.log(`\n${page} (Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${runs.length} run${runs.length > 1 ? 's' : ''}; the median run below)`);
    // Lighthouse's own measure of this machine's speed (higher is faster): its simulated
    // times scale with the CPU, so runs on different machines compare only beside it.
    const bench = runs.map((l) => Math.round(l.environment?.benchmarkIndex ?? NaN));
    console.log(`  ${lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, CPU benchmark index ${bench.join(', ')}`);
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
      // Every run: the score and the metrics, then their medians.
      const metric = (l, id) => l.audits[id]?.numericValue ?? NaN;
      const longest = (l) => Math.max(0, ...(l.audits['long-tasks']?.details?.items ?? []).map((t) => t.duration));
      const cols = [
        ['performance', (l) => Math.round(l.categories.performance.score * 100), String],
        ['FCP', (l) => metric(l, 'first-contentful-paint'), ms],
        ['LCP', (l) => metric(l, 'largest-contentful-paint'), ms],
        ['TBT', (l) => metric(l, 'total-blocking-time'), ms],
        ['TTI', (l) => metric(l, 'interactive'), ms],
        ['longest task', longest, ms],
        ['CLS', (l) => metric(l, 'cumulative-layout-shift'), (x) => x.toFixed(3)],
      ];
      console.log(`  | run | ${cols.map((c) => c[0]).join(' | ')} |`);
      runs.forEach((l, n) => console.log(`  | ${n + 1} | ${cols.map(([, get, show]) => show(get(l))).join(' | ')} |`));
      console.log(`  | median | ${cols.map(([, get, show]) => show(median(runs.map(get)))).join(' | ')} |`);
      // Which element was the largest paint, and its phases.
      const lcp = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
      const el = lcp[0]?.items?.[0]?.node;
      if (el) console.log(`  LCP element: ${el.selector ?? ''} ${String(el.snippet ?? '').slice(0, 100)}`);
      for (const phase of lcp[1]?.items ?? []) console.log(`    ${phase.phase}: ${ms(phase.timing)}`);
      // The long tasks of Lighthouse's simulation (its 20 longest, put in order of start),
      // with the script each is charged to. TBT sums each one's time past 50 ms, counting
      // only what falls between the first contentful paint and interactive.
      const tasks = [...(lhr.audits['long-tasks']?.details?.items ?? [])].sort((a, b) => a.startTime - b.startTime);
      console.log(`  long tasks (simulated): ${tasks.map((t) => `${ms(t.duration)} at ${ms(t.startTime)} ${path.basename(new URL(t.url, site).pathname) || t.url}`).join('; ')}`);
      // Where the main thread's time went (simulated), and which scripts took it.
      const work = lhr.audits['mainthread-work-breakdown']?.details?.items ?? [];
      console.log(`  main thread: ${work.map((w) => `${w.groupLabel ?? w.group} ${ms(w.duration)}`).join(', ')}`);
      for (const b of (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 4)) {
        console.log(`    ${path.basename(new URL(b.url, site).pathname) || b.url}: total ${ms(b.total)}, script evaluation ${ms(b.scripting)}, parse and compile ${ms(b.scriptParseCompile)}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
  if (!given) fs.rmSync(stage, { recursive: true, force: true });
}
