// Evolution API 2.x end to end: the release build against the sandbox answering as 2.3.6.
// Test connection picks profile v2; presets, the form and the linter speak 2.x; the seed's webhook
// example migrates and is really saved; the first send to a server of the other generation stops.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, world, startSandbox, control, requestLog, clearRequestLog } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-v2-key';
const w = world({ sandboxes: {
  v2: ['--key', KEY, '--api-version', '2', '--qr-period-ms', '60000'],
  v2chatwoot: ['--key', KEY, '--api-version', '2', '--chatwoot'],
} });
let site, v2, v2chatwoot, browser;
before(async () => ({ site, browser, sandboxes: { v2, v2chatwoot } } = await w.ready));

/** Connects and tests the connection: the server answers as 2.3.6. */
async function connect(app, base) {
  await app.connect(base, KEY);
  await app.testConnection('2.3.6');
}

test('test connection → profile v2 → Basic preset in 2.x shape → 201 → QR panel with a real QR', async () => {
  const { app, log } = await openApp(browser, site.url);
  assert.equal(await app.profile(), 'v1', 'nothing read yet');
  await connect(app, v2.url);
  assert.equal(await app.profile(), 'v2');
  assert.match(await app.profileSource.textContent(), /2\.3\.6/);
  await app.preset('basic');
  assert.equal(await app.field('integration').inputValue(), 'WHATSAPP-BAILEYS');
  await app.field('instanceName').fill('v2shop');
  await app.waitForEditor((v) => v.instanceName === 'v2shop', 'the name in the text');
  const sent = await app.editorJson();
  assert.equal(sent.integration, 'WHATSAPP-BAILEYS');
  assert.deepEqual(Object.keys(sent).sort(), ['instanceName', 'integration', 'qrcode', 'token']);
  assert.equal(await app.send({ timeout: 20000 }), '201');
  assert.equal(await app.summaryOf('status').textContent(), 'connecting');
  assert.equal(await app.summaryOf('integration').textContent(), 'WHATSAPP-BAILEYS');
  assert.equal(await app.instanceKey.textContent(), sent.token, 'hash is a plain string in 2.x');
  await app.qr.svg.waitFor();
  // The spent token was replaced for the next instance.
  await app.tokenRenewed.waitFor();
  assert.notEqual(await app.field('token').inputValue(), sent.token);
  assert.deepEqual(log.errors, []);
});

test('2.x webhook preset: the webhook.events checklist lists the 2.x events and writes inside the webhook object', async () => {
  const { app, page, log } = await openApp(browser, site.url);
  await connect(app, v2.url);
  await app.preset('webhook');
  const list = app.tid('events-webhook-events');
  await list.waitFor();
  // 2.x-only events are offered (MESSAGES_EDITED is not a 1.8 event).
  await app.tid('event-webhook-events-MESSAGES_EDITED').waitFor();
  assert.equal(await app.tid('event-events-MESSAGES_EDITED').count(), 0, 'no top-level events list in 2.x');
  await app.tid('event-webhook-events-MESSAGES_EDITED').check();
  await app.waitForEditor((v) => v.webhook?.events?.includes('MESSAGES_EDITED'), 'the event inside webhook.events');
  const sent = await app.editorJson();
  assert.equal(sent.events, undefined, 'nothing written at the top level');
  assert.deepEqual(
    sent.webhook.events,
    ['QRCODE_UPDATED', 'MESSAGES_UPSERT', 'MESSAGES_EDITED', 'MESSAGES_UPDATE', 'MESSAGES_DELETE', 'SEND_MESSAGE', 'CONNECTION_UPDATE'],
    'in the server\'s order',
  );
  assert.equal(await page.getByTestId('part-unavailable').count(), 0);
  assert.deepEqual(log.errors, []);
});

