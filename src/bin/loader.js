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
const SELECTOR = '[data-phase-one-widget]';
/** Elements handed to the widget, by identity: a clone or a re-rendered copy of one (which
 *  carries its attributes) is a new element and mounts too. */
const asked = new WeakSet();
/** How long an element may take to come alive before the failure line shows, whatever
 *  stopped it (the line goes again if it comes alive later). */
const WATCHDOG_MS = 10000;
const ownPage = document.querySelector('meta[name="phase-one-widget"]') !== null;
/** Guess first on the widget's own page: the prerendered page, which gives the outcome,
 *  stays out of sight until the client draws the question in its place (CSS,
 *  `.p1-guess-pending`), or gives up (`failed`).
 *  Without JavaScript nothing hides it: a reader can't guess there. */
const guessPending = ownPage && new URLSearchParams(location.search).get('guess') === 'on';
/** The page's own line for a reader without JavaScript (CSS shows it if the client isn't
 *  there after a moment) is not for this reader: the loader runs, so either the client
 *  comes or the loader says why not. Hiding it here keeps a slow start from pushing the
 *  page down and back up. */
if (ownPage) document.documentElement.classList.add('p1-js');
if (guessPending) document.documentElement.classList.add('p1-guess-pending');
/** Languages other than English: the file with the failure line in each, written by the
 *  build from the language's strings. */
const LANGS = __LANGS__;

/** What the widget needs (README, "Supported browsers"): wasm, Shadow DOM, ResizeObserver,
 *  Intl, and the CSS its colours and layout are written in: `light-dark()` (Chrome 123,
 *  Firefox 120, Safari 17.5), `:has()` (Firefox 121) and container queries. These came
 *  after every wasm feature the build uses, so an older browser keeps the prerendered
 *  content and gets the one line, without starting the wasm. */
const supported = () =>
  // A page that gave every object a `then` (a polluted prototype) makes every promise
  // that resolves to an object wait forever: the wasm could never start.
  !('then' in Object.prototype) &&
  typeof WebAssembly === 'object' &&
  typeof ResizeObserver === 'function' &&
  typeof Element.prototype.attachShadow === 'function' &&
  typeof Intl === 'object' && typeof Intl.NumberFormat === 'function' &&
  ['color: light-dark(#000, #fff)', 'selector(:has(a))', 'container-type: inline-size']
    .every((q) => globalThis.CSS?.supports?.(q) === true);

/** Resolves once the page has painted its content (the prerendered widget, or the host
 *  article), so the wasm (on the widget's own page already downloading from its preload
 *  hint) is compiled and run only after the reader has something to read. A hidden tab,
 *  or a browser without paint timing, waits for a frame instead (200 ms at most); none
 *  waits over 3 s. */
function painted() {
  return new Promise((done) => {
    const fcp = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    const timing = globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint');
    if (document.visibilityState === 'hidden' || !timing) {
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 200);
      return;
    }
    if (fcp()) return done();
    const watch = new PerformanceObserver(() => {
      if (fcp()) { watch.disconnect(); setTimeout(done, 0); }
    });
    watch.observe({ type: 'paint', buffered: true });
    setTimeout(done, 3000);
  });
}

/** Starts fetching the files the build listed in the page's `#phase-one-files` template:
 *  on the Chinese page, its three language files, which the widget reads as it starts
 *  (its requests then are answered from these). They are not hints in the head: they
 *  would take bandwidth from the first paint, and they still arrive well before the wasm.
 *  Other pages have none. Resolves once each has loaded or failed (3 s at most): the
 *  widget starts only then, because a request that takes over a hint still in flight
 *  (the wasm was cached, say) makes Chromium abort the hint and report an error. */
function languageFiles() {
  const files = document.getElementById('phase-one-files');
  if (!(files instanceof HTMLTemplateElement)) return Promise.resolve();
  const links = [...files.content.cloneNode(true).querySelectorAll('link')];
  const fetched = links.map((link) => new Promise((done) => {
    link.addEventListener('load', done);
    link.addEventListener('error', done);
    if (!link.relList.supports?.('preload')) done();
  }));
  document.head.append(...links);
  return Promise.race([Promise.all(fetched), new Promise((done) => setTimeout(done, 3000))]);
}

