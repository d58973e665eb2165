// A small static HTTP server over the release build (dist/), on 127.0.0.1.
// Options: mount the build under a sub-path, add response headers (e.g. a CSP),
// and serve extra in-memory pages (parent pages for embedding tests).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// PHASE_ONE_DIST serves another build (e.g. an older one, to see a test fail before a fix).
export const DIST = path.resolve(process.env.PHASE_ONE_DIST ?? path.resolve(here, '../../../dist'));
export const E2E_ROOT = path.resolve(here, '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * @param {object} [opts]
 * @param {string} [opts.base='/'] URL prefix the build is served under, with trailing slash
 * @param {Record<string,string>} [opts.headers] extra headers on every build response
 * @param {Record<string,{body:string|Buffer,type?:string,headers?:Record<string,string>}>} [opts.pages]
 *        extra routes (exact path) served from memory
 * @param {Record<string,string>} [opts.files] extra routes (exact path) served from disk
 * @param {(req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean} [opts.handle]
 *        custom routes: return true when the request was answered
 * @param {boolean} [opts.precompressed] send a build file's `.br` or `.gz` twin when the
 *        browser accepts that encoding, as nginx's gzip_static or Caddy's precompressed do
 *        (`encodings` logs what each path was sent as)
 * @param {boolean} [opts.probe] load PROBE first in every HTML page: it collects console
 *        errors, uncaught errors and CSP violations in `window.__errors`, for engines whose
 *        driver can't report them (WebDriver classic)
 */
/** Served at /__probe.js when `probe` is on. */
const PROBE = `window.__errors = [];
(function () {
  const push = (s) => window.__errors.push(String(s).slice(0, 300));
  const error = console.error.bind(console);
  console.error = (...a) => { push('console: ' + a.join(' ')); error(...a); };
  addEventListener('error', (e) => push('pageerror: ' + (e.message || e.target?.src || e.target?.href || 'resource')), true);
  addEventListener('unhandledrejection', (e) => push('rejection: ' + (e.reason?.message ?? e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));
})();`;
const withProbe = (html) => html.toString().replace(/<head>/i, '<head><script src="/__probe.js"></script>');

export async function startServer(opts = {}) {
  const base = opts.base ?? '/';
  const pages = opts.pages ?? {};
  const files = opts.files ?? {};
  const log = [];
  const encodings = {};
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push(url.pathname);
    try {
      if (opts.handle?.(req, res, url)) return;
      if (opts.probe && url.pathname === '/__probe.js') {
        res.writeHead(200, { 'content-type': TYPES['.js'] });
        return res.end(PROBE);
      }
      const html = (type, body) => (opts.probe && type.startsWith('text/html') ? withProbe(body) : body);
      if (pages[url.pathname]) {
        const p = pages[url.pathname];
        const type = p.type ?? 'text/html; charset=utf-8';
        res.writeHead(200, { 'content-type': type, ...(p.headers ?? {}) });
        return res.end(html(type, p.body));
      }
      if (files[url.pathname]) {
        const file = files[url.pathname];
        const body = await fs.readFile(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        return res.end(body);
      }
      if (!url.pathname.startsWith(base)) {
        res.writeHead(404);
        return res.end('not found');
      }
      let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(DIST, rel);
      if (!file.startsWith(DIST + path.sep)) {
        res.writeHead(403);
        return res.end('forbidden');
      }
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (opts.precompressed) {
        const accepts = String(req.headers['accept-encoding'] ?? '');
        for (const [token, ext] of [['br', '.br'], ['gzip', '.gz']]) {
          if (!accepts.includes(token)) continue;
          const twin = await fs.readFile(file + ext).catch(() => null);
          if (!twin) continue;
          encodings[url.pathname] = token;
          res.writeHead(200, { 'content-type': type, 'content-encoding': token, vary: 'accept-encoding', 'cache-control': 'no-store', ...(opts.headers ?? {}) });
          return res.end(twin);
        }
      }
      const body = await fs.readFile(file);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(opts.headers ?? {}),
      });
      res.end(html(type, body));
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    log,
    encodings,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
