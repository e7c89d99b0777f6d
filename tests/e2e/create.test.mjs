// The foundation flow, end to end: fill the basic form, create against the sandbox, read the result.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { world, deadPort, nextCreate } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-global-key';
const w = world({ sandboxes: {
  sandbox: ['--key', KEY],
  slowSandbox: ['--key', KEY, '--create-delay-ms', '800'],
  strictSandbox: ['--key', KEY, '--cors-origin', 'http://localhost:3000'],
} });
let site, sandbox, slowSandbox, strictSandbox, browser;
before(async () => ({ site, browser, sandboxes: { sandbox, slowSandbox, strictSandbox } } = await w.ready));

const onlyHttpStatusErrors = (errors) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|403)/.test(e));

test('basic create through the form: 201 summary, server QR image and local SVG QR, no console errors, no third-party request', async () => {
  const { app, page, log, context } = await openApp(browser, site.url);
  // A figure, not a pass/fail bound: navigation start → the app mounted and its send button usable.
  const tti = await page.evaluate(() => Math.round(performance.now()));
  console.log(`time to interactive (release build, loopback, cold browser context): ${tti} ms`);
  assert.equal(await app.editor.isEditable(), true);
  await app.connect(sandbox.url, KEY);
  await app.preset('basic');
  await app.field('instanceName').fill('e2eshop');
  await app.generateToken();
  const token = await app.field('token').inputValue();
  assert.match(token, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const sent = await app.editorJson();
  assert.deepEqual(sent, { instanceName: 'e2eshop', token, qrcode: true });

  assert.equal(await app.send(), '201');
  assert.match(await app.responseTime.textContent(), /^\d+ ms$/);
  assert.match(await app.responseMessage.textContent(), /"e2eshop" created/);
  assert.equal(await app.summaryOf('name').textContent(), 'e2eshop');
  assert.equal(await app.instanceKey.textContent(), token);
  const body = await app.responseJson();
  assert.equal(body.instance.instanceName, 'e2eshop');
  assert.ok(body.qrcode.code.startsWith('2@'));

  const natural = await app.qr.waitForImageLoaded();
  assert.ok(natural[0] > 100 && natural[0] === natural[1], `natural size ${natural}`);
  const svgPath = await app.qr.svg.locator('path').getAttribute('d');
  assert.ok(svgPath.length > 500 && svgPath.startsWith('M4 4h7'), 'local SVG has the finder pattern');
  assert.equal(await app.qr.svg.locator('rect').getAttribute('fill'), '#ffffff');

  assert.deepEqual(log.errors, []);
  const foreign = log.requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves this machine');
  assert.ok(!page.url().includes(KEY), 'the key is not in the URL');
  await context.close();
});

test('the send button is disabled while the request is in flight', async () => {
  const { app, context } = await openApp(browser, site.url);
  await app.fillBasic({ base: slowSandbox.url, key: KEY, name: 'slowone', qrcode: false });
  await app.clickSend();
  assert.equal(await app.sendDisabled(), true);
  assert.match(await app.sendLabel(), /Creating/);
  assert.equal(await app.waitForStatus(), '201');
  assert.equal(await app.sendDisabled(), false);
  await context.close();
});

test('duplicate name shows the 403 explanation with a free name to use; wrong key shows the 401 explanation', async () => {
  const { app, log, context } = await openApp(browser, site.url);
  await app.fillBasic({ base: sandbox.url, key: KEY, name: 'dupname', token: 'tok-dup-1', qrcode: false });
  await app.send({ status: '201' });

  await app.field('token').fill('tok-dup-2');
  await app.send({ status: '403' });
  const msg = await app.errorMessage.textContent();
  assert.match(msg, /"dupname" is already in use/);
  assert.match(msg, /may have left the instance behind/);
  assert.match(await app.responseBody.textContent(), /already in use/);
  await app.useSuggestedName();
  assert.equal(await app.field('instanceName').inputValue(), 'dupname2');

  await app.apiKey.fill('not-the-key');
  await app.field('instanceName').fill('freshname');
  await app.send({ status: '401' });
  assert.match(await app.errorMessage.textContent(), /global API key is wrong or missing/);
  assert.equal(await app.field('instanceName').inputValue(), 'freshname', 'the form is kept');
  assert.deepEqual(onlyHttpStatusErrors(log.errors), []);
  await context.close();
});

test('a dead server and a CORS refusal are explained, with the exact CORS_ORIGIN line', async () => {
  const { app, context } = await openApp(browser, site.url);
  await app.fillBasic({ base: `http://127.0.0.1:${await deadPort()}`, key: KEY, name: 'nobody', qrcode: false });
  await app.send({ status: 'no answer' });
  assert.match(await app.errorMessage.textContent(), /No answer from the server/);

  await app.baseUrl.fill(strictSandbox.url);
  await app.clickSend();
  await app.waitSendEnabled();
  const msg = await app.errorMessage.textContent();
  assert.ok(msg.includes(`CORS_ORIGIN=${site.origin}`), msg);
  assert.equal(await app.field('instanceName').inputValue(), 'nobody');
  await context.close();
});

test('an XSS string in every response field renders as text', async () => {
  const { app, page, context } = await openApp(browser, site.url);
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
  await app.fillBasic({ base: sandbox.url, key: KEY, name: 'xss', qrcode: true });
  await app.send({ status: '201' });
  for (const el of [app.summaryOf('name'), app.instanceKey, app.summaryOf('webhook')]) {
    assert.ok((await el.textContent()).includes(x), String(el));
  }
  assert.ok((await app.responseBody.textContent()).includes(JSON.stringify(x)), 'the body, as JSON text');
  assert.equal(await app.responseSummary.locator('b').count() + await app.responseBody.locator('b').count()
    + await page.locator('img[src=x]').count(), 0);
  assert.match(await app.qr.imageRefused.textContent(), /not valid base64/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});
