// The QR panel's session under stress: a state poll that lands after its panel was replaced, and
// polling that makes no progress (a server that never reaches WhatsApp) stopping, saying why, and
// resuming. `?pollGiveUp=SECONDS` shortens the bound without progress (default: 3 minutes, or four
// QR periods when longer).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, launchBrowser, openPage, fillBasic, setEditor } from './harness.mjs';

const KEY = 'e2e-global-key';
let site, browser;

before(async () => {
  site = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  site?.close();
});

const control = (sb, path, method = 'POST', body) => fetch(`${sb.url}/__sandbox/${path}`, {
  method, headers: { Origin: 'http://127.0.0.1', 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
});
const requestLog = async (sb) => (await control(sb, 'requests', 'GET')).json();
const statePolls = async (sb, name) => (await requestLog(sb)).filter((r) => r.path === `/instance/connectionState/${name}`);

/** Polls `check` every 100 ms until it is true (like expect.poll). */
async function until(check, what, timeout = 15000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

async function create(page, name) {
  await setEditor(page, JSON.stringify({ instanceName: name, token: `tok-${name}`, qrcode: true }, null, 2));
  await page.getByTestId('send').click();
  await page.getByTestId('summary-name').filter({ hasText: name }).waitFor();
}

test('a state poll that lands after its panel was replaced: no page error, the page keeps working', async () => {
  const sandbox = await startSandbox(['--key', KEY]);
  try {
    const { page, log, context } = await openPage(browser, `${site.url}?qrPeriod=45`);
    await fillBasic(page, { base: sandbox.url, key: KEY, name: 'first' });
    await page.getByTestId('send').click();
    await page.getByTestId('qr-image').waitFor();
    // The first panel's state poll hangs for 2.5 s at the server…
    const late = await control(sandbox, 'fault', 'POST', {
      path: '/instance/connectionState/first', status: 200, content_type: 'application/json', delay_ms: 2500,
      body: JSON.stringify({ instance: { instanceName: 'first', state: 'connecting' } }),
    });
    assert.equal(late.status, 204);
    await until(async () => (await statePolls(sandbox, 'first')).length > 0, 'the first poll');
    // …while a new create replaces the panel.
    await create(page, 'second');
    await page.getByTestId('qr-image').waitFor();
    // The second panel polls 3 s after it appeared: by then the first poll's answer has landed.
    await until(async () => (await statePolls(sandbox, 'second')).length > 0, 'the second panel polling');
    assert.deepEqual(log.errors, [], 'no panic, no console error');
    // The page still works: a following create shows its QR and polls.
    await create(page, 'third');
    await page.getByTestId('qr-image').waitFor();
    assert.equal(await page.getByTestId('qr-attempt').textContent(), 'Attempt 1 of 30');
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
    const { page, log, context } = await openPage(browser, `${site.url}?qrPeriod=2&pollGiveUp=6`);
    await fillBasic(page, { base: noqr.url, key: KEY, name: 'noqr' });
    await page.getByTestId('send').click();
    await page.getByTestId('qr-pending').waitFor();
    assert.equal(await page.getByTestId('qr-attempt').textContent(), 'Waiting for a QR code');
    const stopped = page.getByTestId('qr-stopped');
    await stopped.waitFor({ timeout: 15000 });
    assert.match(await stopped.textContent(), /no new QR code and no change of state for 6 s/);
    assert.ok((await statePolls(noqr, 'noqr')).length >= 1, 'it polled before stopping');
    assert.equal(await page.getByTestId('qr-countdown').count(), 0, 'no countdown once stopped');
    const before = (await requestLog(noqr)).length;
    await page.waitForTimeout(4000); // longer than the 3 s poll interval: nothing may happen
    assert.equal((await requestLog(noqr)).length, before, 'no request after polling stopped');

    await page.getByTestId('qr-resume').click();
    await page.getByTestId('qr-countdown').waitFor();
    await until(async () => (await requestLog(noqr)).length > before, 'a request after Resume', 5000);
    const paths = (await requestLog(noqr)).slice(before).map((r) => r.path);
    assert.equal(paths[0], '/instance/connectionState/noqr', paths.join(', '));
    await stopped.waitFor({ timeout: 15000 });
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    noqr.stop();
  }
});
