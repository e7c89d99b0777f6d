// An instance's configuration page against sandboxes of both generations: each tab read from its
// `find`, the diff (a 1.8.2 replace wiping a key), Save and the read-back that catches a loss (2.3.6
// Chatwoot's first set dropping signDelimiter, a sink switched off = nothing stored), a 1.8.2 500
// that stored, bad input (the other generation's body, a 404, a 401), copy across generations and
// one change to several instances with one failure.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, world, control, until } from './harness.mjs';
import { openApp } from './page.mjs';
import { Config, Bulk } from './config-page.mjs';

const KEY = 'e2e-config-key';
const w = world({ sandboxes: {
  v1: ['--key', KEY, '--seed-instances', '6'],
  v2: ['--key', KEY, '--api-version', '2', '--chatwoot', '--seed-instances', '6'],
} });
let site, v1, v2, browser;
before(async () => ({ site, browser, sandboxes: { v1, v2 } } = await w.ready));

async function configure(base, name, version) {
  const opened = await openApp(browser, site.url);
  await opened.app.connect(base, KEY);
  await opened.app.testConnection(version);
  await opened.app.instances.open();
  await opened.app.instances.row(name).waitFor();
  const cfg = new Config(opened.page);
  await cfg.openFromRow(name);
  return { ...opened, cfg };
}

const api = (sb, path, method = 'GET', body) => fetch(`${sb.url}/${path}`, {
  method, headers: { apikey: KEY, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
});

test('1.8.2 settings: read from find, saved and read back; a replace that drops msg_call is shown as wiped', async () => {
  const { cfg, context } = await configure(v1.url, 'seed-003', '1.8.2');
  await cfg.tab('settings');
  await cfg.waitForText((t) => t.includes('reject_call'), 'the settings body');
  const body = { reject_call: true, msg_call: 'busy', groups_ignore: true, always_online: false, read_messages: false, read_status: false, sync_full_history: false };
  await cfg.setText(JSON.stringify(body, null, 2));
  assert.ok(['added', 'changed'].includes(await cfg.waitForDiff('msg_call')));
  const first = await cfg.save();
  assert.equal(first.result, 'saved', first.text);
  assert.match(await cfg.current(), /"msg_call": "busy"/);
  // Without msg_call: 1.8.2 replaces the stored object, so the diff says it is wiped (a warning, not an error).
  delete body.msg_call;
  await cfg.setText(JSON.stringify(body, null, 2));
  await cfg.waitForDiff('msg_call', 'wiped');
  await cfg.waitForDiagnostic('evo/config-replace');
  const second = await cfg.save();
  assert.equal(second.result, 'saved', second.text);
  assert.doesNotMatch(await cfg.current(), /msg_call/);
  await context.close();
});

test('2.3.6 webhook: byEvents URLs, first test event, header rows masked, saved and read back', async () => {
  const { cfg, page, context } = await configure(v2.url, 'seed-003', '2.3.6');
  await cfg.tab('webhook');
  await cfg.setText(JSON.stringify({ webhook: { enabled: true, url: 'http://example.com/hook', events: ['QRCODE_UPDATED', 'MESSAGES_UPSERT'], byEvents: true } }, null, 2));
  await page.getByTestId('config-by-events').filter({ hasText: 'http://example.com/hook/qrcode-updated' }).waitFor();
  assert.match(await page.getByTestId('config-first-event').textContent(), /QRCODE_UPDATED/);
  assert.match(await page.getByTestId('config-url-note').textContent(), /cannot be known/);
  await page.getByTestId('config-header-key').fill('authorization');
  await page.getByTestId('config-header-value').fill('Bearer s3cret');
  await page.getByTestId('config-header-add').click();
  await cfg.waitForText((t) => t.includes('"authorization"'), 'the header in the body');
  assert.equal(await page.getByTestId('config-header').count(), 1);
  assert.doesNotMatch(await page.getByTestId('config-headers').textContent(), /s3cret/);
  const r = await cfg.save();
  assert.equal(r.result, 'saved', r.text);
  const shown = await cfg.current();
  assert.match(shown, /example\.com\/hook/);
  assert.doesNotMatch(shown, /s3cret/, 'header values are masked in what the server holds');
  await context.close();
});

test('2.3.6 webhook exports: JSON and cURL carry ${VAR} for a header secret, "Include secrets" once, the route\'s schema', async () => {
  const { cfg, page, context } = await configure(v2.url, 'seed-004', '2.3.6');
  await cfg.tab('webhook');
  await cfg.setText(JSON.stringify({ webhook: { enabled: true, url: 'http://example.com/h', events: ['MESSAGES_UPSERT'], headers: { 'x-api-key': 'k3y-s3cret' } } }, null, 2));
  await page.getByTestId('config-export-json').click();
  const text = page.getByTestId('config-export-text');
  await text.waitFor();
  const json = JSON.parse(await text.inputValue());
  assert.equal(json.webhook.headers['x-api-key'], '${EVOLUTION_WEBHOOK_HEADER_X_API_KEY}');
  assert.equal(json.webhook.url, 'http://example.com/h');
  await page.getByTestId('config-export-status').filter({ hasText: 'EVOLUTION_WEBHOOK_HEADER_X_API_KEY' }).waitFor();
  // cURL: the route of this instance, the secret from the environment.
  await page.getByTestId('config-export-curl').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=config-export-text]')?.value.startsWith('# export'));
  const curl = await text.inputValue();
  assert.match(curl, /curl -X POST '[^']*\/webhook\/set\/seed-004'/);
  assert.match(curl, /EVOLUTION_API_KEY=… EVOLUTION_WEBHOOK_HEADER_X_API_KEY=…/);
  assert.doesNotMatch(curl, /k3y-s3cret/);
  // "Include secrets" for the next file export only.
  await page.getByTestId('config-export-include-secrets').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('config-export-download').click()]);
  assert.equal(download.suggestedFilename(), 'seed-004-webhook.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.webhook.headers['x-api-key'], 'k3y-s3cret');
  await page.getByTestId('config-export-json').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=config-export-text]')?.value.startsWith('{'));
  assert.doesNotMatch(await text.inputValue(), /k3y-s3cret/, 'the tick was for one export');
  // The route's JSON Schema, served beside the page.
  const href = await page.getByTestId('config-export-schema').getAttribute('href');
  assert.equal(href, 'schema/evolution-webhook-v2.schema.json');
  const schema = await (await fetch(new URL(href, site.url))).json();
  assert.match(schema.title, /webhook\/set/);
  await context.close();
});

