// The small things users tripped over (issue "Every server a user runs"): each of these failed
// before its fix. A deleted row leaves the list at once and a late list does not bring it back;
// an untouched preset follows the profile "Test connection" picks; a hyphen in a 1.x name and a
// null optional object do not block sending.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { world, control, requestLog, clearRequestLog, until } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-trips-key';
const w = world(['--key', KEY, '--api-version', '2', '--seed-instances', '4']);

test('2.x: a confirmed delete takes the row away at once, and lists that still name it do not bring it back', async () => {
  const { sandbox, site, browser } = await w.ready;
  const { app, log, context } = await openApp(browser, site.url);
  await app.connect(sandbox.url, KEY);
  const list = app.instances;
  await list.open();
  await list.waitForRows(4);
  // The server still lists the instance for a while after the delete (2.x does, for up to a second):
  // the next list answers are the list as it was before.
  const stale = await (await fetch(`${sandbox.url}/instance/fetchInstances`, { headers: { apikey: KEY } })).text();
  assert.match(stale, /"seed-002"/);
  const r = await control(sandbox, 'fault', 'POST', {
    path: '/instance/fetchInstances', status: 200, body: stale, content_type: 'application/json; charset=utf-8', times: 3,
  });
  assert.equal(r.status, 204);
  await clearRequestLog(sandbox);
  await list.act('seed-002', 'delete');
  await list.confirm('seed-002');
  await list.waitForMessage(/Delete: done for "seed-002"/);
  await list.row('seed-002').waitFor({ state: 'detached' });
  // A manual refresh too: two stale lists answered after the delete.
  await list.refresh();
  const lists = async () => (await requestLog(sandbox)).filter((q) => q.path.startsWith('/instance/fetchInstances'));
  await until(async () => (await lists()).length >= 2, 'two lists asked for after the delete');
  await app.page.waitForFunction(() => document.querySelector('[data-testid=instances-refresh]')?.textContent === 'Refresh');
  await list.waitForCounts('3 instances');
  assert.equal(await list.row('seed-002').count(), 0, 'the stale lists did not bring the row back');
  assert.deepEqual(await list.names(), ['seed-001', 'seed-003', 'seed-004']);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an untouched preset follows the profile Test connection picks: the first 2.x payload needs no fix; a typed one is kept', async () => {
  const { sandbox, site, browser } = await w.ready;
  const { app, log, context } = await openApp(browser, site.url);
  assert.equal(await app.profile(), 'v1');
  await app.field('instanceName').fill('firstv2');
  await app.waitForEditor((v) => v.instanceName === 'firstv2', 'the name in the text');
  const token = (await app.editorJson()).token;
  await app.connect(sandbox.url, KEY);
  await app.testConnection('2.3.6');
  assert.equal(await app.profile(), 'v2');
  await app.waitForEditor((v) => v.integration === 'WHATSAPP-BAILEYS', 'the Basic preset in the 2.x shape');
  const v = await app.editorJson();
  assert.deepEqual(v, { instanceName: 'firstv2', integration: 'WHATSAPP-BAILEYS', token, qrcode: true }, 'name, token and qrcode carried over');
  await app.waitSendEnabled();
  assert.doesNotMatch(await app.sendLabel(), /Fix/);
  assert.equal(await app.diagnosticsWithCode('evo/required').count(), 0);
  assert.equal(await app.send({ timeout: 20000 }), '201');
  await context.close();

  // A text the user wrote is theirs: Test connection switches the rules, never the text.
  const second = await openApp(browser, site.url);
  const typed = JSON.stringify({ instanceName: 'mine', token: 'tok-mine', qrcode: false, reject_call: true }, null, 2);
  await second.app.setEditor(typed);
  await second.app.connect(sandbox.url, KEY);
  await second.app.testConnection('2.3.6');
  assert.equal(await second.app.profile(), 'v2');
  assert.equal(await second.app.editorText(), typed);
  assert.deepEqual([...log.errors, ...second.log.errors], []);
  await second.context.close();
});

test('what every server accepts does not block sending: a hyphen in a 1.x name, null for an optional object', async () => {
  const { site, browser } = await w.ready;
  const { app, log, context } = await openApp(browser, site.url);
  await app.setEditor(JSON.stringify({ instanceName: 'loja-centro', token: 'tok-loja', qrcode: true }, null, 2));
  await app.waitForDiagnostic({ code: 'evo/instance-name' });
  assert.match(await app.diagnosticsWithCode('evo/instance-name').textContent(), /non-accented lowercase alphabetic characters or numbers/);
  await app.waitSendEnabled();
  assert.doesNotMatch(await app.sendLabel(), /Fix/);
  // Capitals still break later URLs: an error.
  await app.setEditor(JSON.stringify({ instanceName: 'Loja-Centro', token: 'tok-loja', qrcode: true }, null, 2));
  await app.waitForDiagnostic({ text: 'may hold only lowercase letters' });
  assert.ok(await app.sendDisabled());

  await app.setProfile('v2');
  await app.setEditor(JSON.stringify({ instanceName: 'nullhook', integration: 'WHATSAPP-BAILEYS', token: 'tok-n', qrcode: true, webhook: null }, null, 2));
  await app.waitForDiagnostic({ code: 'evo/null' });
  assert.match(await app.diagnosticsWithCode('evo/null').textContent(), /reads it as absent/);
  await app.waitSendEnabled();
  assert.doesNotMatch(await app.sendLabel(), /Fix/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
