// The instances view against seeded sandboxes of both generations: the list with states and
// counts, the filters, connect from a row through a simulated scan, log out, delete, 2.x details,
// saved servers, and 500 instances listed and filtered (timings printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, launchBrowser, openPage } from './harness.mjs';

const KEY = 'e2e-list-key';
let site, v1, v2, big, browser;

before(async () => {
  site = await serveDist();
  v1 = await startSandbox(['--key', KEY, '--seed-instances', '9']);
  v2 = await startSandbox(['--key', KEY, '--api-version', '2', '--seed-instances', '6']);
  big = await startSandbox(['--key', KEY, '--seed-instances', '500']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of [v1, v2, big]) s?.stop();
  site?.close();
});

async function openList(base) {
  const { page, log, context } = await openPage(browser, site.url);
  await page.getByTestId('base-url').fill(base);
  await page.getByTestId('api-key').fill(KEY);
  await page.getByTestId('instances-tab').click();
  return { page, log, context };
}

const rows = (page) => page.getByTestId('instance-row');
const row = (page, name) => page.locator(`[data-testid=instance-row][data-name="${name}"]`);

test('1.8.2: seeded instances listed with states and counts; filter by text and state', async () => {
  const { page, log, context } = await openList(v1.url);
  await rows(page).nth(8).waitFor();
  assert.equal(await rows(page).count(), 9);
  assert.match(await page.getByTestId('instances-counts').textContent(), /9 instances: 3 open, 3 connecting, 3 closed; 9 shown/);
  assert.equal(await row(page, 'seed-001').getByTestId('instance-state').textContent(), 'open');
  assert.equal(await row(page, 'seed-003').getByTestId('instance-state').textContent(), 'close');
  await page.getByTestId('instances-state').selectOption('open');
  await page.getByTestId('instances-counts').filter({ hasText: '3 shown' }).waitFor();
  for (const s of await rows(page).getByTestId('instance-state').allTextContents()) assert.equal(s, 'open');
  await page.getByTestId('instances-state').selectOption('all');
  await page.getByTestId('instances-filter').fill('seed-00');
  await page.getByTestId('instances-counts').filter({ hasText: '9 shown' }).waitFor();
  await page.getByTestId('instances-filter').fill('SEED-007');
  await page.getByTestId('instances-counts').filter({ hasText: '1 shown' }).waitFor();
  assert.equal(await rows(page).first().getAttribute('data-name'), 'seed-007');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('1.8.2: connect from a row through a simulated scan until the row shows open; log out; delete', async () => {
  const { page, context } = await openList(v1.url);
  await row(page, 'seed-003').waitFor();
  await row(page, 'seed-003').getByTestId('instance-connect').click();
  await row(page, 'seed-003').getByTestId('qr-svg').waitFor({ timeout: 10000 });
  await fetch(`${v1.url}/__sandbox/scan/seed-003`, { method: 'POST' });
  await row(page, 'seed-003').getByTestId('connected').waitFor({ timeout: 20000 });
  await page.getByTestId('instances-refresh').click();
  await row(page, 'seed-003').getByTestId('instance-state').filter({ hasText: /^open$/ }).waitFor();

  await row(page, 'seed-001').getByTestId('instance-logout').click();
  await row(page, 'seed-001').getByTestId('confirm-yes').click();
  await row(page, 'seed-001').getByTestId('instance-state').filter({ hasText: /^close$/ }).waitFor();
  assert.match(await page.getByTestId('instances-message').textContent(), /Log out: done for "seed-001"/);

  await row(page, 'seed-002').getByTestId('instance-delete').click();
  await row(page, 'seed-002').getByTestId('confirm-no').click();
  assert.equal(await row(page, 'seed-002').count(), 1, 'cancel keeps it');
  await row(page, 'seed-002').getByTestId('instance-delete').click();
  await row(page, 'seed-002').getByTestId('confirm-yes').click();
  await row(page, 'seed-002').waitFor({ state: 'detached' });
  const gone = await fetch(`${v1.url}/instance/fetchInstances?instanceName=seed-002`, { headers: { apikey: KEY } });
  assert.equal(gone.status, 404, 'gone from the server too');
  await context.close();
});

test('2.x: the flat records decode (integration, creation time), restart is offered, webhook and settings shown; a wrong key is explained', async () => {
  const { page, log, context } = await openList(v2.url);
  await page.getByTestId('instances-tab').click();
  await page.getByTestId('create-tab').click();
  await page.getByTestId('test-connection').click();
  await page.getByTestId('server-version').filter({ hasText: '2.3.6' }).waitFor();
  await page.getByTestId('instances-tab').click();
  await rows(page).nth(5).waitFor();
  assert.match(await row(page, 'seed-001').textContent(), /WHATSAPP-BAILEYS · created 20\d\d-/);
  await row(page, 'seed-001').getByTestId('instance-restart').waitFor();
  await row(page, 'seed-002').getByTestId('instance-details').click();
  const details = await row(page, 'seed-002').getByTestId('instance-details-text').textContent();
  assert.match(details, /Webhook:\nnull/);
  assert.match(details, /Settings:\n\{[\s\S]*"rejectCall": false/);
  await page.getByTestId('api-key').fill('wrong');
  await page.getByTestId('instances-refresh').click();
  await page.getByTestId('instances-message').filter({ hasText: /401/ }).waitFor();
  assert.equal(await rows(page).count(), 6, 'the last good list stays');
  assert.deepEqual(log.errors.filter((e) => !/status of 401/.test(e)), []);
  await context.close();
});

test('saved servers: two connections switched with one control, each with its version; no key saved', async () => {
  const { page, context } = await openPage(browser, site.url);
  for (const [name, url] of [['old', v1.url], ['new', v2.url]]) {
    await page.getByTestId('base-url').fill(url);
    await page.getByTestId('api-key').fill(KEY);
    await page.getByTestId('test-connection').click();
    await page.getByTestId('server-version').filter({ hasText: name === 'old' ? '1.8.2' : '2.3.6' }).waitFor();
    await page.getByTestId('connection-name').fill(name);
    await page.getByTestId('connection-save').click();
  }
  const options = await page.getByTestId('connections').locator('option').allTextContents();
  assert.ok(options.some((o) => /^old \(.*\) — 1\.8\.2, profile v1$/.test(o)), options.join(' | '));
  assert.ok(options.some((o) => /^new \(.*\) — 2\.3\.6, profile v2$/.test(o)), options.join(' | '));
  await page.getByTestId('connections').selectOption(v1.url);
  assert.equal(await page.getByTestId('base-url').inputValue(), v1.url);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes(KEY), 'no key stored without the opt-in');
  await context.close();
});

test('500 instances: listed, and filtered, quickly (figures printed)', async () => {
  const { page, context } = await openList(big.url);
  await rows(page).nth(499).waitFor({ timeout: 20000 });
  const render = await page.evaluate(() => performance.getEntriesByName('instances-filter').map((e) => e.duration));
  const typed = await page.getByTestId('instances-filter').evaluate(async (input) => {
    const t0 = performance.now();
    input.value = 'seed-4';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  });
  assert.equal(await rows(page).count(), 100, 'seed-400 … seed-499');
  const filterMs = await page.evaluate(() => performance.getEntriesByName('instances-filter').at(-1).duration);
  const back = await page.getByTestId('instances-filter').evaluate(async (input) => {
    const t0 = performance.now();
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  });
  assert.equal(await rows(page).count(), 500);
  console.log(`500 instances: filter computed in ${filterMs.toFixed(1)} ms; keystroke → 100 rows shown in ${typed.toFixed(0)} ms; clearing → 500 rows shown in ${back.toFixed(0)} ms (first list: ${render.map((d) => d.toFixed(1)).join(', ')} ms to filter)`);
  assert.ok(filterMs < 50, `filtering 500 took ${filterMs} ms`);
  await context.close();
});
