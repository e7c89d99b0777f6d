// Evolution API 2.x end to end: the release build against the sandbox answering as 2.3.6.
// Test connection picks profile v2; presets, the form and the linter speak 2.x; the seed's webhook
// example migrates and is really saved; the first send to a server of the other generation stops.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serveDist, startSandbox, launchBrowser, openPage, setEditor, editorJson } from './harness.mjs';

const KEY = 'e2e-v2-key';
let site, v2, v2chatwoot, browser;

before(async () => {
  site = await serveDist();
  v2 = await startSandbox(['--key', KEY, '--api-version', '2', '--qr-period-ms', '60000']);
  v2chatwoot = await startSandbox(['--key', KEY, '--api-version', '2', '--chatwoot']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  v2?.stop();
  v2chatwoot?.stop();
  site?.close();
});

async function connect(page, base) {
  await page.getByTestId('base-url').fill(base);
  await page.getByTestId('api-key').fill(KEY);
  await page.getByTestId('test-connection').click();
  await page.getByTestId('server-version').filter({ hasText: '2.3.6' }).waitFor();
}

async function diagnostics(page) {
  return page.getByTestId('diagnostic').evaluateAll((els) => els.map((e) => ({ code: e.dataset.code, text: e.textContent })));
}

async function send(page) {
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').waitFor({ timeout: 20000 });
  return page.getByTestId('response-status').textContent();
}

test('test connection → profile v2 → Basic preset in 2.x shape → 201 → QR panel with a real QR', async () => {
  const { page, log } = await openPage(browser, site.url);
  assert.equal(await page.getByTestId('profile').inputValue(), 'v1', 'nothing read yet');
  await connect(page, v2.url);
  assert.equal(await page.getByTestId('profile').inputValue(), 'v2');
  assert.match(await page.getByTestId('profile-source').textContent(), /2\.3\.6/);
  await page.getByTestId('preset-basic').click();
  assert.equal(await page.getByTestId('integration').inputValue(), 'WHATSAPP-BAILEYS');
  await page.getByTestId('instance-name').fill('v2shop');
  await page.waitForTimeout(200);
  const sent = await editorJson(page);
  assert.equal(sent.integration, 'WHATSAPP-BAILEYS');
  assert.deepEqual(Object.keys(sent).sort(), ['instanceName', 'integration', 'qrcode', 'token']);
  assert.equal(await send(page), '201');
  assert.equal(await page.getByTestId('summary-status').textContent(), 'connecting');
  assert.equal(await page.getByTestId('summary-integration').textContent(), 'WHATSAPP-BAILEYS');
  assert.equal(await page.getByTestId('instance-key').textContent(), sent.token, 'hash is a plain string in 2.x');
  await page.getByTestId('qr-svg').waitFor();
  // The spent token was replaced for the next instance.
  await page.getByTestId('token-renewed').waitFor();
  assert.notEqual(await page.getByTestId('token').inputValue(), sent.token);
  assert.deepEqual(log.errors, []);
});

test('the seed\'s webhook example: flagged under v2, migrated with notes, filled, sent, and the webhook is really saved', async () => {
  const { page, log } = await openPage(browser, site.url);
  await connect(page, v2.url);
  const seed = readFileSync(join(ROOT, 'crates/core/tests/data/seed-webhook.jsonc'), 'utf8');
  await setEditor(page, seed);
  const before = await diagnostics(page);
  assert.ok(before.some((d) => d.code === 'evo/profile'), 'the 1.x shape is pointed out');
  assert.ok(before.some((d) => d.code === 'evo/webhook-shape'), 'a string webhook is an error in 2.x');
  assert.ok(before.some((d) => d.code === 'evo/required' && /integration/.test(d.text)));
  await page.getByTestId('migrate').click();
  await page.getByTestId('migration-notes').locator('li').first().waitFor();
  const notes = await page.getByTestId('migration-notes').textContent();
  assert.match(notes, /webhookByEvents → webhook\.byEvents/);
  assert.match(notes, /integration was added/);
  assert.equal(await page.getByTestId('profile').inputValue(), 'v2');
  const migrated = await page.getByTestId('payload-editor').inputValue();
  assert.equal((migrated.match(/\/\//g) ?? []).length, (seed.match(/\/\//g) ?? []).length, 'comments kept');
  // Fill the placeholders as a user would, then let Fix all drop the comments.
  await page.getByTestId('instance-name').fill('hookshop');
  await page.getByTestId('token-generate').click();
  await page.getByTestId('field-webhook-url').fill('https://hooks.example.com/evo');
  await page.waitForTimeout(200);
  await page.getByTestId('fix-all').click();
  await page.waitForTimeout(200);
  const errors = (await diagnostics(page)).filter((d) => /error/.test(d.text));
  assert.deepEqual(errors, []);
  const sent = await editorJson(page);
  assert.deepEqual(sent.webhook.events, ['QRCODE_UPDATED', 'MESSAGES_UPSERT', 'MESSAGES_UPDATE', 'MESSAGES_DELETE', 'SEND_MESSAGE', 'CONNECTION_UPDATE']);
  assert.equal(await send(page), '201');
  const found = await (await fetch(`${v2.url}/webhook/find/hookshop`, { headers: { apikey: KEY } })).json();
  assert.equal(found.url, 'https://hooks.example.com/evo');
  assert.equal(found.webhookByEvents, false);
  assert.equal(found.enabled, true);
  assert.deepEqual(found.events, sent.webhook.events);
  assert.deepEqual(log.errors, []);
});

test('a 1.x key in a 2.x payload is named with its 2.x name and renamed in one click', async () => {
  const { page } = await openPage(browser, site.url);
  await page.getByTestId('profile').selectOption('v2');
  await setEditor(page, JSON.stringify({ instanceName: 'calls', integration: 'WHATSAPP-BAILEYS', reject_call: true }, null, 2));
  const d = page.getByTestId('diagnostic').filter({ hasText: 'reject_call' });
  assert.equal(await d.getAttribute('data-code'), 'evo/v1-key');
  assert.match(await d.textContent(), /rejectCall/);
  await d.getByTestId('fix').click();
  await page.waitForTimeout(200);
  assert.equal((await editorJson(page)).rejectCall, true);
  // The profile is in the share link, the secrets are not.
  await page.getByTestId('share-link').click();
  assert.match(await page.getByTestId('share-url').inputValue(), /&profile=v2$/);
});

test('the first send to a 2.x server with a 1.x payload stops before the create, switches the profile and keeps the text', async () => {
  const { page } = await openPage(browser, site.url);
  await fetch(`${v2.url}/__sandbox/requests`, { method: 'DELETE' });
  await page.getByTestId('base-url').fill(v2.url);
  await page.getByTestId('api-key').fill(KEY);
  const text = JSON.stringify({ instanceName: 'oldshape', token: 'tok-oldshape', qrcode: true }, null, 2);
  await setEditor(page, text);
  await page.getByTestId('send').click();
  await page.getByTestId('error-message').waitFor();
  assert.match(await page.getByTestId('error-message').textContent(), /runs Evolution API 2\.3\.6.*built for Evolution API 1\.x/);
  assert.equal(await page.getByTestId('profile').inputValue(), 'v2');
  assert.equal(await page.getByTestId('payload-editor').inputValue(), text, 'nothing lost');
  const log = await (await fetch(`${v2.url}/__sandbox/requests`)).json();
  assert.ok(!JSON.stringify(log).includes('/instance/create'), 'no create reached the server');
  // Now the linter says what 2.x needs; Fix all adds the integration; the create succeeds.
  assert.ok((await diagnostics(page)).some((d) => d.code === 'evo/required'));
  await page.getByTestId('fix-all').click();
  await page.waitForTimeout(200);
  assert.equal((await editorJson(page)).integration, 'WHATSAPP-BAILEYS');
  assert.equal(await send(page), '201');
});

test('2.x Chatwoot path: no QR in the answer, Connect now opens the QR panel; the schema downloads', async () => {
  const { page, log } = await openPage(browser, site.url);
  await connect(page, v2chatwoot.url);
  await page.getByTestId('preset-chatwoot').click();
  await page.getByTestId('instance-name').fill('cwshop');
  await page.getByTestId('field-chatwootToken').fill('cw-token');
  await page.getByTestId('qrcode').uncheck();
  await page.waitForTimeout(200);
  const sent = await editorJson(page);
  assert.equal(sent.chatwootAccountId, '1');
  assert.equal(sent.chatwootReopenConversation, false);
  assert.equal(await send(page), '201');
  await page.getByTestId('connect-now').click();
  await page.getByTestId('qr-svg').waitFor({ timeout: 10000 });
  // The JSON Schema of the profile in use.
  const href = await page.getByTestId('download-schema').evaluate((a) => a.href);
  assert.match(href, /\/admin\/schema\/evolution-create-v2\.schema\.json$/, 'served beside the page, for the profile in use');
  const schema = await (await fetch(href)).json();
  assert.deepEqual(schema.properties.integration.enum, ['WHATSAPP-BAILEYS', 'WHATSAPP-BUSINESS', 'EVOLUTION']);
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-schema').click()]);
  assert.equal(download.suggestedFilename(), 'evolution-create-v2.schema.json');
  assert.deepEqual(log.errors, []);
});

test('2.x QR panel: rotation, pairing code, simulated scan → open, log out, delete (gone from the server)', async () => {
  const fast = await startSandbox(['--key', KEY, '--api-version', '2', '--qr-period-ms', '2000']);
  const control = (path, method = 'POST') => fetch(`${fast.url}/__sandbox/${path}`, { method });
  try {
    const { page, log, context } = await openPage(browser, `${site.url}?qrPeriod=2`);
    await connect(page, fast.url);
    await page.getByTestId('preset-basic').click();
    await page.getByTestId('instance-name').fill('v2life');
    await page.waitForTimeout(200);
    await page.getByTestId('send').click();
    await page.getByTestId('qr-panel').waitFor({ timeout: 20000 });
    assert.equal(await page.getByTestId('qr-attempt').textContent(), 'Attempt 1 of 30');
    await page.getByTestId('qr-attempt').filter({ hasText: /Attempt [2-9] of 30/ }).waitFor({ timeout: 10000 });
    await page.getByText('No camera? Link with a pairing code instead').click();
    await page.getByTestId('pairing-number').fill('5511999999999');
    await page.getByTestId('pairing-request').click();
    await page.getByTestId('pairing-code').waitFor();
    assert.match(await page.getByTestId('pairing-code').textContent(), /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal((await control('scan/v2life')).status, 200);
    await page.getByTestId('connected').waitFor({ timeout: 20000 });
    assert.equal(await page.getByTestId('connection-state').textContent(), 'open');
    await page.getByTestId('logout').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('panel-message').filter({ hasText: 'Logged out' }).waitFor();
    assert.equal(await page.getByTestId('connection-state').textContent(), 'close');
    await page.getByTestId('delete').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('panel-message').filter({ hasText: 'Instance deleted' }).waitFor();
    const gone = await fetch(`${fast.url}/instance/fetchInstances?instanceName=v2life`, { headers: { apikey: KEY } });
    assert.equal(gone.status, 404);
    assert.deepEqual(log.errors.filter((e) => !/status of 40[04]/.test(e)), []);
    await context.close();
  } finally {
    fast.stop();
  }
});
