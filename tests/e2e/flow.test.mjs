// The create flow's races and annoyances (issue #9): the previous answer is not shown as this
// one's while a create is in flight, and "create another" never sends a spent token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, launchBrowser, openPage, fillBasic, editorJson } from './harness.mjs';

const KEY = 'e2e-flow-key';
let site, slow, sandbox, browser;

before(async () => {
  site = await serveDist();
  slow = await startSandbox(['--key', KEY, '--create-delay-ms', '1500']);
  sandbox = await startSandbox(['--key', KEY]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  slow?.stop();
  sandbox?.stop();
  site?.close();
});

test('while a create is in flight, the previous answer (a 401) is not shown as if it were this one\'s', async () => {
  const { page, context } = await openPage(browser, site.url);
  await fillBasic(page, { base: slow.url, key: 'wrong-key', name: 'racer', qrcode: false });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '401' }).waitFor();
  await page.getByTestId('api-key').fill(KEY);
  await page.getByTestId('send').click();
  // During the 1.5 s the server takes, the page says it is waiting and shows no stale 401.
  await page.getByTestId('response-pending').waitFor();
  assert.equal(await page.getByTestId('response-status').count(), 0, 'the old status is gone');
  assert.equal(await page.getByTestId('error-message').count(), 0, 'the old explanation is gone');
  await page.getByTestId('response-status').filter({ hasText: '201' }).waitFor({ timeout: 10000 });
  assert.equal(await page.getByTestId('response-pending').count(), 0);
  await context.close();
});

test('"create another": after a 201 the spent token is replaced and said so; changing only the name creates a second instance', async () => {
  const { page, context } = await openPage(browser, site.url);
  await fillBasic(page, { base: sandbox.url, key: KEY, name: 'first', token: 'tok-first-0001', qrcode: false });
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: '201' }).waitFor();
  await page.getByTestId('token-renewed').waitFor();
  assert.match(await page.getByTestId('token-renewed').textContent(), /used for "first"/);
  const fresh = await page.getByTestId('token').inputValue();
  assert.notEqual(fresh, 'tok-first-0001');
  assert.match(fresh, /^[0-9a-f-]{36}$/);
  await page.getByTestId('instance-name').fill('second');
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').filter({ hasText: /^(201|400)$/ }).waitFor();
  assert.equal(await page.getByTestId('response-status').textContent(), '201', 'never "Token already exists"');
  assert.equal((await editorJson(page)).instanceName, 'second');
  // Typing the spent token back is caught before sending (1.8.2 would answer 400 "Token already exists").
  await page.getByTestId('token').fill('tok-first-0001');
  await page.getByTestId('diagnostic').filter({ hasText: 'already used for "first"' }).waitFor();
  assert.equal(await page.getByTestId('send').isDisabled(), true);
  await context.close();
});
