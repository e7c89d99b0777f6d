// Secrets and persistence: the API key never leaks (URL, share link, cURL, storage) unless the user
// opts in to remembering it; drafts and share links carry no secrets; a big paste stays responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, launchBrowser, openPage, fillBasic, setEditor, editorJson } from './harness.mjs';

const KEY = 'e2e-SECRET-global-key';
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

const storageDump = (page) => page.evaluate(() => JSON.stringify({ ...localStorage }));

test('the key is in no URL, share link, cURL export or storage unless "remember" is on', async () => {
  const { page, context } = await openPage(browser, site.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fillBasic(page, { base: sandbox.url, key: KEY, name: 'secretive', token: 'INSTANCE-TOKEN-SECRET', qrcode: false });
  await page.getByTestId('advanced').click();
  await page.getByTestId('field-proxy-host').fill('127.0.0.1');
  await page.getByTestId('field-proxy-port').fill('1');
  await page.getByTestId('field-proxy-password').fill('PROXY-PASSWORD-SECRET');
  await page.getByTestId('send').click();
  await page.getByTestId('response-status').waitFor();

  await page.getByTestId('copy-curl').click();
  const curl = await page.getByTestId('curl-text').inputValue();
  assert.match(curl, /-H "apikey: \$EVOLUTION_API_KEY"/);
  assert.ok(curl.includes(`${sandbox.url}/instance/create`));
  assert.ok(!curl.includes(KEY));

  await page.getByTestId('share-link').click();
  const share = await page.getByTestId('share-url').inputValue();
  assert.ok(share.startsWith(site.url + '#payload='), share);
  for (const secret of [KEY, 'INSTANCE-TOKEN-SECRET', 'PROXY-PASSWORD-SECRET']) {
    assert.ok(!share.includes(secret) && !decodeURIComponent(share).includes(secret), `${secret} in the share link`);
  }
  assert.ok(!page.url().includes(KEY));
  const stored = await storageDump(page);
  for (const secret of [KEY, 'INSTANCE-TOKEN-SECRET', 'PROXY-PASSWORD-SECRET']) {
    assert.ok(!stored.includes(secret), `${secret} in localStorage: ${stored}`);
  }
  assert.ok(stored.includes('secretive'), 'the draft (without secrets) is stored');

  // Opt in: the key is stored for this server's origin only; Forget wipes it.
  await page.getByTestId('remember-key').check();
  await page.waitForTimeout(100);
  assert.ok((await storageDump(page)).includes(KEY));
  await page.reload();
  await page.getByTestId('send').waitFor();
  assert.equal(await page.getByTestId('api-key').inputValue(), KEY, 'remembered across a reload');
  assert.equal(await page.getByTestId('remember-key').isChecked(), true);
  await page.getByTestId('forget-key').click();
  await page.waitForTimeout(100);
  assert.ok(!(await storageDump(page)).includes(KEY));
  assert.equal(await page.getByTestId('api-key').inputValue(), '');
  await page.reload();
  await page.getByTestId('send').waitFor();
  assert.equal(await page.getByTestId('api-key').inputValue(), '');
  await context.close();
});

test('a share link restores the payload in a new browser; the draft survives a reload', async () => {
  const first = await openPage(browser, site.url);
  await setEditor(first.page, '{\n  // shared with a comment\n  "instanceName": "sharedone",\n  "token": "TOKEN-X",\n  "qrcode": false,\n  "webhook": "https://h.example/x",\n  "events": ["CALL"]\n}');
  await first.page.getByTestId('share-link').click();
  const share = await first.page.getByTestId('share-url').inputValue();

  // Reload: the draft comes back, without the token.
  await first.page.reload();
  await first.page.getByTestId('send').waitFor();
  const draft = await first.page.getByTestId('payload-editor').inputValue();
  assert.ok(draft.includes('// shared with a comment') && draft.includes('"sharedone"'), draft);
  assert.ok(!draft.includes('TOKEN-X'));
  await first.context.close();

  const second = await openPage(browser, share);
  const text = await second.page.getByTestId('payload-editor').inputValue();
  assert.ok(text.includes('// shared with a comment'));
  assert.ok(!text.includes('TOKEN-X'));
  assert.equal(await second.page.getByTestId('instance-name').inputValue(), 'sharedone');
  assert.ok(!second.page.url().includes('#payload='), 'the fragment is cleared once loaded');
  await second.context.close();
});

for (const mb of [1, 10]) {
  test(`a ${mb} MB paste is linted without freezing the page, and nothing is lost`, async () => {
    const { page, context } = await openPage(browser, site.url);
    const rows = [];
    for (let i = 0; rows.length * 48 < mb * 1_000_000; i++) rows.push(`{"id": ${i}, "name": "row ${i}", "tags": ["a", "b"]}`);
    const big = `{"instanceName": "big", "token": "t-1", "qrcode": true, "metadata": [${rows.join(',\n')}]}`;
    const started = Date.now();
    await setEditor(page, big, { wait: 0 });
    await page.getByTestId('diagnostics-summary').filter({ hasText: '1 warning' }).waitFor({ timeout: 30000 });
    const shownAfter = Date.now() - started;
    const lintMs = await page.getByTestId('diagnostics-summary').getAttribute('data-lint-ms');
    // Still responsive: a form edit goes through.
    await page.getByTestId('instance-name').fill('bigger');
    await page.waitForTimeout(100);
    const text = await page.getByTestId('payload-editor').inputValue();
    assert.ok(text.startsWith('{"instanceName": "bigger"'));
    assert.equal(text.length, big.length + 3, 'nothing lost');
    console.log(`${mb} MB paste (${big.length} bytes): linted in ${lintMs} ms in the page, shown after ${shownAfter} ms`);
    await context.close();
  });
}