test('2.3.6 tabs switched while a find is on its way and while a lint is pending: no page error, the tab still works', async () => {
  // A find that answers late (after its tab was left) and a typed text whose lint timer fires after
  // its tab was left: both land on a tab that is gone and must be dropped, not crash the page.
  await control(v2, 'fault', 'POST', { path: '/chatwoot/find/seed-002', delay_ms: 1500, status: 200, body: '{"enabled":false}', content_type: 'application/json', times: 2 });
  const { cfg, page, log, context } = await configure(v2.url, 'seed-002', '2.3.6');
  await cfg.tab('settings');
  await cfg.editor.fill('{ "rejectCall": true,');
  await cfg.tid('config-tab-chatwoot').click();
  await cfg.tab('webhook');
  await cfg.tab('chatwoot');
  await cfg.waitForText((t) => t.includes('"enabled"'), 'the late Chatwoot body');
  await cfg.tab('settings');
  await cfg.setText(JSON.stringify({ rejectCall: true, msgCall: '', groupsIgnore: false, alwaysOnline: false, readMessages: false, readStatus: false, syncFullHistory: false }, null, 2));
  await cfg.waitSaveEnabled();
  assert.deepEqual(log.errors.filter((e) => e.startsWith('pageerror')), []);
  await context.close();
});

test("2.3.6 in pt-BR: each tab's form shows its own route's texts (Chatwoot token, not the instance token) and the events checklist says what each event is", async () => {
  const { cfg, app, context } = await configure(v2.url, 'seed-004', '2.3.6');
  await cfg.tab('chatwoot');
  await cfg.waitForText((t) => t.includes('"enabled"'), 'the Chatwoot body');
  const form = cfg.tid('config-form');
  await form.getByText('Chatwoot access token').waitFor();
  await app.setLanguage('pt-BR');
  await form.getByText('Token de acesso do Chatwoot').waitFor();
  assert.equal(await form.getByText('Token da instância').count(), 0);
  await form.getByText('Um número inteiro (7.5 é salvo como 7).').waitFor();
  await cfg.tab('webhook');
  await form.getByText('URL do webhook').first().waitFor();
  const qr = cfg.tid('config-event-QRCODE_UPDATED').locator('xpath=..');
  await until(async () => /QR/.test(await qr.innerText()) && (await qr.innerText()).trim() !== 'QRCODE_UPDATED', 'the event description');
  const pt = await qr.innerText();
  await app.setLanguage('en');
  await until(async () => (await qr.innerText()) !== pt, 'the description in English');
  await context.close();
});

test('2.3.6 Chatwoot: the first set drops signDelimiter — the read-back names it', async () => {
  const { cfg, context } = await configure(v2.url, 'seed-006', '2.3.6');
  await cfg.tab('chatwoot');
  await cfg.setText(JSON.stringify({
    enabled: true, accountId: '1', token: 'cw-token', url: 'http://chatwoot.local', signMsg: true,
    signDelimiter: '--', reopenConversation: true, conversationPending: false,
  }, null, 2));
  const r = await cfg.save();
  assert.equal(r.result, 'lost', r.text);
  assert.ok(r.losses.some((l) => l.key === 'signDelimiter' && !l.expected), JSON.stringify(r.losses));
  await context.close();
});

