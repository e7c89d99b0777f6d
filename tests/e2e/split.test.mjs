// The release build is split (scripts/wasm.mjs, src/lazy.rs): the first load fetches the main module
// only (or nothing: it is inside index.html); each part is fetched the first time it is used, once; a
// part that cannot be fetched is explained where it would have been, the page keeps working and the
// next use fetches it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, until, world } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-split-key';
const w = world(['--key', KEY, '--qr-period-ms', '60000']);

/** The wasm files fetched so far, by part name (`main`, `instances`, `send`, a shared `chunk_N`, a
 *  `bundle_rules` or `bundle_small` holding several: scripts/wasm-bundle.mjs…). */
const fetched = (log) =>
  log.requests
    .filter((u) => u.endsWith('.wasm'))
    .map((u) => u.split('/').pop().replace(/\.wasm$/, ''))
    .map((f) => (f === 'evo-admin_bg' ? 'main' : f.replace(/^split_/, '')));
const count = (log, part) => fetched(log).filter((f) => f === part).length;
// The release build bundles the rules parts and the small chunks (scripts/wasm-bundle.mjs); a build
// without the brittle savings (EVO_DIET=0) fetches each module as its own file.
const bundled = readdirSync(DIST).filter((d) => d.startsWith('wasm-'))
  .some((d) => readdirSync(join(DIST, d)).includes('bundle_rules.wasm'));
// What the 1.x rules come in, by part name (as `fetched` names it), and its URL.
const rules = bundled ? 'bundle_rules' : 'v1_rules';
const RULES = bundled ? /\/bundle_rules\.wasm$/ : /\/split_v1_rules\.wasm$/;

