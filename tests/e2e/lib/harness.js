// Shared set-up for spec files: one static server over dist/ and one Chromium per file,
// and pages in fresh browser contexts (no shared cache, storage or permissions).
import { before, after } from 'node:test';
import { startServer } from './server.js';
import { launch, watchErrors } from './browser.js';

/** Starts the server and browser before the file's tests; returns live handles. */
export function useWidget(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  /** A page in its own context; `page.errors` collects console and page errors, and
   *  closing the page closes its context. */
  env.newPage = async (opts = {}) => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
    const page = await context.newPage();
    page.errors = watchErrors(page);
    page.ctx = context;
    const close = page.close.bind(page);
    page.close = async () => { await close(); await context.close(); };
    return page;
  };
  return env;
}
