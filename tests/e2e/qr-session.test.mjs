// The QR panel's session under stress: a state poll that lands after its panel was replaced, and
// polling that makes no progress (a server that never reaches WhatsApp) stopping, saying why, and
// resuming. `?pollGiveUp=SECONDS` shortens the bound without progress (default: 3 minutes, or four
// QR periods when longer).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { world, startSandbox, control, requestLog, until, sleep } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-global-key';
// Each test starts the sandbox it needs.
const w = world({ sandboxes: {} });
let site, browser;
before(async () => ({ site, browser } = await w.ready));

const statePolls = async (sb, name) => (await requestLog(sb)).filter((r) => r.path === `/instance/connectionState/${name}`);

async function create(app, name) {
  await app.setEditor(JSON.stringify({ instanceName: name, token: `tok-${name}`, qrcode: true }, null, 2));
  await app.clickSend();
  await app.summaryOf('name').filter({ hasText: name }).waitFor();
}

test('a state poll that lands after its panel was replaced: no page error, the page keeps working', async () => {
  const sandbox = await startSandbox(['--key', KEY]);
  try {
    const { app, log, context } = await openApp(browser, `${site.url}?qrPeriod=45`);
    await app.fillBasic({ base: sandbox.url, key: KEY, name: 'first' });
    await app.clickSend();
    await app.qr.image.waitFor();
    // The first panel's state poll hangs for 2.5 s at the server…
    const late = await control(sandbox, 'fault', 'POST', {
      path: '/instance/connectionState/first', status: 200, content_type: 'application/json', delay_ms: 2500,
      body: JSON.stringify({ instance: { instanceName: 'first', state: 'connecting' } }),
    });
    assert.equal(late.status, 204);
    await until(async () => (await statePolls(sandbox, 'first')).length > 0, 'the first poll');
    // …while a new create replaces the panel.
    await create(app, 'second');
    await app.qr.image.waitFor();
    // The second panel polls 3 s after it appeared: by then the first poll's answer has landed.
    await until(async () => (await statePolls(sandbox, 'second')).length > 0, 'the second panel polling');
    assert.deepEqual(log.errors, [], 'no panic, no console error');
    // The page still works: a following create shows its QR and polls.
    await create(app, 'third');
    await app.qr.image.waitFor();
    assert.equal(await app.qr.attempt(), 'Attempt 1 of 30');
    await until(async () => (await statePolls(sandbox, 'third')).length > 0, 'the third panel polling');
    assert.equal((await statePolls(sandbox, 'first')).length, 1, 'the replaced panel polled no more');
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    sandbox.stop();
  }
});

test('polling without progress stops and says why; no request after; Resume polls again', async () => {
  // --no-qr: the server never reaches WhatsApp — `{"count":0}` and `connecting` forever.
  const noqr = await startSandbox(['--key', KEY, '--no-qr']);
  try {
    const { app, log, context } = await openApp(browser, `${site.url}?qrPeriod=2&pollGiveUp=6`);
    await app.fillBasic({ base: noqr.url, key: KEY, name: 'noqr' });
    await app.clickSend();
    await app.qr.pendingLine.waitFor();
    assert.equal(await app.qr.attempt(), 'Waiting for a QR code');
    await app.qr.waitStopped(15000);
    assert.match(await app.qr.stoppedLine.textContent(), /not one QR code in 6 s/);
    assert.ok((await statePolls(noqr, 'noqr')).length >= 1, 'it polled before stopping');
    assert.equal(await app.qr.countdownLine.count(), 0, 'no countdown once stopped');
    const before = (await requestLog(noqr)).length;
    // A legitimate sleep: nothing may happen, for longer than the 3 s poll interval.
    await sleep(4000);
    assert.equal((await requestLog(noqr)).length, before, 'no request after polling stopped');

    await app.qr.resume();
    await app.qr.countdownLine.waitFor();
    await until(async () => (await requestLog(noqr)).length > before, 'a request after Resume', 5000);
    const paths = (await requestLog(noqr)).slice(before).map((r) => r.path);
    assert.equal(paths[0], '/instance/connectionState/noqr', paths.join(', '));
    await app.qr.waitStopped(15000);
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    noqr.stop();
  }
});
