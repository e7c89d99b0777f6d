// The instances view against seeded sandboxes of both generations: the list with states and
// counts, the filters, connect from a row through a simulated scan, log out, delete, 2.x details,
// saved servers, and 500 instances drawn as a window, listed and filtered (timings printed).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { world, control } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-list-key';
const w = world({ sandboxes: {
  v1: ['--key', KEY, '--seed-instances', '9'],
  v2: ['--key', KEY, '--api-version', '2', '--seed-instances', '6'],
  big: ['--key', KEY, '--seed-instances', '500'],
} });
let site, v1, v2, big, browser;
before(async () => ({ site, browser, sandboxes: { v1, v2, big } } = await w.ready));

async function openList(base) {
  const opened = await openApp(browser, site.url);
  await opened.app.connect(base, KEY);
  await opened.app.instances.open();
  return opened;
}

test('1.8.2: seeded instances listed with states and counts; filter by text and state', async () => {
  const { app, log, context } = await openList(v1.url);
  const list = app.instances;
  await list.waitForRows(9);
  assert.equal(await list.count(), 9);
  assert.match(await list.counts.textContent(), /9 instances: 3 open, 3 connecting, 3 closed; 9 shown/);
  assert.equal(await list.stateOf('seed-001').textContent(), 'open');
  assert.equal(await list.stateOf('seed-003').textContent(), 'close');
  await list.state('open');
  await list.waitForCounts('3 shown');
  assert.deepEqual(await list.states(), ['open', 'open', 'open']);
  await list.state('all');
  await list.filter('seed-00');
  await list.waitForCounts('9 shown');
  await list.filter('SEED-007');
  await list.waitForCounts('1 shown');
  assert.deepEqual(await list.names(), ['seed-007']);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('1.8.2: connect from a row through a simulated scan until the row shows open; log out; delete', async () => {
  const { app, context } = await openList(v1.url);
  const list = app.instances;
  await list.row('seed-003').waitFor();
  await list.act('seed-003', 'connect');
  const qr = list.qrOf('seed-003');
  await qr.svg.waitFor({ timeout: 10000 });
  // The panel sits outside the rows: a refresh that draws the rows again leaves its session alone.
  const panel = await qr.panel.elementHandle();
  await list.refresh();
  assert.ok(await panel.evaluate((el) => el.isConnected), 'the QR panel survives a refresh of the list');
  await control(v1, 'scan/seed-003');
  await qr.waitConnected();
  await list.refresh();
  await list.waitForState('seed-003', 'open');
  assert.ok(await panel.evaluate((el) => el.isConnected), 'and the row turning open');
  await app.page.getByTestId('instance-qr-close').click();
  await qr.panel.waitFor({ state: 'detached' });

  await list.act('seed-001', 'logout');
  await list.confirm('seed-001');
  await list.waitForState('seed-001', 'close');
  assert.match(await list.message.textContent(), /Log out: done for "seed-001"/);

  await list.act('seed-002', 'delete');
  // The prompt takes the focus on Cancel; Cancel gives it back to Delete.
  await app.page.waitForFunction(() => document.activeElement?.dataset?.act === 'confirm-no');
  await list.confirm('seed-002', false);
  assert.equal(await list.row('seed-002').count(), 1, 'cancel keeps it');
  await app.page.waitForFunction(() => document.activeElement?.dataset?.act === 'delete');
  await list.act('seed-002', 'delete');
  await list.confirm('seed-002');
  await list.row('seed-002').waitFor({ state: 'detached' });
  const gone = await fetch(`${v1.url}/instance/fetchInstances?instanceName=seed-002`, { headers: { apikey: KEY } });
  assert.equal(gone.status, 404, 'gone from the server too');
  await context.close();
});

test('2.x: the flat records decode (integration, creation time), restart is offered, webhook and settings shown; a wrong key is explained', async () => {
  const { app, log, context } = await openApp(browser, site.url);
  await app.connect(v2.url, KEY);
  await app.testConnection('2.3.6');
  const list = app.instances;
  await list.open();
  await list.waitForRows(6);
  assert.match(await list.row('seed-001').textContent(), /WHATSAPP-BAILEYS · created 20\d\d-/);
  await list.action('seed-001', 'restart').waitFor();
  await list.act('seed-002', 'details');
  const details = await list.details('seed-002').textContent();
  assert.match(details, /Webhook:\nnull/);
  assert.match(details, /Settings:\n\{[\s\S]*"rejectCall": false/);
  await app.apiKey.fill('wrong');
  await list.refresh();
  await list.waitForMessage(/401/);
  assert.equal(await list.count(), 6, 'the last good list stays');
  assert.deepEqual(log.errors.filter((e) => !/status of 401/.test(e)), []);
  await context.close();
});

test('saved servers: two connections switched with one control, each with its version; no key saved', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  for (const [name, url, version] of [['old', v1.url, '1.8.2'], ['new', v2.url, '2.3.6']]) {
    await app.connect(url, KEY);
    await app.testConnection(version);
    await app.saveConnection(name);
  }
  const options = await app.connectionOptions();
  assert.ok(options.some((o) => /^old \(.*\) — 1\.8\.2, profile v1$/.test(o)), options.join(' | '));
  assert.ok(options.some((o) => /^new \(.*\) — 2\.3\.6, profile v2$/.test(o)), options.join(' | '));
  await app.selectConnection(v1.url);
  assert.equal(await app.baseUrl.inputValue(), v1.url);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes(KEY), 'no key stored without the opt-in');
  await context.close();
});

test('500 instances: a window of rows drawn, render and filter timed in the page (figures printed); scrolling, a row by name and Tab reach every row', async () => {
  const { app, page, context } = await openList(big.url);
  const list = app.instances;
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  // The page's own measures: data arrival → rows painted (`instances-render`), keystroke → rows
  // painted (`instances-filter`); the n-th entry of one, once recorded.
  const measure = async (name, nth) => {
    await page.waitForFunction(([name, nth]) => performance.getEntriesByName(name).length > nth, [name, nth]);
    return page.evaluate(([name, nth]) => performance.getEntriesByName(name)[nth].duration, [name, nth]);
  };
  await list.waitForRows(500, 20000);
  const render = await measure('instances-render', 0);
  const drawn = await list.count();
  assert.ok(drawn > 0 && drawn < 60, `a window of rows drawn, not all 500 (${drawn})`);
  assert.equal(await list.size(), 500);
  assert.equal(await list.rows.first().getAttribute('aria-posinset'), '1');

  const filters = await page.evaluate(() => performance.getEntriesByName('instances-filter').length);
  await list.filter('seed-4');
  await list.waitForRows(100);
  const narrow = await measure('instances-filter', filters);
  assert.deepEqual((await list.names()).slice(0, 3), ['seed-400', 'seed-401', 'seed-402']);
  await list.filter('');
  await list.waitForRows(500);
  const wide = await measure('instances-filter', filters + 1);

  // Scrolling to the end draws the last rows, in their place; the spacer kept the page that tall.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await list.row('seed-500').waitFor();
  assert.equal(await list.row('seed-500').getAttribute('aria-posinset'), '500');
  assert.ok(await list.count() < 60, 'still a window at the end');
  // A row by name, wherever the window is: the page object scrolls to it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await list.act('seed-250', 'logout');
  await list.confirm('seed-250', false);
  // Tab from the first row walks on past the rows first drawn.
  await (await list.reveal('seed-001')).getByTestId('instance-connect').focus();
  let place = 1;
  for (let i = 0; i < 400 && place < 40; i++) {
    await page.keyboard.press('Tab');
    place = await page.evaluate(() => Number(document.activeElement.closest('[data-testid=instance-row]')?.getAttribute('aria-posinset')));
    assert.ok(place > 0, `the focus left the list after ${i + 1} Tabs`);
  }
  assert.ok(place >= 40, `Tab reached row ${place}`);

  const long = await page.evaluate(() => window.__long);
  console.log(`instances: render 500 in ${render.toFixed(1)} ms (data arrival → rows painted, ${drawn} rows drawn), filter ${narrow.toFixed(1)} ms (keystroke → 100 rows painted), clearing it ${wide.toFixed(1)} ms (→ 500); tasks over 50 ms meanwhile: ${long.length}${long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''}`);
  for (const ms of [render, narrow, wide]) assert.ok(Number.isFinite(ms) && ms > 0, 'measured');
  await context.close();
});
