// The instances view against seeded sandboxes of both generations: the list with states and
// counts, the filters, connect from a row through a simulated scan, log out, delete, 2.x details,
// saved servers, and 500 instances listed and filtered (timings printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, startSandbox, launchBrowser, control } from './harness.mjs';
import { openApp } from './page.mjs';

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
  await control(v1, 'scan/seed-003');
  await qr.waitConnected();
  await list.refresh();
  await list.waitForState('seed-003', 'open');

  await list.act('seed-001', 'logout');
  await list.confirm('seed-001');
  await list.waitForState('seed-001', 'close');
  assert.match(await list.message.textContent(), /Log out: done for "seed-001"/);

  await list.act('seed-002', 'delete');
  await list.confirm('seed-002', false);
  assert.equal(await list.row('seed-002').count(), 1, 'cancel keeps it');
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

test('500 instances: listed, and filtered, quickly, a batch of rows per frame (figures printed)', async () => {
  const { app, page, context } = await openList(big.url);
  const list = app.instances;
  await list.waitForRows(500, 20000);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  // Keystroke → first rows on screen (the next frame after the input event), timed inside the page;
  // then every row, drawn a batch per frame.
  const timed = (text, want) => list.filterInput.evaluate(async (input, [t, n]) => {
    const rows = () => document.querySelectorAll('[data-testid=instance-row]').length;
    const t0 = performance.now();
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const first = [performance.now() - t0, rows()];
    while (rows() < n) await new Promise((r) => requestAnimationFrame(r));
    return [...first, performance.now() - t0];
  }, [text, want]);
  const [narrowFirst, narrowRows, narrowAll] = await timed('seed-4', 100);
  assert.equal(await list.count(), 100, 'seed-400 … seed-499');
  const filterMs = await page.evaluate(() => performance.getEntriesByName('instances-filter').at(-1).duration);
  const [wideFirst, wideRows, wideAll] = await timed('', 500);
  assert.equal(await list.count(), 500);
  assert.ok(wideRows < 500, `the first frame draws a batch, not all 500 (${wideRows})`);
  const long = await page.evaluate(() => window.__long);
  console.log(`500 instances: filter computed in ${filterMs.toFixed(1)} ms; keystroke → first ${narrowRows} rows in ${narrowFirst.toFixed(0)} ms, all 100 in ${narrowAll.toFixed(0)} ms; clearing → first ${wideRows} rows in ${wideFirst.toFixed(0)} ms, all 500 in ${wideAll.toFixed(0)} ms; tasks over 50 ms meanwhile: ${long.length}${long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''}`);
  assert.ok(filterMs < 50, `filtering 500 took ${filterMs} ms`);
  await context.close();
});