let loading = null;
function load() {
  loading ??= (async () => {
    if (!supported()) throw new Error('this browser lacks a feature the widget needs');
    // Once the page has painted: the wasm's request (answered from the hint on the
    // widget's own page; on another site's, made while the glue comes, not after it) and
    // the language's files.
    const shown = painted();
    const files = shown.then(languageFiles);
    const wasm = shown.then(() => fetch(new URL('./__WASM__', here)));
    wasm.catch(() => {});
    const glue = await import('./__GLUE__');
    await shown;
    performance.mark('phase-one-start');
    await glue.default({ module_or_path: wasm });
    await files;
    glue.start(new URL('./__CSS__', here).href);
    document.dispatchEvent(new Event('phase-one-ready'));
    return glue;
  })();
  return loading;
}

function mount(el) {
  asked.add(el);
  const timer = watchdog(new WeakRef(el));
  return load().then((glue) => { glue.mount(el); }, (error) => {
    clearTimeout(timer);
    failed(error, [el]);
  });
}

/** Shows the failure line if the element isn't live in time. It holds the element weakly
 *  (and in a scope of its own), so a removed element is not kept for its sake. */
function watchdog(ref) {
  return setTimeout(() => {
    const host = ref.deref();
    if (host?.isConnected && !live(host)) failed(new Error(`not live after ${WATCHDOG_MS / 1000} s`), [host]);
  }, WATCHDOG_MS);
}

/** The element's widget has started (in its Shadow DOM, or in the element on the
 *  widget's own page). */
const live = (el) => !!(el.shadowRoot ?? el).querySelector('.p1[data-ready]');

/** Elements the page removed: their widgets are torn down, once it is clear they were
 *  not only moved (a move removes and adds in the same task). */
function removed(nodes) {
  const hosts = [];
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    if (node.matches(SELECTOR)) hosts.push(node);
    hosts.push(...node.querySelectorAll(SELECTOR));
  }
  const gone = hosts.filter((h) => asked.has(h));
  if (!gone.length) return;
  setTimeout(() => {
    for (const host of gone) {
      if (host.isConnected) continue;
      asked.delete(host);
      loading?.then((glue) => glue.unmount(host), () => {});
    }
  }, 0);
}

globalThis.PhaseOneWidget = Object.freeze({ mount });

function failed(error, hosts = [...document.querySelectorAll(SELECTOR)]) {
  console.error('Phase One widget could not start:', error);
  document.documentElement.classList.remove('p1-guess-pending');
  const own = __OWN__;
  const asked = [...new URLSearchParams(location.search)]
    .filter(([k]) => own.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  for (const host of hosts) {
    if (host.querySelector(':scope > .p1-failed')) continue;
    const standalone = ownPage && host.hasAttribute('data-phase-one-standalone');
    // The line in the widget's language: its data-lang (the Chinese page's root has one
    // too); nothing guesses from the host page.
    words((host.getAttribute('data-lang') || 'en').toLowerCase(), (text) => {
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
      // If the widget comes alive after all, the line goes.
      const gone = () => { if (live(host)) p.remove(); else if (host.isConnected) setTimeout(gone, 1000); };
      setTimeout(gone, 1000);
    });
  }
}

/** The failure line's words in a language, handed to `show`: English is here, at once;
 *  another language's come from its file, fetched only then (so no reader downloads a
 *  language they didn't ask for), and English if that fails too. On a page whose objects
 *  all have a `then`, no promise of an object settles: English, at once. */
const loaded = new Map();
function words(lang, show) {
  const english = __STRINGS__;
  const code = Object.keys(LANGS).find((k) => k.toLowerCase() === lang);
  if (!code || 'then' in Object.prototype) return show(english);
  if (!loaded.has(code)) {
    loaded.set(code, fetch(new URL(`./${LANGS[code]}`, here))
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((t) => (['failed', 'scenario', 'link', 'page'].every((k) => typeof t?.[k] === 'string') ? t : english))
      .catch(() => english));
  }
  loaded.get(code).then(show);
}

const fresh = () => [...document.querySelectorAll(SELECTOR)].filter((h) => !asked.has(h));
if (ownPage || typeof IntersectionObserver === 'undefined') {
  for (const host of fresh()) mount(host);
} else {
  // One screen ahead: the widget is ready by the time the reader reaches it, and renders
  // while still below the viewport, so nothing the reader sees moves.
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        if (!asked.has(entry.target)) mount(entry.target);
      }
    },
    { rootMargin: '100% 0px' },
  );
  const watch = () => {
    for (const host of fresh()) near.observe(host);
  };
  watch();
  // Elements added later (content management systems, endless article pages).
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
}
// Elements removed (a CMS re-rendering, an endless page dropping what scrolled past).
new MutationObserver((records) => removed(records.flatMap((r) => [...r.removedNodes])))
  .observe(document.documentElement, { childList: true, subtree: true });
