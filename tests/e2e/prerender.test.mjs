// The prerendered first screen (scripts/prerender.mjs): in the HTML before the wasm, shown at once,
// its fields take input before the app runs, and what was typed there is the app's once it mounts.
// A Portuguese browser gets the Portuguese copy; none is shown when the page will not start as
// captured (a saved draft).
// A test holds the app back by holding its JS glue (the wasm in index.html waits for it).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, world } from './harness.mjs';

const w = world([]);
let site, browser;
before(async () => ({ site, browser } = await w.ready));

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NAME = '#f-instanceName';
const EDITOR = '#payload-editor';

/** A page of a new context whose app is held until `release()`; console errors collected. */
async function held(init, locale = 'en-US') {
  const context = await browser.newContext({ locale });
  if (init) await context.addInitScript(init);
  let release;
  const gate = new Promise((ok) => (release = ok));
  await context.route('**/evo-admin.js', async (route) => {
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url, { waitUntil: 'domcontentloaded' });
  return { context, page, errors, release };
}

/** The token of the payload in `text`. */
const tokenOf = (text) => JSON.parse(text).token;

test('index.html carries the first screen before the wasm: the app\'s controls, no test ids, no build token; the later visits\' page does not', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const at = html.indexOf('<div id="pre">');
  assert.ok(at > 0, 'a prerendered first screen');
  const data = html.indexOf('evo/wasm');
  assert.ok(data < 0 || at < data, 'before the wasm\'s data blocks');
  const pre = html.slice(at, html.indexOf('<script>', at));
  assert.ok(!/\sdata-(?!pre=)/.test(pre), 'no test ids or measures in the copy');
  assert.match(pre, /data-pre="?send/);
  assert.match(pre, /id="?payload-editor/);
  assert.match(pre, /id="?f-instanceName/);
  assert.match(pre, /00000000-0000-4000-8000-00000000e7e0/, 'the marker where the token goes');
  assert.ok(!/\bstyle=/.test(pre), 'no style attributes (the CSP refuses them)');
  const shell = readdirSync(DIST).find((f) => /^index-[0-9a-f]{16}\.html$/.test(f));
  if (shell) assert.ok(!readFileSync(join(DIST, shell), 'utf8').includes('<div id="pre">'));
});

test('typed before the wasm runs, kept after: the name field, its focus and caret; the copy goes, the app\'s send is the only one', async () => {
  const { context, page, errors, release } = await held();
  const pre = page.locator('#pre');
  await pre.locator('[data-pre=send]').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('send').count(), 0, 'the app has not mounted');
  assert.ok(await pre.locator('[data-pre=send]').isDisabled(), 'the copy\'s send is held, as the app\'s is until its rules are there');
  // A fresh token per visit, written by the page's script over the build's marker.
  const token = tokenOf(await pre.locator(EDITOR).inputValue());
  assert.match(token, UUID_V4);
  assert.notEqual(token, '00000000-0000-4000-8000-00000000e7e0');

  await pre.locator(NAME).fill('earlybird');
  release();
  await page.getByTestId('send').waitFor();
  assert.equal(await page.locator('#pre').count(), 0, 'the copy is gone');
  assert.equal(await page.locator(NAME).count(), 1, 'one field of that id');
  assert.equal(await page.getByTestId('instance-name').inputValue(), 'earlybird');
  await page.waitForFunction((sel) => JSON.parse(document.querySelector(sel).value).instanceName === 'earlybird', EDITOR);
  assert.deepEqual(await page.evaluate(() => [document.activeElement?.id, document.activeElement?.selectionStart]), ['f-instanceName', 9]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a payload pasted into the copy\'s editor is the app\'s text, a click on its tab the app\'s; two visits get two tokens', async () => {
  const first = await held();
  const token1 = tokenOf(await first.page.locator(`#pre ${EDITOR}`).inputValue());
  const text = JSON.stringify({ instanceName: 'pasted-early', qrcode: true, integration: 'WHATSAPP-BAILEYS' }, null, 2);
  await first.page.locator(`#pre ${EDITOR}`).fill(text);
  // A click on one of the copy's buttons (the second tab) is made on the app's once it is there.
  await first.page.locator('#pre nav.tabs button').nth(1).click();
  first.release();
  await first.page.getByTestId('send').waitFor({ state: 'attached' });
  await first.page.waitForFunction(([sel, t]) => document.querySelector(sel).value === t, [EDITOR, text]);
  assert.equal(await first.page.getByTestId('instance-name').inputValue(), 'pasted-early', 'the form follows the text');
  assert.equal(await first.page.getByTestId('instances-tab').getAttribute('aria-pressed'), 'true', 'the click on the tab was made again');
  assert.ok(await first.page.getByTestId('send').isHidden(), 'the instances view is shown');
  await first.context.close();

  const second = await held();
  const token2 = tokenOf(await second.page.locator(`#pre ${EDITOR}`).inputValue());
  assert.notEqual(token1, token2);
  // Untouched: the app's own starting payload (its own fresh token) replaces the copy's.
  second.release();
  await second.page.getByTestId('send').waitFor();
  assert.match(tokenOf(await second.page.locator(EDITOR).inputValue()), UUID_V4);
  await second.context.close();
});

test('not shown beside a saved draft (the page will not start as captured)', async () => {
  const draft = await held(() => localStorage.setItem('evo-admin.draft', '{"instanceName":"mine"}'));
  await draft.page.locator('#pre').waitFor({ state: 'attached' });
  assert.ok(await draft.page.locator('#pre').isHidden(), 'hidden beside a saved draft');
  draft.release();
  await draft.page.getByTestId('send').waitFor();
  assert.equal(await draft.page.getByTestId('instance-name').inputValue(), 'mine');
  assert.deepEqual(draft.errors, []);
  await draft.context.close();
});

test('a Portuguese browser gets the Portuguese copy: the app\'s own words, and what is typed there kept', async () => {
  const pt = await held(null, 'pt-BR');
  const pre = pt.page.locator('#pre');
  await pre.locator('[data-pre=send]').waitFor({ state: 'visible' });
  assert.equal(await pre.getAttribute('lang'), 'pt-BR');
  assert.equal(await pt.page.locator('template').count(), 0, 'the unused copy is gone');
  const [heading, send] = [await pre.locator('h1').textContent(), await pre.locator('[data-pre=send]').textContent()];
  // Captured on a public host: no base URL yet, and what to do about it in Portuguese (evo-core's
  // message rendered in the page's language; it was once its English `Display`).
  const hint = await pre.locator('#base-url-hint').textContent();
  assert.match(hint, /URL base/);
  assert.doesNotMatch(hint, /Enter the server/);
  assert.match(tokenOf(await pre.locator(EDITOR).inputValue()), UUID_V4);
  await pre.locator(NAME).fill('cedo');
  pt.release();
  await pt.page.getByTestId('send').waitFor();
  assert.equal(await pt.page.locator('#pre').count(), 0);
  assert.equal(await pt.page.evaluate(() => document.documentElement.lang), 'pt-BR');
  assert.equal(await pt.page.locator('h1').textContent(), heading, 'the copy\'s heading is the app\'s');
  assert.notEqual(heading, 'Evolution API — create a WhatsApp instance', 'not the English copy');
  assert.notEqual(send, 'Loading the rules…', 'its send button in Portuguese too');
  assert.equal(await pt.page.getByTestId('instance-name').inputValue(), 'cedo');
  await pt.page.getByTestId('base-url').fill('');
  await pt.page.waitForFunction((h) => document.getElementById('base-url-hint').textContent === h, hint);
  assert.deepEqual(pt.errors, []);
  await pt.context.close();
});

test('index.html (the wasm inlined): the copy is shown before the app mounts, then replaced with no error', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    const seen = () => {
      const pre = document.querySelector('#pre [data-pre=send]');
      if (!window.__pre && pre?.checkVisibility()) window.__pre = performance.now();
      if (!window.__app && document.querySelector('[data-testid=send]')) window.__app = performance.now();
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
  await page.getByTestId('send').waitFor();
  const [pre, app] = await page.evaluate(() => [window.__pre, window.__app]);
  assert.ok(pre > 0 && pre < app, `the copy shown (${pre} ms) before the app's send (${app} ms)`);
  assert.equal(await page.locator('#pre').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
