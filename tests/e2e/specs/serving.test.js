// Serving it compressed (#31): the release build carries a .gz and a .br twin of every
// file a server compresses, each decompressing to the file itself, and a server that
// sends those twins (as nginx's gzip_static or Caddy's precompressed do) serves a page
// that works, the wasm compiled from its brotli bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { useWidget } from '../lib/harness.js';
import { DIST, startServer } from '../lib/server.js';
import { live } from '../lib/widget.js';

const w = useWidget();
const COMPRESSIBLE = /\.(html|js|css|wasm|csv|json|svg|md|txt)$/;

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : [p];
  });
}

test('every file a server compresses has .gz and .br twins that decompress to it exactly', () => {
  const all = files(DIST);
  const compressible = all.filter((f) => COMPRESSIBLE.test(f));
  assert.ok(compressible.some((f) => f.endsWith('_bg.wasm')) && compressible.length > 15, compressible.join(' '));
  for (const f of compressible) {
    const body = fs.readFileSync(f);
    const gz = fs.readFileSync(`${f}.gz`);
    const br = fs.readFileSync(`${f}.br`);
    assert.ok(zlib.gunzipSync(gz).equals(body), `${f}.gz`);
    assert.ok(zlib.brotliDecompressSync(br).equals(body), `${f}.br`);
    if (body.length > 1000) assert.ok(br.length < gz.length && gz.length < body.length, `${f}: ${body.length} > ${gz.length} > ${br.length}`);
  }
  // No twin of a file that isn't there, or of a PNG (already compressed).
  for (const f of all.filter((f) => /\.(gz|br)$/.test(f))) {
    const original = f.replace(/\.(gz|br)$/, '');
    assert.ok(fs.existsSync(original) && COMPRESSIBLE.test(original), f);
  }
});

test('served from its precompressed twins, the page works in both languages', async () => {
  const server = await startServer({ precompressed: true });
  try {
    for (const page of ['index.html', 'index.zh-Hans.html']) {
      const p = await w.newPage();
      const encodings = {};
      p.on('response', async (r) => { encodings[new URL(r.url()).pathname] = (await r.allHeaders())['content-encoding']; });
      await p.goto(server.url + page);
      await live(p);
      await p.focus('[data-testid="rate-manufactured"]');
      await p.keyboard.press('End');
      await p.waitForFunction(() => /target met|已达标/.test(document.querySelector('[data-testid="verdict-2020"]').textContent));
      const wasm = Object.keys(encodings).find((k) => k.endsWith('_bg.wasm'));
      assert.equal(encodings[wasm], 'br', JSON.stringify(encodings));
      assert.equal(encodings[`/${page}`], 'br');
      assert.equal(server.encodings[wasm], 'br');
      assert.deepEqual(p.errors, []);
      await p.close();
    }
  } finally {
    await server.close();
  }
});
