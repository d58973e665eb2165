// The cross-engine suite: every case in cases/reader.js, in Chromium, WebKit and Firefox
// (see lib/engines.js), then screenshots from each engine at 375 and 1280 px, light and
// dark, into screenshots/engines/ to look at.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, DIST, E2E_ROOT } from '../lib/server.js';
import { ENGINES, retryEngineFault, startEngine } from '../lib/engines.js';
import { CASES, hostPages, noScript } from '../cases/reader.js';

/** Where the page (and a phone frame's page) is scrolled: the shot waits until it holds. */
const scrolled = () => [scrollY, document.querySelector('#phone')?.contentWindow?.scrollY ?? 0];

const SHOTS = path.join(E2E_ROOT, 'screenshots/engines');

let server;
before(async () => {
  server = await startServer({
    probe: true,
    pages: {
      ...hostPages('/'),
      '/no-script.html': { body: noScript(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')) },
      // A phone-sized frame for engines whose window can't be that narrow.
      '/phone.html': { body: '<!doctype html><html><head><meta charset="utf-8"><title>Phone</title><style>body{margin:0}iframe{border:0;display:block}</style></head><body><iframe id="phone" title="The widget at phone size"></iframe><script src="/phone.js"></script></body></html>' },
      '/phone.js': { type: 'text/javascript', body: "const q = new URLSearchParams(location.search); const f = document.getElementById('phone'); f.width = q.get('w'); f.height = q.get('h'); f.src = '/' + (q.get('p') || 'index.html');" },
    },
  });
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(() => server?.close());

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    before(async () => { engine = await startEngine(name); });
    after(() => engine?.close());
    // A failed case leaves its sessions open; close them before the next.
    afterEach(() => engine?.closeSessions());
    // A case that meets a known fault of the engine itself runs once more (see
    // ENGINE_FAULTS), with a line in the output saying so.
    for (const c of CASES) {
      test(c.name, (t) => retryEngineFault(name, () => c.run(engine, server), {
        note: (line) => t.diagnostic(line),
        fresh: () => engine.discard(),
      }));
    }

    test('screenshots at 375 and 1280 px, light and dark', (t) => retryEngineFault(name, () => screenshots(engine), {
      note: (line) => t.diagnostic(line),
      fresh: () => engine.discard(),
    }));
    async function screenshots(engine) {
      // Theme outermost: a WebDriver engine restarts its browser to change the scheme.
      for (const theme of ['light', 'dark']) {
        for (const [width, height] of [[375, 667], [1280, 900]]) {
          // Dark is the reader's system setting (the widget's default theme follows it).
          const s = await engine.session({ width, height, dark: theme === 'dark', atLeast: true });
          const [vw] = await s.viewport();
          // A window that can't be 375 px wide (WebKit's MiniBrowser) shows the page in a
          // 375 × 667 frame instead, which is a 375 px viewport for the page inside.
          const framed = vw !== width;
          await s.open(framed ? `${server.origin}/phone.html?w=${width}&h=${height}` : server.url);
          const inPage = framed ? '#phone >> ' : '';
          await s.ready(framed ? '#phone' : '');
          // The top, the controls (where range inputs differ), and the timeline.
          for (const [i, sel] of [[0, null], [1, '.p1-rates'], [2, '[data-testid="timeline"]']]) {
            if (sel) await s.run((q) => { $(q).scrollIntoView({ block: 'start' }); return true; }, inPage + sel);
            await s.settled(scrolled);
            await s.screenshot(path.join(SHOTS, `${name}-${width}-${theme}-${i}.png`), framed ? '#phone' : undefined);
          }
          // The Chinese page: its type (CJK fonts, weights, leading) at the top and in the
          // timeline.
          await s.open(framed ? `${server.origin}/phone.html?w=${width}&h=${height}&p=index.zh-Hans.html` : `${server.url}index.zh-Hans.html`);
          await s.ready(framed ? '#phone' : '');
          for (const [i, sel] of [[0, null], [2, '[data-testid="timeline"]']]) {
            if (sel) await s.run((q) => { $(q).scrollIntoView({ block: 'start' }); return true; }, inPage + sel);
            await s.settled(scrolled);
            await s.screenshot(path.join(SHOTS, `${name}-zh-${width}-${theme}-${i}.png`), framed ? '#phone' : undefined);
          }
          const scheme = await s.run((q) => { const el = $(q); return el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor; }, `${inPage}.p1`);
          // The widget's background: white-ish in light, dark in dark.
          const [r, g, b] = scheme.match(/\d+/g).map(Number);
          assert.ok(theme === 'dark' ? r + g + b < 200 : r + g + b > 600, `${name} ${theme}: background ${scheme}`);
          assert.deepEqual(await s.errors(), []);
          await s.close();
        }
      }
    }
  });
}
