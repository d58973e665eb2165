import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.js';
import { launch, watchErrors, waitForApp } from '../lib/browser.js';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the release build loads its wasm and renders the app', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await waitForApp(page);
  const headline = await page.textContent('#phase-one-root h1');
  assert.equal(headline, 'Is China buying what it promised?');
  assert.ok(server.log.some((p) => p.endsWith('.wasm')), 'the wasm was fetched');
  assert.deepEqual(errors, []);
  await page.close();
});
