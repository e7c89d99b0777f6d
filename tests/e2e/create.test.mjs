// The foundation flow, end to end: fill the basic form, create against the sandbox, read the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, deadPort, launchBrowser, openPage, fillBasic, nextCreate } from './harness.mjs';

const KEY = 'e2e-global-key';
let site, sandbox, slowSandbox, strictSandbox, browser;

before(async () => {
  site = await serveDist();
  sandbox = await startSandbox(['--key', KEY]);
  slowSandbox = await startSandbox(['--key', KEY, '--create-delay-ms', '800']);
  strictSandbox = await startSandbox(['--key', KEY, '--cors-origin', 'http://localhost:3000']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of [sandbox, slowSandbox, strictSandbox]) s?.stop();
  site?.close();
});

const onlyHttpStatusErrors = (errors) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|403)/.test(e));

test('basic create through the form: 201 summary, server QR image and local SVG QR, no console errors, no third-party request', async () => {
  const { page, log } = await openPage(browser, site.url);
  // A figure, not a pass/fail bound: navigation start → the app mounted and its send button usable.
  const tti = await page.evaluate(() => Math.round(performance.now()));
  console.log(`time to interactive (release build, loopback, cold browser context): ${tti} ms`);
  assert.equal(await page.getByTestId('payload-editor').isEditable(), true);
  await page.getByTestId('base-url').fill(sandbox.url);
  await page.getByTestId('api-key').fill(KEY);
  await page.getByTestId('preset-basic').click();
  await page.getByTestId('instance-name').fill('e2eshop');
  await page.getByTestId('token-generate').click();
  const token = await page.getByTestId('token').inputValue();
  assert.match(token, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const sent = JSON.parse(await page.getByTestId('payload-editor').inputValue());
  assert.deepEqual(sent, { instanceName: 'e2eshop', token, qrcode: true });

  await page.getByTestId('send').click();
  await page.getByTestId('response-status').waitFor();
  assert.equal(await page.getByTestId('response-status').textContent(), '201');
  assert.match(await page.getByTestId('response-time').textContent(), /^\d+ ms$/);
  assert.match(await page.getByTestId('response-message').textContent(), /"e2eshop" created/);
  assert.equal(await page.getByTestId('summary-name').textContent(), 'e2eshop');
  assert.equal(await page.getByTestId('instance-key').textContent(), token);
  const body = JSON.parse(await page.getByTestId('response-body').textContent());
  assert.equal(body.instance.instanceName, 'e2eshop');
  assert.ok(body.qrcode.code.startsWith('2@'));

  const img = page.getByTestId('qr-image');
  await img.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=qr-image]').complete);
  const natural = await img.evaluate((el) => [el.naturalWidth, el.naturalHeight]);
  assert.ok(natural[0] > 100 && natural[0] === natural[1], `natural size ${natural}`);
  const svgPath = await page.getByTestId('qr-svg').locator('path').getAttribute('d');
  assert.ok(svgPath.length > 500 && svgPath.startsWith('M4 4h7'), 'local SVG has the finder pattern');
  assert.equal(await page.getByTestId('qr-svg').locator('rect').getAttribute('fill'), '#ffffff');

  assert.deepEqual(log.errors, []);
  const foreign = log.requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves this machine');
  assert.ok(!page.url().includes(KEY), 'the key is not in the URL');
  await page.context().close();
});

test('the send button is disabled while the request is in flight', async () => {
  const { page } = await openPage(browser, site.url);
  await fillBasic(page, { base: slowSandbox.url, key: KEY, name: 'slowone', qrcode: false });
  await page.getByTestId('send').click();
  assert.equal(await page.getByTestId('send').isDisabled(), true);
  assert.match(await page.getByTestId('send').textContent(), /Creating/);
  await page.getByTestId('response-status').waitFor();
  assert.equal(await page.getByTestId('response-status').textContent(), '201');
  assert.equal(await page.getByTestId('send').isDisabled(), false);
  await page.context().close();
});

test('duplicate name shows the 403 explanation with a free name to use; wrong key shows the 401 explanation', async () => {
  const { page, log } = await openPage(browser, site.url);
  await fillBasic(page, { base: sandbox.url, key: KEY, name: 'dupname', token: 'tok-dup-1', qrcode: false });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '201' }).waitFor();

  await page.getByTestId('token').fill('tok-dup-2');
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '403' }).waitFor();
  const msg = await page.getByTestId('error-message').textContent();
  assert.match(msg, /"dupname" is already in use/);
  assert.match(msg, /may have left the instance behind/);
  assert.match(await page.getByTestId('response-body').textContent(), /already in use/);
  await page.getByTestId('use-suggested-name').click();
  assert.equal(await page.getByTestId('instance-name').inputValue(), 'dupname2');

  await page.getByTestId('api-key').fill('not-the-key');
  await page.getByTestId('instance-name').fill('freshname');
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '401' }).waitFor();
  assert.match(await page.getByTestId('error-message').textContent(), /global API key is wrong or missing/);
  assert.equal(await page.getByTestId('instance-name').inputValue(), 'freshname', 'the form is kept');
  assert.deepEqual(onlyHttpStatusErrors(log.errors), []);
  await page.context().close();
});

test('a dead server and a CORS refusal are explained, with the exact CORS_ORIGIN line', async () => {
  const { page } = await openPage(browser, site.url);
  await fillBasic(page, { base: `http://127.0.0.1:${await deadPort()}`, key: KEY, name: 'nobody', qrcode: false });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: 'no answer' }).waitFor();
  assert.match(await page.getByTestId('error-message').textContent(), /No answer from the server/);

  await page.getByTestId('base-url').fill(strictSandbox.url);
  await page.getByTestId('send').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=send]').disabled);
  const msg = await page.getByTestId('error-message').textContent();
  assert.ok(msg.includes(`CORS_ORIGIN=${site.origin}`), msg);
  assert.equal(await page.getByTestId('instance-name').inputValue(), 'nobody');
  await page.context().close();
});

test('an XSS string in every response field renders as text', async () => {
  const { page } = await openPage(browser, site.url);
  const x = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
  await nextCreate(sandbox.url, {
    status: 201,
    content_type: 'application/json; charset=utf-8',
    body: JSON.stringify({
      instance: { instanceName: x, instanceId: x, status: x },
      hash: { apikey: x },
      webhook: { webhook: x, events: [x] },
      settings: { reject_call: x, msg_call: x },
      qrcode: { code: x, base64: `data:image/png;base64,${x}`, count: 1, pairingCode: x },
    }),
  });
  await fillBasic(page, { base: sandbox.url, key: KEY, name: 'xss', qrcode: true });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '201' }).waitFor();
  for (const id of ['summary-name', 'instance-key', 'summary-webhook']) {
    assert.ok((await page.getByTestId(id).textContent()).includes(x), id);
  }
  assert.ok((await page.getByTestId('response-body').textContent()).includes(JSON.stringify(x)), 'the body, as JSON text');
  assert.equal(await page.locator('[data-testid=response-summary] b, [data-testid=response-body] b, img[src=x]').count(), 0);
  assert.match(await page.getByTestId('qr-image-refused').textContent(), /not valid base64/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});
