// Phase One widget loader. Generated at build time from src/bin/loader.js; do not edit.
//
// On the widget's own page (the one with <meta name="phase-one-widget">) it loads the wasm
// at once and mounts the page's root. On any other page it loads nothing until a widget
// element comes within about a screen of the viewport, then mounts each element as it
// nears; elements added later are watched too. PhaseOneWidget.mount(el) mounts one
// element now (loading the wasm if need be).
//
// If the wasm can't load or start (a host page's Content-Security-Policy without
// 'wasm-unsafe-eval', a network error, an old browser), the prerendered or placeholder
// content stays, with one line saying so: on another site's page, a link to the widget's
// own page; on that page, the view a link asked for.
const here = import.meta.url;
const SELECTOR = '[data-phase-one-widget]:not([data-phase-one-mounted])';
const ownPage = document.querySelector('meta[name="phase-one-widget"]') !== null;
/** Languages other than English: the strings file and the page of each. */
const LANGS = __LANGS__;

/** What the widget needs (README, "Supported browsers"): wasm, Shadow DOM, ResizeObserver,
 *  Intl, and the CSS its colours and layout are written in: `light-dark()` (Chrome 123,
 *  Firefox 120, Safari 17.5), `:has()` (Firefox 121) and container queries. These came
 *  after every wasm feature the build uses, so an older browser keeps the prerendered
 *  content and gets the one line, without starting the wasm. */
const supported = () =>
  typeof WebAssembly === 'object' &&
  typeof ResizeObserver === 'function' &&
  typeof Element.prototype.attachShadow === 'function' &&
  typeof Intl === 'object' && typeof Intl.NumberFormat === 'function' &&
  ['color: light-dark(#000, #fff)', 'selector(:has(a))', 'container-type: inline-size']
    .every((q) => globalThis.CSS?.supports?.(q) === true);

let loading = null;
function load() {
  loading ??= (async () => {
    if (!supported()) throw new Error('this browser lacks a feature the widget needs');
    const glue = await import('./__GLUE__');
    await glue.default({ module_or_path: new URL('./__WASM__', here) });
    glue.start(new URL('./__CSS__', here).href);
    document.dispatchEvent(new Event('phase-one-ready'));
    return glue;
  })();
  return loading;
}

function mount(el) {
  return load().then((glue) => glue.mount(el), failed);
}

globalThis.PhaseOneWidget = Object.freeze({ mount });

function failed(error) {
  console.error('Phase One widget could not start:', error);
  const own = __OWN__;
  const asked = [...new URLSearchParams(location.search)]
    .filter(([k]) => own.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  for (const host of document.querySelectorAll(SELECTOR)) {
    if (host.querySelector(':scope > .p1-failed')) continue;
    const standalone = ownPage && host.hasAttribute('data-phase-one-standalone');
    // The line in the widget's language: its data-lang (the Chinese page's root has one
    // too); nothing guesses from the host page.
    words((host.getAttribute('data-lang') || 'en').toLowerCase()).then((text) => {
      if (host.querySelector(':scope > .p1-failed')) return;
      const p = document.createElement('p');
      p.className = 'p1-failed';
      p.setAttribute('role', 'status');
      p.append(`${text.failed} `);
      if (standalone && asked) p.append(text.scenario.replace('{params}', asked));
      if (!standalone && !host.querySelector('a')) {
        const a = document.createElement('a');
        a.href = new URL(`./${text.page}`, here).href;
        a.textContent = text.link;
        p.append(a);
      }
      host.prepend(p);
    });
  }
}

/** The failure line's words in a language: English is here; another language's come
 *  from its strings file, fetched only then (so no reader downloads a language they
 *  didn't ask for), and English if that fails too. */
const loaded = new Map();
function words(lang) {
  const english = __STRINGS__;
  const code = Object.keys(LANGS).find((k) => k.toLowerCase() === lang);
  if (!code) return Promise.resolve(english);
  if (!loaded.has(code)) {
    const { file, page } = LANGS[code];
    loaded.set(code, fetch(new URL(`./${file}`, here))
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((csv) => {
        const t = {};
        for (const m of csv.matchAll(/^([a-z0-9_]+),(?:"((?:[^"]|"")*)"|([^"\r\n]*))\r?$/gm)) {
          t[m[1]] = m[2] !== undefined ? m[2].replace(/""/g, '"') : m[3];
        }
        const text = { failed: t.load_failed, scenario: t.load_failed_scenario, link: t.load_failed_link, page };
        return Object.values(text).every(Boolean) ? text : english;
      })
      .catch(() => english));
  }
  return loaded.get(code);
}

if (ownPage || typeof IntersectionObserver === 'undefined') {
  for (const host of document.querySelectorAll(SELECTOR)) mount(host);
} else {
  // One screen ahead: the widget is ready by the time the reader reaches it, and renders
  // while still below the viewport, so nothing the reader sees moves.
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        mount(entry.target);
      }
    },
    { rootMargin: '100% 0px' },
  );
  const watch = () => {
    for (const host of document.querySelectorAll(SELECTOR)) near.observe(host);
  };
  watch();
  // Elements added later (content management systems, endless article pages).
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
}