test('first load: the main module only; each part fetched on first use, once', async () => {
  const { app, page, log } = await openApp(w.browser, w.site.url);
  await page.waitForLoadState('networkidle');
  // The main module comes inside index.html (scripts/inline-wasm.mjs) or, without that, as its file.
  const inlined = readFileSync(join(DIST, 'index.html'), 'latin1').includes('<script type=evo/wasm>');
  // The payload on screen is 1.x: its rules are a part too, fetched as the page starts, in one
  // request with the 2.x rules and every chunk the two need; nothing else before anything is used.
  // (Two chunks they share with the pt-BR catalogue part are in the small bundle, which comes too:
  // scripts/wasm-bundle.mjs. Without the bundles: the 1.x rules and their chunks, each a file.)
  await until(async () => count(log, rules) === 1, 'the rules fetched');
  await until(async () => (await app.diagnosticsWithCode('evo/rules-loading').count()) === 0, 'the 1.x marker gone');
  const parts = fetched(log).filter((f) => !f.startsWith('chunk_')).sort();
  const expected = [...(inlined ? [] : ['main']), ...(bundled ? ['bundle_rules', 'bundle_small'] : ['v1_rules'])].sort();
  assert.deepEqual(parts, expected, 'nothing but the main module and the rules before anything is used');
  // The events checklist lives in closed sections only: it comes when the first of them opens.
  // While it is on its way, "Loading…" stands where it will be, and goes when it is there.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/split_events_checklist[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  await app.tid('section-webhook').click();
  const loading = page.locator('details:has([data-testid=section-webhook]) [data-testid=part-loading]');
  await loading.waitFor();
  release();
  await app.tid('events-events').waitFor();
  assert.equal(await loading.isHidden(), true, 'the loading line goes when the part is there');
  assert.equal(count(log, 'events_checklist'), 1);
  await app.tid('section-webhook').click();

  await app.connect(w.sandbox.url, KEY);
  assert.match(await app.testConnection('1.8.2'), /1\.8\.2/);
  assert.equal(count(log, 'test_connection'), 1);

  await app.migrate();
  assert.equal(count(log, 'migrator'), 1);
  // The payload is 2.x now: the 2.x rules came with the 1.x ones (or with the switch, unbundled),
  // and they check it (no marker left).
  await until(async () => (await app.diagnosticsWithCode('evo/rules-loading').count()) === 0, 'the marker gone');
  assert.equal(count(log, rules), 1, 'the rules are fetched once');
  assert.equal(count(log, 'v2_rules'), bundled ? 0 : 1);
  await app.migrate(); // back to 1.x: the part is there already
  assert.equal(count(log, 'migrator'), 1, 'a part is fetched once');
  assert.equal(await app.profile(), 'v1');

  await app.instances.open();
  await app.tid('instances-refresh').waitFor();
  assert.equal(count(log, 'instances'), 1);
  await app.instances.backToCreate();

  // The export buttons are on the first screen; what they do arrives with the first click.
  assert.match(await app.copyCurl(), /^# export EVOLUTION_API_KEY=… EVOLUTION_INSTANCE_TOKEN=… first\ncurl /);
  assert.equal(count(log, 'export'), 1);
  assert.match(await app.shareLink(), /#payload=/);
  assert.equal(count(log, 'export'), 1, 'the second export uses the part already there');

  await app.field('instanceName').fill('splitcheck');
  const status = await app.send();
  assert.match(String(status), /201/);
  assert.equal(count(log, 'send'), 1);
  assert.equal(count(log, 'outcome'), 1);

  await app.openExisting('splitcheck');
  // (the 201's own QR panel shows a state too: this is the one of the panel opened by name)
  await page.locator('[aria-labelledby=existing-h] [data-testid=connection-state]').waitFor();
  assert.equal(count(log, 'qr_panel'), 1);
  // Shared chunks are fetched once too, whichever part needed them first.
  for (const f of new Set(fetched(log))) assert.equal(count(log, f), 1, `${f} fetched once`);
  assert.deepEqual(log.errors, []);
});

test('a part that cannot be fetched is explained; the text stays; the next use fetches it again', async () => {
  const { app, page, log } = await openApp(w.browser, w.site.url);
  await app.connect(w.sandbox.url, KEY);
  await app.field('instanceName').fill('offline1');
  const before = await app.editorText();
  // (the 1.x rules came as the page started)
  await until(async () => (await app.diagnosticsWithCode('evo/rules-loading').count()) === 0, 'the 1.x rules loaded');
  // The static host loses the parts (a redeploy, the network): every split module fails.
  let block = true;
  await page.route(/\/(split_|chunk_|bundle_)[^/]*\.wasm$/, (route) => (block ? route.abort() : route.continue()));

  await app.instances.open();
  await app.tid('part-unavailable').waitFor();
  await app.instances.backToCreate();
  // An export says so in its status line; a section's events checklist where it would be.
  await app.tid('copy-curl').click();
  await until(async () => /could not be loaded/.test(await app.tid('copy-status').textContent()), 'the export explained');
  await app.tid('section-webhook').click();
  await page.locator('details:has([data-testid=section-webhook]) [data-testid=part-unavailable]').waitFor();
  assert.equal(await app.editorText(), before, 'the payload is untouched');
  await app.clickSend();
  // Neither the sending part nor the answer's view is there: the response card says so.
  await app.page.locator('[aria-labelledby=resp-h] [data-testid=part-unavailable]').waitFor();
  assert.equal(await app.editorText(), before, 'the payload is untouched');
  assert.equal(await app.sendDisabled(), false, 'the page still takes a send');

  // A switch to 2.x while the parts cannot come: the 2.x rules came with the 1.x ones as the page
  // started, so the payload is checked by them at once. Unbundled, one error says they are not
  // there, and sending waits for them. The text is untouched either way.
  await app.setProfile('v2');
  if (bundled) {
    await until(async () => (await app.diagnosticsWithCode('evo/rules-loading').count()) === 0, 'the 2.x rules are there already');
  } else {
    await app.diagnosticsWithCode('evo/rules-loading').waitFor();
    assert.equal(await app.sendDisabled(), true, 'nothing goes out unchecked');
    assert.match(await app.sendLabel(), /Loading the rules/);
  }
  assert.equal(await app.editorText(), before);
  await app.setProfile('v1');
  await until(async () => (await app.diagnosticsWithCode('evo/rules-loading').count()) === 0, 'the 1.x rules are there already (fetched as the page started)');

  block = false;
  await app.instances.open();
  await app.tid('instances-refresh').waitFor();
  await app.instances.backToCreate();
  assert.match(String(await app.send()), /201/, 'the next send loads the part and creates');
  assert.equal(log.errors.filter((e) => !/wasm-split|Failed to fetch|net::ERR_FAILED|instantiate/i.test(e)).length, 0, log.errors.join('\n'));
});

test('the rules cannot be fetched as the page starts: sending waits and says why; they are fetched again on their own', async () => {
  const context = await w.browser.newContext();
  let block = true;
  await context.route(RULES, (route) => (block ? route.abort() : route.continue()));
  const { app, log } = await openApp(w.browser, w.site.url, context);
  await app.diagnosticsWithCode('evo/rules-loading').waitFor();
  assert.equal(await app.sendDisabled(), true, 'nothing goes out unchecked');
  assert.match(await app.sendLabel(), /Loading the rules/);
  const before = await app.editorText();
  block = false;
  // No edit: the page tries again after 2 s (then 4, 8… while it fails).
  await until(async () => (await app.diagnosticsWithCode('evo/rules-loading').count()) === 0, 'the rules there again');
  // (The preset has no instance name yet: the button now says what the rules found.)
  assert.doesNotMatch(await app.sendLabel(), /Loading the rules/);
  assert.ok(count(log, rules) >= 2, 'fetched again after the failure');
  assert.equal(await app.editorText(), before);
  await context.close();
});