test('the seed\'s webhook example: flagged under v2, migrated with notes, filled, sent, and the webhook is really saved', async () => {
  const { app, log } = await openApp(browser, site.url);
  await connect(app, v2.url);
  const seed = readFileSync(join(ROOT, 'crates/core/tests/data/seed-webhook.jsonc'), 'utf8');
  await app.setEditor(seed);
  await app.waitForDiagnostic({ code: 'json/comment' }); // the seed is linted (the page's own text has no comment)
  const before = await app.diagnostics();
  assert.ok(before.some((d) => d.code === 'evo/profile'), 'the 1.x shape is pointed out');
  assert.ok(before.some((d) => d.code === 'evo/webhook-shape'), 'a string webhook is an error in 2.x');
  assert.ok(before.some((d) => d.code === 'evo/required' && /integration/.test(d.text)));
  const notes = await app.migrate();
  assert.match(notes, /webhookByEvents → webhook\.byEvents/);
  assert.match(notes, /integration was added/);
  assert.equal(await app.profile(), 'v2');
  const migrated = await app.editorText();
  assert.equal((migrated.match(/\/\//g) ?? []).length, (seed.match(/\/\//g) ?? []).length, 'comments kept');
  // Fill the placeholders as a user would, then let Fix all drop the comments.
  await app.field('instanceName').fill('hookshop');
  await app.generateToken();
  await app.field('webhook.url').fill('https://hooks.example.com/evo');
  await app.waitForEditorText((t) => t.includes('"hookshop"') && t.includes('"https://hooks.example.com/evo"'), 'the form edits in the text');
  await app.fixAll();
  await app.waitForNoDiagnostic({ code: 'json/comment' });
  const errors = (await app.diagnostics()).filter((d) => /error/.test(d.text)).map(({ code, text }) => ({ code, text }));
  assert.deepEqual(errors, []);
  const sent = await app.editorJson();
  assert.deepEqual(sent.webhook.events, ['QRCODE_UPDATED', 'MESSAGES_UPSERT', 'MESSAGES_UPDATE', 'MESSAGES_DELETE', 'SEND_MESSAGE', 'CONNECTION_UPDATE']);
  assert.equal(await app.send({ timeout: 20000 }), '201');
  const found = await (await fetch(`${v2.url}/webhook/find/hookshop`, { headers: { apikey: KEY } })).json();
  assert.equal(found.url, 'https://hooks.example.com/evo');
  assert.equal(found.webhookByEvents, false);
  assert.equal(found.enabled, true);
  assert.deepEqual(found.events, sent.webhook.events);
  assert.deepEqual(log.errors, []);
});

test('a 1.x key in a 2.x payload is named with its 2.x name and renamed in one click', async () => {
  const { app } = await openApp(browser, site.url);
  await app.setProfile('v2');
  await app.setEditor(JSON.stringify({ instanceName: 'calls', integration: 'WHATSAPP-BAILEYS', reject_call: true }, null, 2));
  const d = app.diagnostic('reject_call');
  assert.equal(await d.getAttribute('data-code'), 'evo/v1-key');
  assert.match(await d.textContent(), /rejectCall/);
  await app.fix('reject_call');
  await app.waitForEditor((v) => 'rejectCall' in v, 'the renamed key in the text');
  assert.equal((await app.editorJson()).rejectCall, true);
  // The profile is in the share link, the secrets are not.
  assert.match(await app.shareLink(), /&profile=v2$/);
});

test('the first send to a 2.x server with a 1.x payload stops before the create, switches the profile and keeps the text', async () => {
  const { app } = await openApp(browser, site.url);
  await clearRequestLog(v2);
  await app.connect(v2.url, KEY);
  const text = JSON.stringify({ instanceName: 'oldshape', token: 'tok-oldshape', qrcode: true }, null, 2);
  await app.setEditor(text);
  await app.clickSend();
  assert.match(await app.waitForError(), /runs Evolution API 2\.3\.6.*built for Evolution API 1\.x/);
  assert.equal(await app.profile(), 'v2');
  assert.equal(await app.editorText(), text, 'nothing lost');
  const log = await requestLog(v2);
  assert.ok(!JSON.stringify(log).includes('/instance/create'), 'no create reached the server');
  // Now the linter says what 2.x needs; Fix all adds the integration; the create succeeds.
  assert.ok((await app.diagnostics()).some((d) => d.code === 'evo/required'));
  await app.fixAll();
  await app.waitForNoDiagnostic({ code: 'evo/required' });
  assert.equal((await app.editorJson()).integration, 'WHATSAPP-BAILEYS');
  assert.equal(await app.send({ timeout: 20000 }), '201');
});

test('a profile the user picked is respected: 1.x chosen by hand for a 2.x server sends, and the server\'s refusal is explained', async () => {
  const { app } = await openApp(browser, site.url);
  await app.connect(v2.url, KEY);
  await app.setProfile('v1');
  await app.setEditor(JSON.stringify({ instanceName: 'handpicked', token: 'tok-handpicked', qrcode: false }, null, 2));
  assert.equal(await app.send({ timeout: 20000 }), '400');
  assert.match(await app.waitForError(), /Invalid integration/);
  assert.equal(await app.profile(), 'v1', 'the choice stays');
});

test('2.x Chatwoot path: no QR in the answer, Connect now opens the QR panel; the schema downloads', async () => {
  const { app, log } = await openApp(browser, site.url);
  await connect(app, v2chatwoot.url);
  await app.preset('chatwoot');
  await app.field('instanceName').fill('cwshop');
  await app.field('chatwootToken').fill('cw-token');
  await app.field('qrcode').uncheck();
  await app.waitForEditor((v) => v.instanceName === 'cwshop' && v.chatwootToken === 'cw-token' && v.qrcode === false, 'the form edits in the text');
  const sent = await app.editorJson();
  assert.equal(sent.chatwootAccountId, '1');
  assert.equal(sent.chatwootReopenConversation, false);
  assert.equal(await app.send({ timeout: 20000 }), '201');
  await app.connectNow();
  await app.qr.svg.waitFor({ timeout: 10000 });
  // The JSON Schema of the profile in use.
  const href = await app.schemaLink.evaluate((a) => a.href);
  assert.match(href, /\/admin\/schema\/evolution-create-v2\.schema\.json$/, 'served beside the page, for the profile in use');
  const schema = await (await fetch(href)).json();
  assert.deepEqual(schema.properties.integration.enum, ['WHATSAPP-BAILEYS', 'WHATSAPP-BUSINESS', 'EVOLUTION']);
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(await app.downloadSchema(), 'evolution-create-v2.schema.json');
  assert.deepEqual(log.errors, []);
});

test('2.x QR panel: rotation, pairing code, simulated scan → open, log out, delete (gone from the server)', async () => {
  const fast = await startSandbox(['--key', KEY, '--api-version', '2', '--qr-period-ms', '2000']);
  try {
    const { app, log, context } = await openApp(browser, `${site.url}?qrPeriod=2`);
    await connect(app, fast.url);
    await app.preset('basic');
    await app.field('instanceName').fill('v2life');
    await app.waitForEditor((v) => v.instanceName === 'v2life', 'the name in the text');
    await app.clickSend();
    await app.qr.waitForPanel(20000);
    assert.equal(await app.qr.attempt(), 'Attempt 1 of 30');
    await app.qr.waitForAttempt(/Attempt [2-9] of 30/, 10000);
    await app.qr.openPairing();
    assert.match(await app.qr.requestPairing('5511999999999'), /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal((await control(fast, 'scan/v2life')).status, 200);
    await app.qr.waitConnected(20000);
    assert.equal(await app.qr.state(), 'open');
    await app.qr.logout();
    assert.equal(await app.qr.state(), 'close');
    await app.qr.delete();
    const gone = await fetch(`${fast.url}/instance/fetchInstances?instanceName=v2life`, { headers: { apikey: KEY } });
    assert.equal(gone.status, 404);
    assert.deepEqual(log.errors.filter((e) => !/status of 40[04]/.test(e)), []);
    await context.close();
  } finally {
    fast.stop();
  }
});
