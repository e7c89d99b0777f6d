// Secrets and persistence: the API key never leaks (URL, share link, cURL, storage) unless the user
// opts in to remembering it; drafts and share links carry no secrets; a big paste stays responsive.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { world } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-SECRET-global-key';
const w = world(['--key', KEY]);
let site, sandbox, browser;
before(async () => ({ site, sandbox, browser } = await w.ready));

const storageDump = (page) => page.evaluate(() => JSON.stringify({ ...localStorage }));
/** Waits until the page's storage holds `text` (or no longer does, with `present = false`). */
const storageHas = (page, text, present = true) => page.waitForFunction(([t, p]) => JSON.stringify({ ...localStorage }).includes(t) === p, [text, present], { polling: 50 });

test('the key is in no URL, share link, cURL export or storage unless "remember" is on', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.fillBasic({ base: sandbox.url, key: KEY, name: 'secretive', token: 'INSTANCE-TOKEN-SECRET', qrcode: false });
  await app.openAdvanced();
  await app.field('proxy.host').fill('127.0.0.1');
  await app.field('proxy.port').fill('1');
  await app.field('proxy.password').fill('PROXY-PASSWORD-SECRET');
  // Payload secrets are masked on screen without being password fields (which wake Chromium's
  // password manager and offer to save an instance token as a site password).
  for (const key of ['token', 'proxy.password']) {
    const [type, mask] = await app.field(key).evaluate((el) => [el.type, getComputedStyle(el).webkitTextSecurity]);
    assert.deepEqual([type, mask], ['text', 'disc'], key);
  }
  await app.send();

  const curl = await app.copyCurl();
  assert.match(curl, /-H "apikey: \$EVOLUTION_API_KEY"/);
  assert.ok(curl.includes(`${sandbox.url}/instance/create`));
  assert.ok(!curl.includes(KEY));
  // Every payload secret comes from the environment too (the token in the editor is the fresh one
  // that replaced the spent token).
  const token = await app.field('token').inputValue();
  for (const secret of [token, 'INSTANCE-TOKEN-SECRET', 'PROXY-PASSWORD-SECRET']) {
    assert.ok(!curl.includes(secret), `${secret} in the cURL command`);
  }
  assert.match(curl, /^# export EVOLUTION_API_KEY=… EVOLUTION_INSTANCE_TOKEN=… EVOLUTION_PROXY_PASSWORD=… first\n/);
  assert.ok(curl.includes(`"'"\${EVOLUTION_INSTANCE_TOKEN}"'"`), curl);

  const share = await app.shareLink();
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
  await app.rememberKey();
  await storageHas(page, KEY);
  assert.ok((await storageDump(page)).includes(KEY));
  await app.reload();
  assert.equal(await app.apiKey.inputValue(), KEY, 'remembered across a reload');
  assert.equal(await app.rememberKeyBox.isChecked(), true);
  await app.forgetKey();
  await storageHas(page, KEY, false);
  assert.ok(!(await storageDump(page)).includes(KEY));
  assert.equal(await app.apiKey.inputValue(), '');
  await app.reload();
  assert.equal(await app.apiKey.inputValue(), '');
  await context.close();
});

test('exports: secrets leave as ${…} placeholders unless "Include secrets" (offered under an export that had some) is ticked, for that one export', async () => {
  const { app, context } = await openApp(browser, site.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const text = '{\n  "instanceName": "exp1",\n  "token": "TOK-EXPORT-1",\n  "qrcode": true,\n  "proxy": {"host": "h", "port": "1", "password": "PW-EXPORT-2"}\n}';
  await app.setEditor(text);
  await app.waitForField('instanceName', 'exp1');
  await app.tid('copy-json').click();
  const copied = await app.tid('copy-text').inputValue();
  assert.ok(!copied.includes('TOK-EXPORT-1') && !copied.includes('PW-EXPORT-2'), copied);
  assert.deepEqual(JSON.parse(copied), { instanceName: 'exp1', token: '${EVOLUTION_INSTANCE_TOKEN}', qrcode: true, proxy: { host: 'h', port: '1', password: '${EVOLUTION_PROXY_PASSWORD}' } });
  assert.match(await app.tid('copy-status').textContent(), /set EVOLUTION_INSTANCE_TOKEN, EVOLUTION_PROXY_PASSWORD where/);
  const read = async (download) => readFile(await download.path(), 'utf8');
  assert.equal(await read(await app.downloadJson()), copied, 'the download has the placeholders too');
  assert.match(await app.tid('copy-status').textContent(), /^Its secrets are placeholders: set EVOLUTION_INSTANCE_TOKEN, EVOLUTION_PROXY_PASSWORD/);
  await app.tid('export-include-secrets').check();
  assert.equal(await read(await app.downloadJson()), text, 'ticked: exactly the editor text');
  assert.equal(await app.tid('export-include-secrets').isChecked(), false, 'for that one export only');
  assert.ok(!(await read(await app.downloadJson())).includes('TOK-EXPORT-1'));
  await context.close();
});

test('a share link restores the payload in a new browser; the draft survives a reload', async () => {
  const first = await openApp(browser, site.url);
  await first.app.setEditor('{\n  // shared with a comment\n  "instanceName": "sharedone",\n  "token": "TOKEN-X",\n  "qrcode": false,\n  "webhook": "https://h.example/x",\n  "events": ["CALL"]\n}');
  await first.app.waitForField('instanceName', 'sharedone'); // linted, so the draft is saved
  const share = await first.app.shareLink();

  // Reload: the draft comes back, without the token.
  await first.app.reload();
  const draft = await first.app.editorText();
  assert.ok(draft.includes('// shared with a comment') && draft.includes('"sharedone"'), draft);
  assert.ok(!draft.includes('TOKEN-X'));
  await first.context.close();

  const second = await openApp(browser, share);
  const text = await second.app.editorText();
  assert.ok(text.includes('// shared with a comment'));
  assert.ok(!text.includes('TOKEN-X'));
  assert.equal(await second.app.field('instanceName').inputValue(), 'sharedone');
  assert.ok(!second.page.url().includes('#payload='), 'the fragment is cleared once loaded');
  await second.context.close();
});

for (const mb of [1, 10]) {
  test(`a ${mb} MB paste is linted without freezing the page, and nothing is lost`, async () => {
    const { app, context } = await openApp(browser, site.url);
    const rows = [];
    for (let i = 0; rows.length * 48 < mb * 1_000_000; i++) rows.push(`{"id": ${i}, "name": "row ${i}", "tags": ["a", "b"]}`);
    const big = `{"instanceName": "big", "token": "t-1", "qrcode": true, "metadata": [${rows.join(',\n')}]}`;
    const started = Date.now();
    await app.paste(big);
    await app.waitForSummary('1 warning', 30000);
    const shownAfter = Date.now() - started;
    const lintMs = await app.lintMs();
    // Still responsive: a form edit goes through.
    await app.field('instanceName').fill('bigger');
    await app.waitForEditorStart('{"instanceName": "bigger"');
    const text = await app.editorText();
    assert.ok(text.startsWith('{"instanceName": "bigger"'));
    assert.equal(text.length, big.length + 3, 'nothing lost');
    console.log(`${mb} MB paste (${big.length} bytes): linted in ${lintMs} ms in the page, shown after ${shownAfter} ms`);
    await context.close();
  });
}
