// The builder end to end: presets → create, the seed's commented example → fix all → create,
// and the doctor's explanation for each way a create can fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, startSandbox, launchBrowser, openPage, fillBasic, setEditor, editorJson, nextCreate } from './harness.mjs';

const KEY = 'e2e-global-key';
let site, sandbox, browser;

before(async () => {
  site = await serveDist();
  sandbox = await startSandbox(['--key', KEY]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  sandbox?.stop();
  site?.close();
});

async function connect(page) {
  await page.getByTestId('base-url').fill(sandbox.url);
  await page.getByTestId('api-key').fill(KEY);
}

async function sendAndWait(page, status) {
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: String(status) }).waitFor({ timeout: 15000 });
}

for (const [preset, name] of [['basic', 'presetbasic'], ['webhook', 'presetwebhook'], ['chatwoot', 'presetchatwoot']]) {
  test(`preset ${preset} → create → 201 summary`, async () => {
    const { page } = await openPage(browser, site.url);
    await connect(page);
    await page.getByTestId(`preset-${preset}`).click();
    await page.getByTestId('instance-name').fill(name);
    if (preset === 'webhook') {
      assert.equal(await page.getByTestId('event-events-QRCODE_UPDATED').isChecked(), true, 'the seed\'s six events are preselected');
      assert.equal(await page.getByTestId('event-events-CALL').isChecked(), false);
      await page.getByTestId('field-webhook').fill('https://hooks.example.com/evo');
    }
    if (preset === 'chatwoot') {
      // The Chatwoot token is the user's secret: the preset leaves a placeholder, and sending is refused until it is set.
      assert.equal(await page.getByTestId('send').isDisabled(), true);
      await page.getByTestId('field-chatwoot_token').fill('cw-secret-token');
    }
    await page.waitForTimeout(200);
    assert.equal(await page.getByTestId('send').isDisabled(), false, await page.getByTestId('diagnostics').innerText());
    await sendAndWait(page, 201);
    assert.equal(await page.getByTestId('summary-name').textContent(), name);
    const body = JSON.parse(await page.getByTestId('response-body').textContent());
    if (preset === 'webhook') {
      assert.match(await page.getByTestId('summary-webhook').textContent(), /hooks\.example\.com\/evo — 6 event/);
      assert.equal(body.webhook.events.length, 6);
    }
    if (preset === 'chatwoot') {
      assert.match(await page.getByTestId('qr-chatwoot').textContent(), /Chatwoot inbox/);
      assert.equal(body.chatwoot.enabled, true);
    } else {
      await page.getByTestId('qr-svg').waitFor();
    }
    await page.context().close();
  });
}

test("pasting the seed's commented webhook example: diagnostics at the right lines → fix all → send succeeds", async () => {
  const seed = await readFile(join(ROOT, 'crates/core/tests/data/seed-webhook.jsonc'), 'utf8');
  const { page } = await openPage(browser, site.url);
  await connect(page);
  await setEditor(page, seed);
  const lines = await page.getByTestId('diagnostic').evaluateAll((els) => els.map((e) => `${e.dataset.line}:${e.dataset.code}`));
  for (const want of ['2:evo/placeholder', '3:evo/placeholder', '5:evo/placeholder', '6:evo/unknown-key', '8:json/comment', '10:json/comment', '27:json/comment']) {
    assert.ok(lines.includes(want), `${want} in ${lines}`);
  }
  assert.equal(lines.filter((l) => l.endsWith('json/comment')).length, 14);
  assert.equal(await page.getByTestId('send').isDisabled(), true);
  assert.match(await page.getByTestId('diagnostics-summary').textContent(), /^17 errors, 1 warning/);

  // Clicking a diagnostic selects its span in the editor.
  await page.getByTestId('diagnostic').filter({ hasText: 'webhookByEvents' }).locator('.diag-go').click();
  const selected = await page.getByTestId('payload-editor').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selected, '"webhookByEvents"');

  await page.getByTestId('fix-all').click();
  await page.waitForTimeout(100);
  const left = await page.getByTestId('diagnostic').evaluateAll((els) => els.map((e) => `${e.dataset.line}:${e.dataset.code}`));
  assert.deepEqual(left, ['5:evo/placeholder'], 'only the webhook URL is left for the user to give');
  await page.getByTestId('field-webhook').fill('https://hooks.example.com/seed');
  await page.getByTestId('instance-name').fill('fromseed');
  await page.waitForTimeout(200);
  const v = await editorJson(page);
  assert.equal(v.webhook_by_events, false);
  assert.deepEqual(v.events, ['QRCODE_UPDATED', 'MESSAGES_UPSERT', 'MESSAGES_UPDATE', 'MESSAGES_DELETE', 'SEND_MESSAGE', 'CONNECTION_UPDATE']);
  await sendAndWait(page, 201);
  assert.match(await page.getByTestId('summary-webhook').textContent(), /6 event/);
  await page.context().close();
});

