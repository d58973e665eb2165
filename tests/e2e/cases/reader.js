// What a reader and an embedding page do, written once against the driver interface in
// lib/engines.js and run in every engine by specs/engines.test.js (Chromium, WebKit,
// Firefox). Each case takes (engine, server) and opens its own sessions.
//
// Figures are the sourced ones the Chromium suites also check (see simulator.test.js):
// Census via Waugh for US exports, PIIE for Chinese customs.
import assert from 'node:assert/strict';
import { brokenFigures } from '../lib/cjk.js';

/** "$65.8bn" style amounts in a string, in order. */
const money = (s) => [...s.matchAll(/\$([\d,]+(?:\.\d+)?)bn/g)].map((m) => Number(m[1].replace(/,/g, '')));

/** Opens a page, waits for the client, and returns the session. */
async function opened(engine, url, size) {
  const s = await engine.session(size);
  await s.open(url);
  await s.ready();
  return s;
}

/** The ids of the timeline events a reader can see (the others are in the page, hidden). */
const shownEvents = (s) => s.run(() => [...document.querySelectorAll('[data-testid="timeline-event"]')]
  .filter((e) => e.getClientRects().length > 0).map((e) => e.dataset.eventId));

async function noErrors(s) {
  assert.deepEqual(await s.errors(), [], `${s.engine}: console errors`);
}

