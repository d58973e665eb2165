import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWidget } from '../lib/harness.js';
import { waitForApp } from '../lib/browser.js';

const w = useWidget();

test('the release build loads its wasm and renders the app', async () => {
  const page = await w.newPage();
  const errors = page.errors;
  await page.goto(w.server.url);
  await waitForApp(page);
  const headline = await page.textContent('#phase-one-root h1');
  assert.equal(headline, 'China promised to buy $200bn more in US goods and services. It bought none of the extra.');
  assert.ok(w.server.log.some((p) => p.endsWith('.wasm')), 'the wasm was fetched');
  assert.deepEqual(errors, []);
  await page.close();
});
