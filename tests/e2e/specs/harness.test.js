// The suite's own machinery, without a browser: the one retry a known engine fault gets
// (lib/engines.js, ENGINE_FAULTS) must not hide any other failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryEngineFault } from '../lib/engines.js';

const FAULT = 'webkit: timed out waiting for .p1[data-live] (false); the page: [["pageerror: RuntimeError: Out of bounds memory access (evaluating \'o.f(r,e,t)\')"]]';

/** Runs retryEngineFault over a case that fails with `failures` in turn, then passes. */
async function run(engine, failures) {
  const notes = [];
  let tries = 0;
  let fresh = 0;
  const result = retryEngineFault(engine, async () => {
    const failure = failures[tries++];
    if (failure) throw new Error(failure);
    return 'passed';
  }, { note: (l) => notes.push(l), fresh: async () => { fresh++; } });
  return { result, notes, tries: () => tries, fresh: () => fresh };
}

test('a case that meets a known engine fault once runs again in a new browser, and says so', async () => {
  const r = await run('webkit', [FAULT]);
  assert.equal(await r.result, 'passed');
  assert.equal(r.tries(), 2);
  assert.equal(r.fresh(), 1);
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0], /engine faulted.*Out of bounds memory access/);
});

test("WebKitWebDriver's unreadable script result is the engine's fault too", async () => {
  const r = await run('webkit', ['WebDriver POST /execute/sync: unknown error: Could not parse script result']);
  assert.equal(await r.result, 'passed');
  assert.equal(r.tries(), 2);
});

test('the fault twice, any other failure, or the fault in another engine fails the case', async () => {
  const twice = await run('webkit', [FAULT, FAULT]);
  await assert.rejects(twice.result, /Out of bounds memory access/);
  assert.equal(twice.tries(), 2);
  const other = await run('webkit', ['expected 12 events, got 11']);
  await assert.rejects(other.result, /got 11/);
  assert.equal(other.tries(), 1);
  assert.equal(other.notes.length, 0);
  const chromium = await run('chromium', [FAULT]);
  await assert.rejects(chromium.result, /Out of bounds/);
  assert.equal(chromium.tries(), 1);
});