/** Each failure kind → its explanation; the payload stays in the editor. */
const doctorCases = [
  ['404 (wrong base URL path)', async (page) => page.getByTestId('base-url').fill(`${sandbox.url}/wrong/prefix`), '404', /base URL's path is wrong/],
  ['5xx', async () => nextCreate(sandbox.url, { status: 502, body: '<html>Bad gateway</html>' }), '502', /502: the server failed/],
  ['non-JSON 200', async () => nextCreate(sandbox.url, { status: 200, body: '<html>login page</html>' }), '200', /not with JSON/],
  ['empty body', async () => nextCreate(sandbox.url, { status: 200, body: '' }), '200', /empty body/],
  ['400 mapped onto the form', async (page) => {
    await page.getByTestId('advanced').click();
    await page.getByTestId('field-proxy-host').fill('127.0.0.1');
    await page.getByTestId('field-proxy-port').fill('1');
    await page.getByTestId('field-proxy-protocol').selectOption('http');
  }, '400', /Invalid proxy/],
];

for (const [title, arrange, status, explanation] of doctorCases) {
  test(`doctor: ${title}`, async () => {
    const { page } = await openPage(browser, site.url);
    const name = 'doc' + title.replace(/[^a-z0-9]/g, '');
    await fillBasic(page, { base: sandbox.url, key: KEY, name, qrcode: false });
    await arrange(page);
    await page.waitForTimeout(200);
    const before = await page.getByTestId('payload-editor').inputValue();
    await sendAndWait(page, status);
    const msg = await page.getByTestId('error-message').textContent();
    assert.match(msg, explanation);
    assert.ok((await page.getByTestId('response-body').textContent()).length >= 0);
    assert.equal(await page.getByTestId('payload-editor').inputValue(), before, 'nothing typed is lost');
    if (title.startsWith('400')) {
      assert.match(await page.getByTestId('field-proxy-msg').textContent(), /Server: Invalid proxy/);
    }
    await page.context().close();
  });
}

test('doctor: timeout with a configurable limit, and the Stop button', async () => {
  const { page } = await openPage(browser, site.url);
  await fillBasic(page, { base: sandbox.url, key: KEY, name: 'slowtimeout', qrcode: false });
  await page.getByTestId('timeout').fill('1');
  await nextCreate(sandbox.url, { status: 201, body: '{}', delay_ms: 4000 });
  const started = Date.now();
  await sendAndWait(page, 'no answer');
  assert.ok(Date.now() - started < 3500, 'stopped at the 1 s limit');
  assert.match(await page.getByTestId('error-message').textContent(), /No answer within 1 s/);

  await page.getByTestId('timeout').fill('30');
  await nextCreate(sandbox.url, { status: 201, body: '{}', delay_ms: 4000 });
  await page.getByTestId('send').click();
  await page.getByTestId('abort').click();
  await page.getByTestId('response-status').filter({ hasText: 'no answer' }).waitFor();
  assert.match(await page.getByTestId('error-message').textContent(), /You stopped the request/);
  await page.context().close();
});

test('doctor: an https page calling an http API is stopped before sending (mixed content)', async () => {
  const secure = await serveDist({ https: true });
  try {
    const { page, log } = await openPage(browser, secure.url);
    await fillBasic(page, { base: sandbox.url, key: KEY, name: 'mixed', qrcode: false });
    await page.getByTestId('send').click();
    await page.getByTestId('error-message').waitFor();
    assert.match(await page.getByTestId('error-message').textContent(), /Not sent: .*mixed content/);
    await page.getByTestId('test-connection').click();
    await page.getByTestId('server-version').filter({ hasText: 'mixed content' }).waitFor();
    assert.deepEqual(log.requests.filter((u) => u.startsWith(sandbox.url)), [], 'no request was attempted');
    assert.equal(await page.getByTestId('instance-name').inputValue(), 'mixed');
    await page.context().close();
  } finally {
    secure.close();
  }
});

test('a server without WhatsApp answers {"count":0}: the QR area says why', async () => {
  const offline = await startSandbox(['--key', KEY, '--no-qr']);
  try {
    const { page } = await openPage(browser, site.url);
    await fillBasic(page, { base: offline.url, key: KEY, name: 'noqr', qrcode: true });
    await sendAndWait(page, 201);
    assert.match(await page.getByTestId('qr-pending').textContent(), /no QR code yet .*WhatsApp/);
    await page.context().close();
  } finally {
    offline.stop();
  }
});

test('download .json saves exactly the editor text', async () => {
  const { page } = await openPage(browser, site.url);
  await setEditor(page, '{\n  "instanceName": "dl1", // a comment stays\n  "qrcode": true\n}');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  assert.equal(download.suggestedFilename(), 'dl1.json');
  const path = await download.path();
  assert.equal(await readFile(path, 'utf8'), '{\n  "instanceName": "dl1", // a comment stays\n  "qrcode": true\n}');
  await page.context().close();
});

test('test connection shows the server version, or a diagnosis', async () => {
  const { page } = await openPage(browser, site.url);
  await page.getByTestId('base-url').fill(sandbox.url + '/');
  await page.getByTestId('test-connection').click();
  await page.getByTestId('server-version').filter({ hasText: '1.8.2' }).waitFor();
  assert.match(await page.getByTestId('server-version').textContent(), /Evolution API 1\.8\.2 answers.*checked for Evolution API 1\.x/);
  assert.equal(await page.getByTestId('profile').inputValue(), 'v1');
  await page.getByTestId('base-url').fill(sandbox.url + '/nope');
  await page.getByTestId('test-connection').click();
  await page.getByTestId('server-version').filter({ hasText: '404' }).waitFor();
  await page.context().close();
});