/** Host pages the embedding cases load, served by the suite's server. */
export const hostPages = (widget) => {
  const page = (body, head = '') => ({ body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Article</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>` });
  return {
    '/host-script.html': page(`<h1>Host page</h1>
      <div data-phase-one-widget data-view="simulator" data-basis="us" id="a"></div>
      <p>Between the two.</p>
      <div data-phase-one-widget data-view="both" data-basis="cn" data-asof="2020-10" id="b"></div>
      <script type="module" src="${widget}embed.js"></script>`,
      // Hostile host CSS must not reach into the widget.
      '<style>* { font: 40px serif !important; color: red !important; } div { display: inline } .p1 { display: none }</style>'),
    '/host-iframe.html': page(`<h1>An article</h1><p>Text above.</p>
      <iframe id="w" src="${widget}index.html" title="Phase One widget" width="100%" height="300" scrolling="no" frameborder="0" allow="clipboard-write" data-phase-one-frame></iframe>
      <p>Text below.</p><script type="module" src="${widget}resize.js"></script>`),
    // The same, with resize.js added only once the frame has sent its heights.
    '/host-iframe-late.html': page(`<h1>An article</h1><p>Text above.</p>
      <iframe id="w" src="${widget}index.html" title="Phase One widget" width="100%" height="300" scrolling="no" frameborder="0" data-phase-one-frame></iframe>
      <p>Text below.</p>`),
  };
};

/** The widget's own page with every script removed: what a reader with JavaScript off gets. */
export const noScript = (html) => html
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/gi, '');

export const CASES = [
  {
    name: 'it hydrates, and the verdicts and needed pace read right for three links',
    async run(engine, server) {
      const s = await opened(engine, server.url);
      assert.equal(await s.text('[data-testid="verdict-2020"]'), '2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)');
      assert.match(await s.text('[data-testid="needed-pace"]'), /2020: \$18\.3bn a month from July 2020 \(2\.8× its best month\)/);
      assert.match(await s.text('.p1-sofar'), /By the end of June 2020 China had bought \$32\.9bn/);
      await noErrors(s);
      // US exports, December 2020: 2020 closed, actual $89.3bn.
      await s.open(`${server.url}?v=1&basis=us&asof=2020-12`);
      await s.ready();
      assert.equal(await s.text('[data-testid="verdict-2020"]'), '2020: $89.3bn of $142.7bn — missed by $53.4bn (63% of target)');
      assert.match(await s.text('[data-testid="needed-pace"]'), /2021: \$[\d.]+bn a month from January 2021/);
      // Chinese customs, June 2020: $40.2bn, 23% of $173.1bn; about $22bn a month needed.
      await s.open(`${server.url}?v=1&basis=cn&asof=2020-06`);
      await s.ready();
      assert.match(await s.text('.p1-sofar'), /\$40\.2bn .*23% of the 2020 target/);
      assert.match(await s.text('[data-testid="verdict-2020"]'), /of \$173\.1bn/);
      assert.match(await s.text('[data-testid="needed-pace"]'), /\$22\.\dbn a month from July 2020/);
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'each slider and its number box change the verdict and the chart',
    async run(engine, server) {
      const s = await opened(engine, server.url);
      const path = () => s.attr('[data-testid="projection-2020"]', 'd');
      for (const cat of ['manufactured', 'agriculture', 'energy']) {
        const before = money(await s.text('[data-testid="verdict-2020"]'))[0];
        const pathBefore = await path();
        const rateBefore = Number(await s.value(`[data-testid="rate-${cat}-number"]`));
        assert.ok(await s.focus(`[data-testid="rate-${cat}"]`), `${cat} slider takes focus`);
        await s.press(...Array(10).fill('ArrowRight'));
        const rateAfter = Number(await s.value(`[data-testid="rate-${cat}-number"]`));
        assert.ok(Math.abs(rateAfter - rateBefore - 1.0) < 0.11, `${cat}: ${rateBefore} -> ${rateAfter}`);
        assert.equal(await s.value(`[data-testid="rate-${cat}"]`), await s.value(`[data-testid="rate-${cat}-number"]`));
        const after = money(await s.text('[data-testid="verdict-2020"]'))[0];
        // Six months (July–December) at the new pace.
        assert.ok(Math.abs(after - (before + 6 * (rateAfter - rateBefore))) <= 0.11, `${cat}: ${before} -> ${after}`);
        assert.notEqual(await path(), pathBefore, `${cat}: the chart's projection moved`);
      }
      // The number box moves the slider, the verdict and the chart.
      const pathBefore = await path();
      await s.fill('[data-testid="rate-manufactured-number"]', '20');
      await s.until(() => $('[data-testid="rate-manufactured"]').value === '20');
      assert.match(await s.text('[data-testid="verdict-2020"]'), /target met/);
      assert.notEqual(await path(), pathBefore);
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'presets, basis and the as-of month work',
    async run(engine, server) {
      const s = await opened(engine, server.url);
      await s.click('[data-preset="needed"]');
      await s.until(() => /target met/.test($('[data-testid="verdict-2021"]').innerText));
      assert.match(await s.text('[data-testid="verdict-2020"]'), /target met/);
      await s.click('[data-preset="actual"]');
      await s.until(() => $('[data-testid="asof"]').value === '2021-11');
      await s.click('[data-testid="reset"]');
      await s.until(() => $('[data-testid="asof"]').value === '2020-06');
      // The as-of month: choosing August 2020 fills two more months with data.
      const before = await s.text('[data-testid="verdict-2020"]');
      await s.select('[data-testid="asof"]', '2020-08');
      await s.until(() => new URLSearchParams(location.search).get('asof') === '2020-08');
      assert.match(await s.text('.p1-sofar'), /By the end of August 2020/);
      assert.notEqual(await s.text('[data-testid="verdict-2020"]'), before);
      // The basis: Chinese customs has one pace for all goods.
      await s.click('[data-testid="basis-cn"]');
      await s.until(() => $('[data-testid="rate-total"]'));
      assert.equal(await s.run(() => $('[data-testid="rate-manufactured"]')), null);
      assert.match(await s.text('[data-testid="verdict-2020"]'), /of \$173\.1bn/);
      await s.until(() => new URLSearchParams(location.search).get('basis') === 'cn');
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'timeline filters change the list and the URL',
    async run(engine, server) {
      const s = await opened(engine, server.url);
      const count = async () => (await shownEvents(s)).length;
      assert.equal(await count(), 12, 'the key moments');
      await s.click('[data-testid="show-all"]');
      await s.until(() => $('[data-testid="filters"]'));
      // Every event, once the whole timeline has come (it is fetched now).
      await s.until(() => [...document.querySelectorAll('[data-testid="timeline-event"]')]
        .filter((e) => e.getClientRects().length > 0).length === 74);
      await s.until(() => new URLSearchParams(location.search).get('events') === 'all');
      await s.click('[data-testid="filter-app-tiktok"]');
      await s.until(() => new URLSearchParams(location.search).get('apps') === 'wechat');
      assert.equal(await count(), 16, 'WeChat and both-app events');
      await s.click('[data-testid="filter-period-deal"]');
      await s.until(() => new URLSearchParams(location.search).get('period') === 'deal');
      const ids = await s.run(() => [...document.querySelectorAll('[data-testid="timeline-event"]')].map((e) => e.dataset.eventId));
      assert.ok(ids.length > 0 && ids.length < 16 && ids.every((id) => /^202[01]-/.test(id)), ids.join(' '));
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'a deep link scrolls to its event',
    async run(engine, server) {
      const id = '2020-09-nd-cal-judge-beeler';
      // A phone (MiniBrowser's window is at least 447 px wide: WebKit gets that).
      const s = await engine.session({ width: 375, height: 700, atLeast: true });
      await s.open(`${server.url}#event-${id}`);
      await s.ready();
      await s.until((id) => $(`[data-testid="timeline-event"][data-event-id="${id}"]`)?.getAttribute('aria-current') === 'true', [id]);
      const y = await s.settled((id) => $(`[data-testid="timeline-event"][data-event-id="${id}"]`).getBoundingClientRect().y, [id]);
      assert.ok(y >= -1 && y < 700, `the event is in view (y = ${y})`);
      assert.equal(await s.attr(`[data-testid="chart-marker"][data-event-ids~="${id}"]`, 'aria-pressed'), 'true');
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'a script embed renders two instances inside Shadow DOM',
    async run(engine, server) {
      const s = await engine.session({ width: 1000, height: 800 });
      await s.open(`${server.origin}/host-script.html`);
      await s.ready('#a');
      await s.ready('#b');
      assert.equal(await s.run(() => !!document.getElementById('a').shadowRoot && !!document.getElementById('b').shadowRoot), true);
      assert.match(await s.text('#a >> [data-testid="verdict-2020"]'), /of \$142\.7bn/);
      assert.match(await s.text('#b >> [data-testid="verdict-2020"]'), /of \$173\.1bn/);
      assert.equal(await s.value('#b >> [data-testid="asof"]'), '2020-10');
      // The host's hostile CSS does not reach in, and ours does not leak out.
      const style = await s.run(() => { const c = getComputedStyle($('#a >> [data-testid="verdict-2020"]')); return [c.fontSize, c.color, c.fontFamily]; });
      assert.equal(style[0], '18px');
      assert.notEqual(style[1], 'rgb(255, 0, 0)');
      assert.doesNotMatch(style[2], /^serif/);
      const chart = await s.run(() => { const r = $('#a >> [data-testid="chart"]').getBoundingClientRect(); return [r.width, r.height]; });
      assert.ok(chart[0] > 300 && chart[1] > 300, `chart ${chart}`);
      // Each instance has its own state.
      const b = await s.text('#b >> [data-testid="verdict-2020"]');
      assert.ok(await s.focus('#a >> [data-testid="rate-manufactured"]'));
      await s.press('End');
      await s.until(() => /target met/.test($('#a >> [data-testid="verdict-2020"]').innerText));
      assert.equal(await s.text('#b >> [data-testid="verdict-2020"]'), b);
      assert.equal(await s.run(() => location.search), '', "the host's URL is left alone");
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'an iframe embed follows its content height through resize.js',
    async run(engine, server) {
      const s = await engine.session({ width: 1000, height: 800 });
      await s.open(`${server.origin}/host-iframe.html`);
      await s.ready('#w');
      // [frame height, content height] once they agree within 4 px.
      const fits = (min, max) => s.until((min, max) => {
        const h = $('#w').getBoundingClientRect().height;
        const c = Math.ceil($('#w >> html').getBoundingClientRect().height);
        return Math.abs(h - c) <= 4 && c > min && c < max && [h, c];
      }, [min, max], { what: `the frame fitting content between ${min} and ${max}` });
      const [start] = await fits(1000, 1e6);
      // Grow: every event; shrink: back to the key moments.
      await s.run(() => $('#w >> [data-testid="show-all"]').click());
      const [grown] = await fits(start + 500, 1e6);
      await s.run(() => $('#w >> [data-testid="show-all"]').click());
      await fits(0, grown - 500);
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'resize.js added after the frame has settled still sizes it: it asks the frame',
    async run(engine, server) {
      const s = await engine.session({ width: 1000, height: 800 });
      await s.open(`${server.origin}/host-iframe-late.html`);
      await s.ready('#w');
      // Settled: the frame's content height has not changed for a second, so it has
      // sent its last height message.
      const content = () => s.run(() => Math.ceil($('#w >> html').getBoundingClientRect().height));
      for (let last = -1, h = await content(); h !== last; last = h, h = await content()) {
        await new Promise((r) => setTimeout(r, 1000));
      }
      assert.equal(await s.run(() => $('#w').getBoundingClientRect().height), 300, 'nothing sized it yet');
      await s.run((src) => {
        const script = document.createElement('script');
        script.type = 'module';
        script.src = src;
        document.body.append(script);
      }, `${server.origin}/resize.js`);
      await s.until(() => {
        const h = $('#w').getBoundingClientRect().height;
        const c = Math.ceil($('#w >> html').getBoundingClientRect().height);
        return c > 1000 && Math.abs(h - c) <= 4;
      }, [], { what: 'the frame fitting its content' });
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'with JavaScript off, the page shows the verdict and the events',
    async run(engine, server) {
      const s = await engine.session();
      await s.open(`${server.origin}/no-script.html`);
      await s.until(() => $('[data-testid="verdict-2020"]'));
      assert.equal(await s.text('[data-testid="verdict-2020"]'), '2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)');
      // The line shows once the client has had 1.5 s to start.
      await s.until(() => /need JavaScript/.test($('[data-testid="no-script"]').innerText));
      const visible = async () => (await shownEvents(s)).length;
      assert.equal(await visible(), 12);
      // "Show all" opens onto the page of every event, which needs no script either.
      await s.click('[data-testid="show-all"]');
      await s.click('[data-testid="all-events-page"]');
      await s.until(() => /\/events\.html$/.test(location.pathname) && document.readyState === 'complete');
      assert.equal(await visible(), 74);
      assert.equal(await s.run(() => document.querySelector('.p1[data-ready]')), null, 'no client ran');
      // Guess first can't ask without a client: the answer shows, as on any link.
      await s.open(`${server.origin}/no-script.html?guess=on`);
      await s.until(() => $('[data-testid="headline"]'));
      assert.match(await s.text('[data-testid="headline"]'), /It bought none of the extra/);
      await s.close();
    },
  },
  {
    name: 'the Chinese page: its verdict, figures kept whole at phone width, a slider',
    async run(engine, server) {
      const s = await engine.session({ width: 375, height: 700, atLeast: true });
      await s.open(`${server.url}index.zh-Hans.html`);
      await s.ready();
      const verdict = async () => (await s.text('[data-testid="verdict-2020"]')).replace(/\u2060/g, '');
      assert.equal(await s.run(() => $('.p1').lang), 'zh-Hans');
      assert.equal(await verdict(), '2020年：658亿美元，目标1427亿美元——差769亿美元（完成目标的46%）');
      // After Intl takes over from the prerender's formatter, the same text.
      await s.until(() => $('.p1')?.dataset.format === 'intl');
      assert.equal(await verdict(), '2020年：658亿美元，目标1427亿美元——差769亿美元（完成目标的46%）');
      assert.match((await s.text('.p1-sofar')).replace(/\u2060/g, ''), /^截至2020年6月底/);
      // No figure or date breaks across lines in this engine's line breaking.
      const broken = await s.run(brokenFigures);
      assert.deepEqual(broken, []);
      assert.ok(await s.focus('[data-testid="rate-manufactured"]'));
      await s.press('End');
      await s.until(() => /已达标/.test($('[data-testid="verdict-2020"]').innerText));
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'the chart names its moments, and a marker opens its events by the chart',
    async run(engine, server) {
      const s = await opened(engine, server.url, { width: 1280, height: 900 });
      const labels = await s.run(() => [...document.querySelectorAll('[data-testid="chart-moment"] text')].map((t) => t.textContent.trim()));
      assert.ok(labels.length >= 3, labels.join(' | '));
      // No two labels overlap in this engine's fonts.
      const clashes = await s.run(() => {
        const els = [...document.querySelectorAll('[data-testid="chart-moment"] text, .p1-asof-label, .p1-direct-target')];
        // Engines report a text's box as its font's line box (Firefox: 20 px for 11 px
        // type), taller than its ink: compare the middle 60% of each box's height.
        const r = els.map((t) => t.getBoundingClientRect()).map((b) => ({
          left: b.left, right: b.right, top: b.top + b.height * 0.2, bottom: b.bottom - b.height * 0.2,
        }));
        const out = [];
        r.forEach((a, i) => r.forEach((b, j) => {
          if (j > i && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
            out.push(`${els[i].textContent.trim()} [${Math.round(a.left)}–${Math.round(a.right)}, ${Math.round(a.top)}–${Math.round(a.bottom)}] × ${els[j].textContent.trim()} [${Math.round(b.left)}–${Math.round(b.right)}, ${Math.round(b.top)}–${Math.round(b.bottom)}]`);
          }
        }));
        return out;
      });
      assert.deepEqual(clashes, [], `${s.engine}: labels overlap`);
      const marker = '[data-testid="chart-marker"][data-event-ids~="2020-08-eo-13942-orders-ban"]';
      // The label mid-screen first: a WebDriver click scrolls its target into view
      // itself (WebKit's to the middle), which must not count as the widget's doing.
      const label = '[data-testid="chart-moment"][data-event-id="2020-08-eo-13942-orders-ban"] text';
      await s.run((l) => {
        const r = $(l).getBoundingClientRect();
        scrollBy(0, r.top + r.height / 2 - innerHeight / 2);
      }, label);
      const y0 = await s.run(() => scrollY);
      // Pointer: a click on a named moment's label opens its marker's events.
      await s.click(label);
      await s.until(() => $('[data-testid="moment-panel"] [data-event-id="2020-08-eo-13942-orders-ban"]'));
      assert.equal(await s.attr(marker, 'aria-expanded'), 'true');
      await s.until(() => document.activeElement?.classList.contains('p1-panel-title'));
      const moved = Math.abs((await s.run(() => scrollY)) - y0);
      assert.ok(moved <= 120, `${s.engine}: the page moved ${moved} px`);
      // Escape closes it, and focus is back on the marker.
      await s.press('Escape');
      await s.until(() => !$('[data-testid="moment-panel"]') && document.activeElement?.dataset?.testid === 'chart-marker');
      // Keyboard: Enter on the marker opens it again; "Close" closes it.
      assert.ok(await s.focus(marker));
      await s.press('Enter');
      await s.until(() => $('[data-testid="moment-panel"]'));
      await s.click('[data-testid="moment-close"]');
      await s.until(() => !$('[data-testid="moment-panel"]') && document.activeElement?.dataset?.testid === 'chart-marker');
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'the keyboard works a slider and the timeline feed',
    async run(engine, server) {
      const s = await opened(engine, server.url);
      const active = () => s.run(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a?.dataset?.testid ?? a?.dataset?.eventId ?? a?.tagName; });
      const before = await s.text('[data-testid="verdict-2020"]');
      assert.ok(await s.focus('[data-testid="rate-manufactured"]'));
      await s.press('End');
      await s.until(() => /target met/.test($('[data-testid="verdict-2020"]').innerText));
      await s.press('Home');
      await s.until((b) => $('[data-testid="verdict-2020"]').innerText !== b && !/target met/.test($('[data-testid="verdict-2020"]').innerText), [before]);
      assert.equal(await s.value('[data-testid="rate-manufactured"]'), '0');
      await s.press('Tab');
      assert.equal(await active(), 'rate-manufactured-number', 'Tab goes from the slider to its number box');
      // The feed: arrows, Home and End move between events.
      const ids = await shownEvents(s);
      assert.equal(ids.length, 12, 'the key moments');
      assert.equal(await s.attr(`[data-testid="timeline-event"][data-event-id="${ids[0]}"]`, 'tabindex'), '0', 'the feed is one Tab stop, at its first event');
      assert.ok(await s.focus(`[data-testid="timeline-event"][data-event-id="${ids[0]}"]`));
      await s.press('ArrowDown');
      await s.until((id) => document.activeElement?.dataset?.eventId === id, [ids[1]]);
      await s.press('End');
      await s.until((id) => document.activeElement?.dataset?.eventId === id, [ids.at(-1)]);
      await s.press('Home');
      await s.until((id) => document.activeElement?.dataset?.eventId === id, [ids[0]]);
      await s.until((id) => location.hash === `#event-${id}`, [ids[0]]);
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'guess first: no outcome before the guess; a drag and the keyboard set it; Show me and Skip reveal',
    async run(engine, server) {
      const s = await opened(engine, `${server.url}?guess=on`);
      await s.until(() => $('[data-testid="guess"]'));
      const whole = () => s.run(() => $('.p1').textContent);
      assert.doesNotMatch(await whole(), /\b(57|58|60|62\.9)%|none of the extra/);
      assert.equal(await s.run(() => document.title.includes('none of the extra')), false);
      // A drag on the chart (pointer events, as a finger or a mouse sends them).
      await s.run(() => {
        const svg = $('[data-testid="guess-chart"]');
        const r = svg.getBoundingClientRect();
        const at = (type, f) => svg.dispatchEvent(new PointerEvent(type, {
          bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', isPrimary: true,
          clientX: r.right - 20, clientY: r.top + r.height * f,
        }));
        at('pointerdown', 0.8);
        at('pointermove', 0.6);
        at('pointermove', 0.4);
        at('pointerup', 0.4);
        return true;
      });
      await s.until(() => Number($('[data-testid="guess-input"]').value) > 30);
      // What keeps a finger on the chart from scrolling the page, in this engine.
      assert.equal(await s.run(() => getComputedStyle($('[data-testid="guess-chart"]')).touchAction), 'none');
      assert.equal(await s.run(() => scrollY), 0);
      // The keyboard: to 75%.
      assert.ok(await s.focus('[data-testid="guess-input"]'));
      await s.press('End', ...Array(45).fill('ArrowLeft'));
      await s.until(() => $('[data-testid="guess-input"]').value === '75');
      await s.click('[data-testid="guess-submit"]');
      await s.until(() => /^You guessed 75%; China bought 60%/.test($('[data-testid="guess-result"]').innerText));
      // The link keeps guess first, never the guess.
      const link = await s.attr('[data-testid="copy-link-top"]', 'data-url');
      assert.match(link, /[?&]guess=on/);
      // (Its query, not the test server's port, which may hold the digits.)
      assert.doesNotMatch(new URL(link).search, /75/);
      await s.until(() => $('[data-testid="verdict-2020"]'));
      await noErrors(s);
      // Skip, in Chinese.
      await s.open(`${server.url}index.zh-Hans.html?guess=on`);
      await s.ready();
      await s.click('[data-testid="guess-skip"]');
      await s.until(() => /^中国实际完成承诺的60%。统计口径：/.test($('[data-testid="guess-result"]').innerText));
      await noErrors(s);
      await s.close();
    },
  },
  {
    name: 'Download image paints the reader\'s view on a canvas as a 2400-pixel PNG, in both languages',
    async run(engine, server) {
      const s = await engine.session();
      for (const [page, lang] of [['', 'en'], ['index.zh-Hans.html', 'zh-hans']]) {
        await s.open(`${server.url}${page}?asof=2020-09&mfg=9`);
        await s.ready();
        // The file's link is recorded instead of followed (a driver can't see a download).
        await s.run(() => {
          window.__saved = null;
          HTMLAnchorElement.prototype.click = function () { window.__saved = { name: this.download, href: this.href }; };
          return true;
        });
        await s.click('[data-testid="download-image"]');
        await s.until(() => window.__saved !== null);
        const png = await s.run(async () => {
          const b = await (await fetch(window.__saved.href)).arrayBuffer();
          const v = new DataView(b);
          return { name: window.__saved.name, magic: v.getUint32(0), width: v.getUint32(16), height: v.getUint32(20), bytes: b.byteLength };
        });
        assert.equal(png.name, `phase-one-scenario-us-from-2020-10-${lang}.png`, engine.name);
        assert.equal(png.magic, 0x89504e47, `${engine.name}: a PNG`);
        assert.equal(png.width, 2400, engine.name);
        assert.ok(png.height > 2000 && png.bytes > 100_000, `${engine.name}: ${JSON.stringify(png)}`);
        await noErrors(s);
      }
      await s.close();
    },
  },
];
