// From QR to connected: rotation, simulated scan, polling that stops, hidden tab, pairing code,
// the QR limit, log out and delete — against sandboxes with short QR periods.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, launchBrowser, openPage, fillBasic } from './harness.mjs';

const KEY = 'e2e-global-key';
let site, sandbox, browser;

before(async () => {
  site = await serveDist();
  sandbox = await startSandbox(['--key', KEY, '--qr-period-ms', '2000']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  sandbox?.stop();
  site?.close();
});

const control = (sb, path, method = 'POST') => fetch(`${sb.url}/__sandbox/${path}`, { method, headers: { Origin: 'http://127.0.0.1' } });
const requestLog = async (sb) => (await control(sb, 'requests', 'GET')).json();

async function createWithQr(page, sb, name, period = 2) {
  await page.goto(`${site.url}?qrPeriod=${period}`);
  await page.getByTestId('send').waitFor();
  await fillBasic(page, { base: sb.url, key: KEY, name, qrcode: true });
  await page.getByTestId('send').click();
  await page.getByTestId('qr-panel').waitFor();
}

test('rotation → scan → connected, polling stops → log out → delete', async () => {
  const { page, context } = await openPage(browser, site.url);
  await createWithQr(page, sandbox, 'lifecycle');
  assert.equal(await page.getByTestId('qr-attempt').textContent(), 'Attempt 1 of 30');
  assert.match(await page.getByTestId('qr-countdown').textContent(), /new code in \d s/);
  assert.equal(await page.getByTestId('connection-state').textContent(), 'connecting');
  const firstSrc = await page.getByTestId('qr-image').getAttribute('src');

  await page.getByTestId('qr-attempt').filter({ hasText: 'Attempt 2 of 30' }).waitFor({ timeout: 8000 });
  const secondSrc = await page.getByTestId('qr-image').getAttribute('src');
  assert.notEqual(secondSrc, firstSrc, 'the image changes when the code rotates');

  assert.equal((await control(sandbox, 'scan/lifecycle')).status, 200);
  await page.getByTestId('connected').waitFor({ timeout: 20000 });
  assert.equal(await page.getByTestId('connection-state').textContent(), 'open');
  assert.equal(await page.getByTestId('qr-image').count(), 0);
  const before = (await requestLog(sandbox)).length;
  await page.waitForTimeout(4500);
  assert.equal((await requestLog(sandbox)).length, before, 'no request after "open": polling stopped');

  await page.getByTestId('logout').click();
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('panel-message').filter({ hasText: 'Logged out' }).waitFor();
  assert.equal(await page.getByTestId('connection-state').textContent(), 'close');
  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('panel-message').filter({ hasText: 'Instance deleted' }).waitFor();
  const gone = await fetch(`${sandbox.url}/instance/fetchInstances?instanceName=lifecycle`, { headers: { apikey: KEY, Origin: 'http://127.0.0.1' } });
  assert.equal(gone.status, 404);
  await context.close();
});

test('delete on a connected instance logs out first and says so; the instance key is used when the global key was not kept', async () => {
  const { page, context } = await openPage(browser, site.url);
  await createWithQr(page, sandbox, 'keyonly', 45);
  await control(sandbox, 'scan/keyonly');
  await page.getByTestId('api-key').fill(''); // the global key is gone: the panel uses hash.apikey
  await control(sandbox, 'requests', 'DELETE');
  await page.getByTestId('connected').waitFor({ timeout: 20000 });
  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('panel-message').filter({ hasText: 'Instance deleted' }).waitFor();
  assert.match(await page.getByTestId('panel-message').textContent(), /Logged out first/);
  const paths = (await requestLog(sandbox)).map((r) => `${r.method} ${r.path}`);
  assert.ok(paths.includes('DELETE /instance/logout/keyonly') && paths.indexOf('DELETE /instance/logout/keyonly') < paths.indexOf('DELETE /instance/delete/keyonly'), paths.join(', '));
  await context.close();
});

test('no requests while the tab is hidden; polling resumes on return', async () => {
  const { page, context } = await openPage(browser, site.url);
  await createWithQr(page, sandbox, 'hiddentab', 45);
  const setVisibility = (state) => page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await setVisibility('hidden');
  await control(sandbox, 'requests', 'DELETE');
  await page.waitForTimeout(5000);
  assert.deepEqual(await requestLog(sandbox), [], 'nothing while hidden');
  await setVisibility('visible');
  await page.waitForTimeout(4000);
  const paths = (await requestLog(sandbox)).map((r) => r.path);
  assert.ok(paths.includes('/instance/connectionState/hiddentab'), `polling resumed: ${paths}`);
  await context.close();
});

test('pairing code: digits only, shown as XXXX-XXXX with the steps', async () => {
  const { page, context } = await openPage(browser, site.url);
  await createWithQr(page, sandbox, 'pairing', 45);
  await page.getByText('No camera? Link with a pairing code instead').click();
  await page.getByTestId('pairing-number').fill('+55 11');
  assert.equal(await page.getByTestId('pairing-request').isDisabled(), true, 'not digits only');
  await page.getByTestId('pairing-number').fill('5511999999999');
  await page.getByTestId('pairing-request').click();
  await page.getByTestId('pairing-code').waitFor();
  assert.match(await page.getByTestId('pairing-code').textContent(), /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.match(await page.getByTestId('pairing-code-box').locator('xpath=..').textContent(), /Link with phone number instead/);
  await context.close();
});

test('the server gives up after its QR limit → "Generate new QR" starts a new session', async () => {
  const limited = await startSandbox(['--key', KEY, '--qr-period-ms', '1500', '--qr-limit', '2']);
  try {
    const { page, context } = await openPage(browser, site.url);
    await createWithQr(page, limited, 'limited', 2);
    await page.getByTestId('qr-new').waitFor({ timeout: 20000 });
    assert.equal(await page.getByTestId('connection-state').textContent(), 'close');
    await page.getByTestId('qr-new').click();
    await page.getByTestId('qr-attempt').filter({ hasText: 'Attempt 1 of 30' }).waitFor();
    assert.equal(await page.getByTestId('connection-state').textContent(), 'connecting');
    await context.close();
  } finally {
    limited.stop();
  }
});

test('an existing instance by name: its QR and state, name URL-encoded', async () => {
  const { page, context } = await openPage(browser, site.url);
  const created = await fetch(`${sandbox.url}/instance/create`, {
    method: 'POST', headers: { apikey: KEY, 'Content-Type': 'application/json', Origin: 'http://127.0.0.1' },
    body: JSON.stringify({ instanceName: 'my shop', token: 't-myshop', qrcode: false }),
  });
  assert.equal(created.status, 201);
  await page.getByTestId('base-url').fill(sandbox.url);
  await page.getByTestId('api-key').fill(KEY);
  await control(sandbox, 'requests', 'DELETE');
  await page.getByTestId('existing-name').fill('my shop');
  await page.getByTestId('open-panel').click();
  await page.getByTestId('qr-image').waitFor();
  assert.equal(await page.getByTestId('qr-attempt').textContent(), 'Attempt 1 of 30');
  const paths = (await requestLog(sandbox)).map((r) => r.path);
  assert.ok(paths.includes('/instance/connect/my%20shop'), paths.join(', '));
  await context.close();
});
