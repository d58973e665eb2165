// What both benchmarks serve with: content types, and a reply gzipped (level 9) when the
// browser accepts it, as a CDN compresses text on the fly. Images are sent as they are.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** The content type of a file, by its extension. */
export const typeOf = (file) => TYPES[path.extname(file)] ?? 'application/octet-stream';

/** Sends `body` as `type`, gzipped if the request accepts it; `cache` is its cache-control. */
export function send(req, res, body, type, cache = 'no-store') {
  const gzip = /gzip/.test(req.headers['accept-encoding'] ?? '') && !/^image\/(png|jpe?g)|^font\//.test(type);
  res.writeHead(200, {
    'content-type': type,
    'cache-control': cache,
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  res.end(gzip ? zlib.gzipSync(body, { level: 9 }) : body);
}

/** The file under `dir` at `rel` (a folder gives its index.html), or null if there is none
 * or the path leaves `dir`. */
export function fileIn(dir, rel) {
  let file = path.resolve(dir, `.${path.sep}${rel}`);
  if (file !== dir && !file.startsWith(dir + path.sep)) return null;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}
