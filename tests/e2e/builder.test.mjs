// The builder end to end: presets → create, the seed's commented example → fix all → create,
// and the doctor's explanation for each way a create can fail.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, startSandbox, world, nextCreate } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-global-key';
const w = world(['--key', KEY]);
let site, sandbox, browser;
before(async () => ({ site, sandbox, browser } = await w.ready));

for (const [preset, name] of [['basic', 'presetbasic'], ['webhook', 'presetwebhook'], ['chatwoot', 'presetchatwoot']]) {
  test(`preset ${preset} → create → 201 summary`, async () => {
    const { app, context } = await openApp(browser, site.url);
    await app.connect(sandbox.url, KEY);
    await app.preset(preset);
    await app.field('instanceName').fill(name);
    if (preset === 'webhook') {
      assert.equal(await app.event('events', 'QRCODE_UPDATED').isChecked(), true, 'the seed\'s six events are preselected');
      assert.equal(await app.event('events', 'CALL').isChecked(), false);
      await app.field('webhook').fill('https://hooks.example.com/evo');
    }
    if (preset === 'chatwoot') {
      // The Chatwoot token is the user's secret: the preset leaves a placeholder, and sending is refused until it is set.
      assert.equal(await app.sendDisabled(), true);
      await app.field('chatwoot_token').fill('cw-secret-token');
    }
    // The form's edits have reached the text (and so the linter).
    await app.waitForEditor((v) => v.instanceName === name
      && (preset !== 'webhook' || v.webhook === 'https://hooks.example.com/evo')
      && (preset !== 'chatwoot' || v.chatwoot_token === 'cw-secret-token'), 'the form edits in the text');
    assert.equal(await app.sendDisabled(), false, await app.diagnosticsText());
    assert.equal(await app.send({ status: '201', timeout: 15000 }), '201');
    assert.equal(await app.summaryOf('name').textContent(), name);
    const body = await app.responseJson();
    if (preset === 'webhook') {
      assert.match(await app.summaryOf('webhook').textContent(), /hooks\.example\.com\/evo — 6 event/);
      assert.equal(body.webhook.events.length, 6);
    }
    if (preset === 'chatwoot') {
      assert.match(await app.qr.chatwoot.textContent(), /Chatwoot inbox/);
      assert.equal(body.chatwoot.enabled, true);
    } else {
      await app.qr.svg.waitFor();
    }
    await context.close();
  });
}

test("pasting the seed's commented webhook example: diagnostics at the right lines → fix all → send succeeds", async () => {
  const seed = await readFile(join(ROOT, 'crates/core/tests/data/seed-webhook.jsonc'), 'utf8');
  const { app, context } = await openApp(browser, site.url);
  await app.connect(sandbox.url, KEY);
  await app.setEditor(seed);
  await app.waitForDiagnostic({ code: 'json/comment' }); // the seed is linted (the page's own text has no comment)
  const lines = (await app.diagnostics()).map((d) => `${d.line}:${d.code}`);
  for (const want of ['2:evo/placeholder', '3:evo/placeholder', '5:evo/placeholder', '6:evo/unknown-key', '8:json/comment', '10:json/comment', '27:json/comment']) {
    assert.ok(lines.includes(want), `${want} in ${lines}`);
  }
  assert.equal(lines.filter((l) => l.endsWith('json/comment')).length, 14);
  assert.equal(await app.sendDisabled(), true);
  assert.match(await app.summaryText(), /^17 errors, 1 warning/);

  // Clicking a diagnostic selects its span in the editor.
  await app.goToDiagnostic('webhookByEvents');
  assert.equal(await app.selectedText(), '"webhookByEvents"');

  await app.fixAll();
  await app.waitForNoDiagnostic({ code: 'json/comment' });
  const left = (await app.diagnostics()).map((d) => `${d.line}:${d.code}`);
  assert.deepEqual(left, ['5:evo/placeholder'], 'only the webhook URL is left for the user to give');
  await app.field('webhook').fill('https://hooks.example.com/seed');
  await app.field('instanceName').fill('fromseed');
  await app.waitForEditor((v) => v.instanceName === 'fromseed' && v.webhook === 'https://hooks.example.com/seed', 'the form edits in the text');
  const v = await app.editorJson();
  assert.equal(v.webhook_by_events, false);
  assert.deepEqual(v.events, ['QRCODE_UPDATED', 'MESSAGES_UPSERT', 'MESSAGES_UPDATE', 'MESSAGES_DELETE', 'SEND_MESSAGE', 'CONNECTION_UPDATE']);
  await app.send({ status: '201', timeout: 15000 });
  assert.match(await app.summaryOf('webhook').textContent(), /6 event/);
  await context.close();
});

