// From QR to connected: rotation, simulated scan, polling that stops, hidden tab, pairing code,
// the QR limit, log out and delete — against sandboxes with short QR periods.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { world, startSandbox, control, requestLog, clearRequestLog, until, sleep } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-global-key';
const w = world(['--key', KEY, '--qr-period-ms', '2000']);
let site, sandbox, browser;
before(async () => ({ site, sandbox, browser } = await w.ready));

async function createWithQr(app, sb, name, period = 2) {
  await app.goto(`${site.url}?qrPeriod=${period}`);
  await app.fillBasic({ base: sb.url, key: KEY, name, qrcode: true });
  await app.clickSend();
  await app.qr.waitForPanel();
}

test('rotation → scan → connected, polling stops → log out → delete', async () => {
  const { app, context } = await openApp(browser, site.url);
  await createWithQr(app, sandbox, 'lifecycle');
  assert.equal(await app.qr.attempt(), 'Attempt 1 of 30');
  assert.match(await app.qr.countdown(), /new code in \d s/);
  assert.equal(await app.qr.state(), 'connecting');
  const firstSrc = await app.qr.imageSrc();

  await app.qr.waitForAttempt('Attempt 2 of 30', 8000);
  const secondSrc = await app.qr.imageSrc();
  assert.notEqual(secondSrc, firstSrc, 'the image changes when the code rotates');

  assert.equal((await control(sandbox, 'scan/lifecycle')).status, 200);
  await app.qr.waitConnected(20000);
  assert.equal(await app.qr.state(), 'open');
  assert.equal(await app.qr.image.count(), 0);
  const before = (await requestLog(sandbox)).length;
  // A legitimate sleep: nothing may happen, for longer than the 3 s poll interval.
  await sleep(4500);
  assert.equal((await requestLog(sandbox)).length, before, 'no request after "open": polling stopped');

  await app.qr.logout();
  assert.equal(await app.qr.state(), 'close');
  await app.qr.delete();
  const gone = await fetch(`${sandbox.url}/instance/fetchInstances?instanceName=lifecycle`, { headers: { apikey: KEY, Origin: 'http://127.0.0.1' } });
  assert.equal(gone.status, 404);
  await context.close();
});

test('delete on a connected instance logs out first and says so; the instance key is used when the global key was not kept', async () => {
  const { app, context } = await openApp(browser, site.url);
  await createWithQr(app, sandbox, 'keyonly', 45);
  await control(sandbox, 'scan/keyonly');
  await app.apiKey.fill(''); // the global key is gone: the panel uses hash.apikey
  await clearRequestLog(sandbox);
  await app.qr.waitConnected(20000);
  assert.match(await app.qr.delete(), /Logged out first/);
  const paths = (await requestLog(sandbox)).map((r) => `${r.method} ${r.path}`);
  assert.ok(paths.includes('DELETE /instance/logout/keyonly') && paths.indexOf('DELETE /instance/logout/keyonly') < paths.indexOf('DELETE /instance/delete/keyonly'), paths.join(', '));
  await context.close();
});

test('no requests while the tab is hidden; polling resumes on return', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  await createWithQr(app, sandbox, 'hiddentab', 45);
  const setVisibility = (state) => page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await setVisibility('hidden');
  await clearRequestLog(sandbox);
  // A legitimate sleep: nothing may happen while hidden, for longer than the 3 s poll interval.
  await sleep(5000);
  assert.deepEqual(await requestLog(sandbox), [], 'nothing while hidden');
  await setVisibility('visible');
  // Within the 4 s the test used to sleep, a state poll arrives (polled for, not slept on).
  let paths = [];
  await until(async () => (paths = (await requestLog(sandbox)).map((r) => r.path)).includes('/instance/connectionState/hiddentab'),
    'a poll after return', 4000).catch(() => { /* the assertion below says what was seen */ });
  assert.ok(paths.includes('/instance/connectionState/hiddentab'), `polling resumed: ${paths}`);
  await context.close();
});

test('pairing code: digits only, shown as XXXX-XXXX with the steps', async () => {
  const { app, context } = await openApp(browser, site.url);
  await createWithQr(app, sandbox, 'pairing', 45);
  await app.qr.openPairing();
  await app.qr.pairingNumber.fill('+55 11');
  assert.equal(await app.qr.pairingButton.isDisabled(), true, 'not digits only');
  assert.match(await app.qr.requestPairing('5511999999999'), /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.match(await app.qr.pairingBox.locator('xpath=..').textContent(), /Link with phone number instead/);
  await context.close();
});

test('the server gives up after its QR limit → "Generate new QR" starts a new session', async () => {
  const limited = await startSandbox(['--key', KEY, '--qr-period-ms', '1500', '--qr-limit', '2']);
  try {
    const { app, context } = await openApp(browser, site.url);
    await createWithQr(app, limited, 'limited', 2);
    await app.qr.waitForNewQrOffer(20000);
    assert.equal(await app.qr.state(), 'close');
    await app.qr.newQr();
    await app.qr.waitForAttempt('Attempt 1 of 30');
    assert.equal(await app.qr.state(), 'connecting');
    await context.close();
  } finally {
    limited.stop();
  }
});

test('an existing instance by name: its QR and state, name URL-encoded', async () => {
  const { app, context } = await openApp(browser, site.url);
  const created = await fetch(`${sandbox.url}/instance/create`, {
    method: 'POST', headers: { apikey: KEY, 'Content-Type': 'application/json', Origin: 'http://127.0.0.1' },
    body: JSON.stringify({ instanceName: 'my shop', token: 't-myshop', qrcode: false }),
  });
  assert.equal(created.status, 201);
  await app.connect(sandbox.url, KEY);
  await clearRequestLog(sandbox);
  await app.openExisting('my shop');
  await app.qr.image.waitFor();
  assert.equal(await app.qr.attempt(), 'Attempt 1 of 30');
  const paths = (await requestLog(sandbox)).map((r) => r.path);
  assert.ok(paths.includes('/instance/connect/my%20shop'), paths.join(', '));
  await context.close();
});