test('2.3.6 event sinks: websocket switched off on the server = nothing stored, never "saved"', async () => {
  const { cfg, context } = await configure(v2.url, 'seed-003', '2.3.6');
  await cfg.tab('events', 'websocket');
  await cfg.setText(JSON.stringify({ websocket: { enabled: true, events: ['QRCODE_UPDATED'] } }, null, 2));
  const r = await cfg.save();
  assert.equal(r.result, 'off', r.text);
  assert.match(r.text, /switched off/);
  await context.close();
});

test('1.8.2 rabbitmq with the integration off: a 500 that stored, read back before it is called a failure', async () => {
  const { cfg, context } = await configure(v1.url, 'seed-003', '1.8.2');
  await cfg.tab('events', 'rabbitmq');
  await cfg.setText(JSON.stringify({ enabled: true, events: ['QRCODE_UPDATED'] }, null, 2));
  const r = await cfg.save();
  assert.equal(r.result, 'saved', r.text);
  assert.match(r.text, /500/);
  await context.close();
});

test('bad input: a 2.x body on 1.8.2 (Migrate fix), a deleted instance (404), a wrong key (401); the text stays', async () => {
  const { app, cfg, context } = await configure(v1.url, 'seed-006', '1.8.2');
  await cfg.tab('settings');
  await cfg.setText(JSON.stringify({ rejectCall: true, msgCall: '', groupsIgnore: false, alwaysOnline: false, readMessages: false, readStatus: false, syncFullHistory: false }, null, 2));
  await cfg.waitForDiagnostic('evo/profile');
  assert.ok(await cfg.saveDisabled(), 'an error blocks saving');
  await cfg.fix('evo/profile');
  await cfg.waitForText((t) => t.includes('reject_call'), 'the converted body');
  const typed = await cfg.text();
  // A wrong key: 401 explained, the text kept.
  await app.apiKey.fill('wrong-key');
  let r = await cfg.save();
  assert.equal(r.result, 'failed');
  assert.match(r.text, /401/);
  assert.equal(await cfg.text(), typed);
  await app.apiKey.fill(KEY);
  // Deleted meanwhile: 404 explained.
  assert.equal((await api(v1, 'instance/delete/seed-006', 'DELETE')).status < 300, true);
  await cfg.tid('config-save').click();
  await cfg.root.locator('[data-testid=config-readback]').filter({ hasText: '404' }).waitFor();
  assert.equal(await cfg.text(), typed);
  await context.close();
});

test('copy a 1.8.2 configuration to a 2.3.6 instance on another saved server: converted, notes shown, read back', async () => {
  const opened = await openApp(browser, site.url);
  const { app, page } = opened;
  await app.connect(v2.url, KEY);
  await app.saveConnection('two');
  await app.connect(v1.url, KEY);
  await app.testConnection('1.8.2');
  await app.instances.open();
  await app.instances.row('seed-001').waitFor();
  const cfg = new Config(page);
  await cfg.openFromRow('seed-001');
  await cfg.tab('settings');
  await cfg.setText(JSON.stringify({ reject_call: true, msg_call: 'no calls', groups_ignore: true, always_online: false, read_messages: true, read_status: false, sync_full_history: false }, null, 2));
  const r = await cfg.copyTo('seed-002', v2.url);
  assert.equal(r.result, 'saved', r.text);
  assert.ok(r.notes.length > 0, 'the migration notes are shown');
  const found = await (await api(v2, 'settings/find/seed-002')).json();
  assert.equal(found.rejectCall, true);
  assert.equal(found.msgCall, 'no calls');
  await opened.context.close();
});

