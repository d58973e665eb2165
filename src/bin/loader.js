// Phase One widget loader. Generated at build time from src/bin/loader.js; do not edit.
// If the wasm can't load or start (a host page's Content-Security-Policy without
// 'wasm-unsafe-eval', a network error, an old browser), the prerendered or placeholder
// content stays, with one line saying so: on another site's page, a link to the widget's
// own page; on that page, the view a link asked for.
const here = import.meta.url;
try {
  const glue = await import('./__GLUE__');
  await glue.default({ module_or_path: new URL('./__WASM__', here) });
  glue.start(new URL('./__CSS__', here).href);
  globalThis.PhaseOneWidget = Object.freeze({ mount: (el) => glue.mount(el) });
  document.dispatchEvent(new Event('phase-one-ready'));
} catch (error) {
  console.error('Phase One widget could not start:', error);
  const text = __STRINGS__;
  const own = __OWN__;
  const asked = [...new URLSearchParams(location.search)]
    .filter(([k]) => own.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const hosts = document.querySelectorAll(
    '[data-phase-one-widget]:not([data-phase-one-mounted])',
  );
  for (const host of hosts) {
    const standalone = host.hasAttribute('data-phase-one-standalone');
    const p = document.createElement('p');
    p.className = 'p1-failed';
    p.setAttribute('role', 'status');
    p.append(`${text.failed} `);
    if (standalone && asked) p.append(text.scenario.replace('{params}', asked));
    if (!standalone && !host.querySelector('a')) {
      const a = document.createElement('a');
      a.href = new URL('./index.html', here).href;
      a.textContent = text.link;
      p.append(a);
    }
    host.prepend(p);
  }
}
