// Every server a user runs: 2.4's licence gate (off and on), its MESSAGING_HISTORY_SET event, and
// the connection doctor (a pairing code asked for a connecting instance, a QR code that never comes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { world, startSandbox } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-servers-key';
// A fresh 2.4 server: not activated.
const w = world(['--key', KEY, '--api-version', '2.4']);

test('2.4 not activated: Test connection says so and links the server\'s own page; a create and the instance list explain the 503', async () => {
  const { sandbox, site, browser } = await w.ready;
  const { app, page, log, context } = await openApp(browser, site.url);
  await app.connect(sandbox.url, KEY);
  const line = await app.testConnection('2.4.0');
  assert.match(line, /not activated/);
  assert.match(line, /503 LICENSE_REQUIRED/);
  const link = app.tid('licence-register');
  assert.equal(await link.getAttribute('href'), `${sandbox.url}/manager/login`);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await app.profile(), 'v2');
  await app.field('instanceName').fill('gated');
  await app.waitForEditor((v) => v.instanceName === 'gated' && v.integration === 'WHATSAPP-BAILEYS', 'a 2.x payload');
  assert.equal(await app.send({ timeout: 20000 }), '503');
  const why = await app.waitForError();
  assert.match(why, /not activated/);
  assert.ok(why.includes(`${sandbox.url}/manager/login`), why);
  assert.doesNotMatch(why, /Check the server's logs/);
  assert.equal((await app.editorJson()).instanceName, 'gated', 'the payload is kept');

  await app.instances.open();
  await app.instances.waitForMessage(/not activated/);
  assert.equal(await app.instances.rows.count(), 0);
  assert.ok(log.errors.every((e) => /status of 503/.test(e)), log.errors.join('\n'));
  assert.equal(await page.getByTestId('part-unavailable').count(), 0);
  await context.close();
});

test('2.4 activated: no licence line; MESSAGING_HISTORY_SET is offered and clean, while for 2.3.6 it is a warning', async () => {
  const { site, browser } = await w.ready;
  const active = await startSandbox(['--key', KEY, '--api-version', '2.4', '--activated']);
  const v23 = await startSandbox(['--key', KEY, '--api-version', '2']);
  try {
    const { app, log, context } = await openApp(browser, site.url);
    await app.connect(active.url, KEY);
    const line = await app.testConnection('2.4.0');
    assert.doesNotMatch(line, /not activated/);
    assert.equal(await app.tid('licence-register').count(), 0);
    await app.preset('webhook');
    const event = app.tid('event-webhook-events-MESSAGING_HISTORY_SET');
    await event.check();
    await app.waitForEditor((v) => v.webhook?.events?.includes('MESSAGING_HISTORY_SET'), 'the 2.4 event in the text');
    // In the server's order: the preset's events come before it (it stands after TYPEBOT_CHANGE_STATUS).
    assert.equal((await app.editorJson()).webhook.events.at(-1), 'MESSAGING_HISTORY_SET');
    assert.equal(await app.diagnosticsWithCode('evo/event-version').count(), 0);
    assert.equal(await app.diagnosticsWithCode('evo/unknown-event').count(), 0);
    const text = await app.editorText();

    // The same payload for a 2.3.6 server: stored and never sent — said before sending.
    await app.connect(v23.url, KEY);
    await app.testConnection('2.3.6');
    assert.equal(await app.editorText(), text, 'the text is kept');
    await app.waitForDiagnostic({ code: 'evo/event-version' });
    assert.match(await app.diagnosticsWithCode('evo/event-version').textContent(), /2\.4 event.*never sends it/);
    assert.equal(await app.tid('event-webhook-events-MESSAGING_HISTORY_SET').count(), 0, 'not offered for 2.3.6');
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    active.stop();
    v23.stop();
  }
});

test('doctor: a pairing code asked for a connecting instance gets none; "Log out, then pair" gets one; the panel names the versions', async () => {
  const { site, browser } = await w.ready;
  const v23 = await startSandbox(['--key', KEY, '--api-version', '2']);
  try {
    const { app, log, context } = await openApp(browser, site.url);
    await app.connect(v23.url, KEY);
    await app.testConnection('2.3.6');
    await app.field('instanceName').fill('pairlate');
    await app.waitForEditor((v) => v.instanceName === 'pairlate' && v.integration === 'WHATSAPP-BAILEYS', 'a 2.x payload');
    assert.equal(await app.send({ timeout: 20000 }), '201');
    await app.qr.waitForPanel(20000);
    assert.match(await app.tid('qr-doctor').textContent(), /Evolution API 2\.3\.6 · WhatsApp Web \d/);
    await app.qr.openPairing();
    await app.qr.pairingNumber.fill('5511999999999');
    await app.qr.pairingButton.click();
    const none = app.tid('pairing-none');
    await none.waitFor();
    assert.match(await none.textContent(), /only for a closed instance.*connecting/);
    assert.equal(await app.qr.pairingCode.count(), 0);
    await app.tid('pairing-relink').click();
    await app.qr.pairingCode.waitFor({ timeout: 20000 });
    assert.match(await app.qr.pairingCode.textContent(), /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await none.waitFor({ state: 'detached' });
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    v23.stop();
  }
});

test('doctor: a QR code that never comes stops polling with the likely causes, most likely first', async () => {
  const { site, browser } = await w.ready;
  const noqr = await startSandbox(['--key', KEY, '--no-qr']);
  try {
    const { app, context } = await openApp(browser, `${site.url}?pollGiveUp=4`);
    await app.fillBasic({ base: noqr.url, key: KEY, name: 'neverqr', qrcode: true });
    await app.send({ timeout: 20000 });
    await app.qr.waitStopped(20000);
    const why = await app.qr.stoppedLine.textContent();
    assert.match(why, /not one QR code in 4 s/);
    const order = ['cannot reach WhatsApp', 'CONFIG_SESSION_PHONE_VERSION', 'proxy'].map((s) => why.indexOf(s));
    assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])), why);
    await context.close();
  } finally {
    noqr.stop();
  }
});
