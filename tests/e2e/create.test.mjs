// The foundation flow, end to end: fill the basic form, create against the sandbox, read the result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, deadPort, launchBrowser, openPage } from './harness.mjs';

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

async function fill(page, { base, key = KEY, name, token, qrcode = true }) {
  await page.getByTestId('base-url').fill(base);
  await page.getByTestId('api-key').fill(key);
  await page.getByTestId('instance-name').fill(name);
  if (token) await page.getByTestId('token').fill(token);
  if (!qrcode) await page.getByTestId('qrcode').uncheck();
}

const onlyHttpStatusErrors = (errors) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|403)/.test(e));

test('basic create: 201 summary, server QR image and local SVG QR, no console errors, no third-party request', async () => {
  const { page, log } = await openPage(browser, site.url);
  await fill(page, { base: sandbox.url, name: 'e2eshop' });
  await page.getByTestId('token-generate').click();
  const token = await page.getByTestId('token').inputValue();
  assert.match(token, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const preview = JSON.parse(await page.getByTestId('payload-preview').textContent());
  assert.deepEqual(preview, { instanceName: 'e2eshop', token, qrcode: true });

  await page.getByTestId('send').click();
  await page.getByTestId('response-status').waitFor();
  assert.equal(await page.getByTestId('response-status').textContent(), '201');
  assert.match(await page.getByTestId('response-time').textContent(), /^\d+ ms$/);
  assert.match(await page.getByTestId('response-summary').textContent(), /"e2eshop" created/);
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
  await page.close();
});

test('the send button is disabled while the request is in flight', async () => {
  const { page } = await openPage(browser, site.url);
  await fill(page, { base: slowSandbox.url, name: 'slowone', qrcode: false });
  await page.getByTestId('send').click();
  assert.equal(await page.getByTestId('send').isDisabled(), true);
  assert.match(await page.getByTestId('send').textContent(), /Creating/);
  await page.getByTestId('response-status').waitFor();
  assert.equal(await page.getByTestId('response-status').textContent(), '201');
  assert.equal(await page.getByTestId('send').isDisabled(), false);
  await page.close();
});

test('duplicate name shows the 403 explanation; wrong key shows the 401 explanation', async () => {
  const { page, log } = await openPage(browser, site.url);
  await fill(page, { base: sandbox.url, name: 'dupname', token: 'tok-dup-1', qrcode: false });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '201' }).waitFor();

  await page.getByTestId('token').fill('tok-dup-2');
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '403' }).waitFor();
  assert.match(await page.getByTestId('error-message').textContent(), /"dupname" is already in use/);
  assert.match(await page.getByTestId('response-body').textContent(), /already in use/);

  await page.getByTestId('api-key').fill('not-the-key');
  await page.getByTestId('instance-name').fill('freshname');
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '401' }).waitFor();
  assert.match(await page.getByTestId('error-message').textContent(), /global API key is wrong or missing/);
  assert.equal(await page.getByTestId('instance-name').inputValue(), 'freshname', 'the form is kept');
  assert.deepEqual(onlyHttpStatusErrors(log.errors), []);
  await page.close();
});

test('a dead server and a CORS refusal are explained, with the exact CORS_ORIGIN line', async () => {
  const { page } = await openPage(browser, site.url);
  await fill(page, { base: `http://127.0.0.1:${await deadPort()}`, name: 'nobody', qrcode: false });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: 'no answer' }).waitFor();
  assert.match(await page.getByTestId('error-message').textContent(), /No answer from the server/);

  await page.getByTestId('base-url').fill(strictSandbox.url);
  await page.getByTestId('send').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=send]') && !document.querySelector('[data-testid=send]').disabled);
  const msg = await page.getByTestId('error-message').textContent();
  assert.ok(msg.includes(`CORS_ORIGIN=${site.origin}`), msg);
  assert.equal(await page.getByTestId('instance-name').inputValue(), 'nobody');
  await page.close();
});

test('response text is shown as text, never as HTML', async () => {
  const { page } = await openPage(browser, site.url);
  const evil = '<img src=x onerror=window.__pwned=1><b>bold';  // no '/': a slash is its own server trap
  await fill(page, { base: sandbox.url, name: evil, qrcode: false });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '201' }).waitFor();
  const pre = page.getByTestId('response-body');
  assert.ok((await pre.textContent()).includes(evil));
  assert.equal(await pre.locator('img, b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});