/** Each failure kind → its explanation; the payload stays in the editor. */
const doctorCases = [
  ['404 (wrong base URL path)', async (app) => app.baseUrl.fill(`${sandbox.url}/wrong/prefix`), '404', /base URL's path is wrong/],
  ['5xx', async () => nextCreate(sandbox.url, { status: 502, body: '<html>Bad gateway</html>' }), '502', /502: the server failed/],
  ['non-JSON 200', async () => nextCreate(sandbox.url, { status: 200, body: '<html>login page</html>' }), '200', /not with JSON/],
  ['empty body', async () => nextCreate(sandbox.url, { status: 200, body: '' }), '200', /empty body/],
  ['400 mapped onto the form', async (app) => {
    await app.openAdvanced();
    await app.field('proxy.host').fill('127.0.0.1');
    await app.field('proxy.port').fill('1');
    await app.field('proxy.protocol').selectOption('http');
    await app.waitForEditor((v) => v.proxy?.host === '127.0.0.1' && v.proxy?.port === 1 && v.proxy?.protocol === 'http', 'the proxy in the text');
  }, '400', /Invalid proxy/],
];

for (const [title, arrange, status, explanation] of doctorCases) {
  test(`doctor: ${title}`, async () => {
    const { app, context } = await openApp(browser, site.url);
    const name = 'doc' + title.replace(/[^a-z0-9]/g, '');
    await app.fillBasic({ base: sandbox.url, key: KEY, name, qrcode: false });
    await arrange(app);
    const before = await app.editorText();
    await app.send({ status, timeout: 15000 });
    const msg = await app.errorMessage.textContent();
    assert.match(msg, explanation);
    assert.ok((await app.responseBody.textContent()).length >= 0);
    assert.equal(await app.editorText(), before, 'nothing typed is lost');
    if (title.startsWith('400')) {
      assert.match(await app.fieldMessage('proxy').textContent(), /Server: Invalid proxy/);
    }
    await context.close();
  });
}

test('doctor: timeout with a configurable limit, and the Stop button', async () => {
  const { app, context } = await openApp(browser, site.url);
  await app.fillBasic({ base: sandbox.url, key: KEY, name: 'slowtimeout', qrcode: false });
  await app.setTimeoutSeconds(1);
  await nextCreate(sandbox.url, { status: 201, body: '{}', delay_ms: 4000 });
  const started = Date.now();
  await app.send({ status: 'no answer', timeout: 15000 });
  assert.ok(Date.now() - started < 3500, 'stopped at the 1 s limit');
  assert.match(await app.errorMessage.textContent(), /No answer within 1 s/);

  await app.setTimeoutSeconds(30);
  await nextCreate(sandbox.url, { status: 201, body: '{}', delay_ms: 4000 });
  await app.clickSend();
  await app.abort();
  await app.waitForStatus('no answer');
  assert.match(await app.errorMessage.textContent(), /You stopped the request/);
  await context.close();
});

test('doctor: an https page calling an http API is stopped before sending (mixed content)', async () => {
  const secure = await serveDist({ https: true });
  try {
    const { app, log, context } = await openApp(browser, secure.url);
    await app.fillBasic({ base: sandbox.url, key: KEY, name: 'mixed', qrcode: false });
    await app.clickSend();
    assert.match(await app.waitForError(), /Not sent: .*mixed content/);
    await app.testConnection('mixed content');
    assert.deepEqual(log.requests.filter((u) => u.startsWith(sandbox.url)), [], 'no request was attempted');
    assert.equal(await app.field('instanceName').inputValue(), 'mixed');
    await context.close();
  } finally {
    secure.close();
  }
});

test('a server without WhatsApp answers {"count":0}: the QR area says why', async () => {
  const offline = await startSandbox(['--key', KEY, '--no-qr']);
  try {
    const { app, context } = await openApp(browser, site.url);
    await app.fillBasic({ base: offline.url, key: KEY, name: 'noqr', qrcode: true });
    await app.send({ status: '201', timeout: 15000 });
    assert.match(await app.qr.pendingLine.textContent(), /no QR code yet .*WhatsApp/);
    await context.close();
  } finally {
    offline.stop();
  }
});

test('download .json saves exactly the editor text', async () => {
  const { app, context } = await openApp(browser, site.url);
  await app.setEditor('{\n  "instanceName": "dl1", // a comment stays\n  "qrcode": true\n}');
  await app.waitForField('instanceName', 'dl1'); // linted: the file is named after it
  const download = await app.downloadJson();
  assert.equal(download.suggestedFilename(), 'dl1.json');
  const path = await download.path();
  assert.equal(await readFile(path, 'utf8'), '{\n  "instanceName": "dl1", // a comment stays\n  "qrcode": true\n}');
  await context.close();
});

test('test connection shows the server version, or a diagnosis', async () => {
  const { app, context } = await openApp(browser, site.url);
  await app.baseUrl.fill(sandbox.url + '/');
  assert.match(await app.testConnection('1.8.2'), /Evolution API 1\.8\.2 answers.*checked for Evolution API 1\.x/);
  assert.equal(await app.profile(), 'v1');
  await app.baseUrl.fill(sandbox.url + '/nope');
  await app.testConnection('404');
  await context.close();
});
