// Prints the raw, gzip -9 and brotli (q11) bytes of every file in dist/ that a reader
// downloads, and what the standalone page downloads in each language. Files under
// dist/data/ and dist/images/ are listed apart: the data are offered as downloads for
// journalists (the widget embeds them in the wasm) and the pictures are for social sites,
// newsletters and other places the widget can't run; the widget fetches neither, except
// a language's event and source texts (data/timeline.<lang>.csv, data/sources.<lang>.csv),
// which its readers fetch, and the whole timeline (data/timeline.csv: the wasm embeds the
// key moments), which readers fetch only when they ask for every event. The pages of every event (events*.html, for readers without
// JavaScript) are listed apart too: the widget's page links to them, and fetches nothing
// of theirs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const rows = [];
const extra = [];
function walk(dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isDirectory()) walk(file);
    // The precompressed twins (.gz, .br) are the same files, as a server sends them.
    else if (/\.(gz|br)$/.test(name)) continue;
    else {
      const body = fs.readFileSync(file);
      const rel = path.relative(dist, file);
      const row = {
        file: rel,
        raw: body.length,
        gzip: zlib.gzipSync(body, { level: 9 }).length,
        brotli: zlib.brotliCompressSync(body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }).length,
      };
      // A language's texts, and the whole timeline, which the widget fetches when a reader
      // needs every event.
      const language = /^data[/\\](timeline|sources)\.[^.]+\.csv$/.test(rel) || rel === path.join('data', 'timeline.csv');
      const apart = (rel.startsWith('data' + path.sep) && !language) || rel.startsWith('images' + path.sep)
        || /^events(\.[^.]+)?\.html$/.test(rel);
      (apart ? extra : rows).push(row);
    }
  }
}
walk(dist);
const kind = (f) => {
  const ext = path.extname(f);
  return { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML', '.svg': 'icon', '.csv': 'data' }[ext] ?? ext;
};
const pad = (s, n) => String(s).padStart(n);
const line = (r) => `${r.file.padEnd(46)} ${(r.kind ?? kind(r.file)).padEnd(5)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`;
console.log(`${'file'.padEnd(46)} ${'kind'.padEnd(5)} ${pad('raw B', 9)} ${pad('gzip -9', 9)} ${pad('brotli', 9)}`);
for (const r of rows) console.log(line(r));
const sum = (rs) => rs.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(line({ file: 'TOTAL of the files above', ...sum(rows) }).replace(/ {2}TOTAL/, 'TOTAL'));
// What the standalone page downloads in each language (not resize.js, which only
// iframe parents load, nor a language's `.loader.json`, the failure line's words, which
// the loader fetches only if the widget can't start): its own page, the shared files,
// and the language's own files.
const pages = rows.filter((r) => /^index(\.[^.]+)?\.html$/.test(r.file));
const own = (r, lang) => lang !== null && r.file.endsWith(`${lang}.csv`);
const shared = rows.filter((r) => !pages.includes(r) && r.file !== 'resize.js'
  && !r.file.endsWith('.csv') && !r.file.endsWith('.loader.json'));
console.log('');
for (const page of pages) {
  const lang = page.file.match(/^index\.([^.]+)\.html$/)?.[1] ?? null;
  const files = [page, ...shared, ...rows.filter((r) => /\.csv$/.test(r.file) && own(r, lang))];
  console.log(line({ file: `standalone page, ${page.file}`, kind: 'all', ...sum(files) }));
}
if (extra.length) {
  console.log('\nData offered for download, the pictures and the pages of every event; not fetched by the widget:');
  for (const r of extra) console.log(line(r));
}