test('2.3.6 bulk: one settings change to three instances — the diff of each, key by key, first, then one refused — the summary says which', async () => {
  const opened = await openApp(browser, site.url);
  const { app, page } = opened;
  await app.connect(v2.url, KEY);
  await app.testConnection('2.3.6');
  await app.instances.open();
  await app.instances.row('seed-004').waitFor();
  await control(v2, 'fault', 'POST', { path: '/settings/set/seed-005', status: 400, body: '{"status":400,"error":"Bad Request","response":{"message":["refused"]}}', content_type: 'application/json', times: 1 });
  const body = { rejectCall: false, msgCall: '', groupsIgnore: true, alwaysOnline: false, readMessages: true, readStatus: false, syncFullHistory: false };
  // seed-006 holds the body but for readMessages: its preview names that one key, and sends nothing.
  assert.equal((await api(v2, 'settings/set/seed-006', 'POST', { ...body, readMessages: false })).status, 201);
  const bulk = new Bulk(page);
  await bulk.select(['seed-004', 'seed-005', 'seed-006']);
  await bulk.setText(JSON.stringify(body, null, 2));
  const diffs = await bulk.preview(3);
  assert.deepEqual(diffs['seed-006'], { readMessages: 'changed' });
  assert.ok(Object.keys(diffs['seed-004']).length > 0, 'seed-004 differs somewhere');
  assert.equal((await (await api(v2, 'settings/find/seed-006')).json()).readMessages, false, 'a preview sends nothing');
  const results = await bulk.apply(3);
  assert.deepEqual(results, { 'seed-004': 'saved', 'seed-005': 'failed', 'seed-006': 'saved' });
  assert.equal((await (await api(v2, 'settings/find/seed-006')).json()).readMessages, true);
  await opened.context.close();
});

test('2.3.6 bulk: the server stops answering mid-way — the summary says which were done and which not tried', async () => {
  const opened = await openApp(browser, site.url);
  const { app, page } = opened;
  await app.connect(v2.url, KEY);
  await app.testConnection('2.3.6');
  await app.instances.open();
  await app.instances.row('seed-001').waitFor();
  // The read before seed-002's save gets no answer within the page's 15 s limit.
  await control(v2, 'fault', 'POST', { path: '/settings/find/seed-002', delay_ms: 20000, times: 1 });
  const bulk = new Bulk(page);
  await bulk.select(['seed-001', 'seed-002', 'seed-003']);
  await bulk.setText(JSON.stringify({ rejectCall: false, msgCall: '', groupsIgnore: false, alwaysOnline: true, readMessages: false, readStatus: false, syncFullHistory: false }, null, 2));
  const results = await bulk.apply(3);
  assert.deepEqual(results, { 'seed-001': 'saved', 'seed-002': 'failed', 'seed-003': 'skipped' });
  assert.equal((await (await api(v2, 'settings/find/seed-003')).json()).alwaysOnline, false, 'not tried = not sent');
  await opened.context.close();
});

test('from a 201: "Configure this instance" opens its page; the proxy tab reads find, every input labelled', async () => {
  const opened = await openApp(browser, site.url);
  const { app, page } = opened;
  await app.fillBasic({ base: v1.url, key: KEY, name: 'cfg-new' });
  await app.send({ status: 201 });
  await page.getByTestId('configure').click();
  const cfg = new Config(page);
  await cfg.root.waitFor();
  assert.equal(await cfg.root.getAttribute('data-name'), 'cfg-new');
  await cfg.tab('proxy');
  await cfg.waitForText((t) => t.trim().startsWith('{'), 'the proxy body');
  const unlabelled = await cfg.root.locator('[data-testid=config-form] input, [data-testid=config-form] select')
    .evaluateAll((els) => els.filter((e) => !document.querySelector(`label[for="${e.id}"]`)).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  await cfg.tab('settings');
  assert.ok((await cfg.json()).reject_call !== undefined, 'the settings tab reads the 1.8.2 shape');
  await opened.context.close();
});

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe (WCAG 2.0/2.1 A and AA) on the configuration page only. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector('[data-testid=config-page]'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
    });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

for (const [gen, version] of [['v1', '1.8.2'], ['v2', '2.3.6']]) {
  test(`${version}: every tab reads its find and starts its editor from it; axe finds nothing`, async () => {
    const sb = gen === 'v1' ? v1 : v2;
    const { cfg, page, context } = await configure(sb.url, 'seed-001', version);
    assert.equal(await cfg.root.getAttribute('data-profile'), gen);
    for (const id of ['settings', 'webhook', 'proxy', 'chatwoot', 'events']) {
      const panel = await cfg.tab(id);
      await cfg.waitForText((t) => t.trim().startsWith('{'), `the ${id} body`);
      assert.equal(await panel.getByTestId('config-load-error').count(), 0, `${id} read without error`);
      assert.deepEqual(await axe(page), [], `axe on the ${id} tab`);
    }
    const sinks = await cfg.tid('config-sink').locator('option').allTextContents();
    assert.deepEqual(sinks, gen === 'v1' ? ['websocket', 'rabbitmq', 'sqs'] : ['websocket', 'rabbitmq', 'sqs', 'nats', 'kafka', 'pusher']);
    // seed-001 is connected: syncFullHistory only acts at a scan — said so.
    await cfg.tab('settings');
    const sync = gen === 'v1' ? 'sync_full_history' : 'syncFullHistory';
    const body = await cfg.json();
    body[sync] = true;
    await cfg.setText(JSON.stringify(body, null, 2));
    await page.getByTestId('config-sync-note').waitFor();
    await context.close();
  });
}
