// The built page carries a strict Content-Security-Policy, and a whole create + QR flow under it
// violates nothing; an injected inline script is refused (the policy is live).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, control, world } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-csp-key';
const w = world(['--key', KEY, '--qr-period-ms', '60000']);
let site, sandbox, browser;
before(async () => ({ site, sandbox, browser } = await w.ready));

test('strict CSP in dist/index.html; create + QR + scan + log out under it: no violation; inline script refused', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'the meta is there');
  for (const d of ["default-src 'none'", "style-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(policy.includes(d), d);
  }
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  // The stylesheet is inlined (one request fewer on a first visit) and allowed by its hash alone.
  assert.match(policy, /style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
  assert.ok(!policy.includes('unsafe-inline'), "no 'unsafe-inline'");
  assert.equal((html.match(/<style>/g) ?? []).length, 1, 'one inline stylesheet');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes the loader');

  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const { app, page, log } = await openApp(browser, site.url, context);
  await app.fillBasic({ base: sandbox.url, key: KEY, name: 'cspshop', qrcode: true });
  await app.clickSend();
  const natural = await app.qr.waitForImageLoaded();
  assert.ok(natural[0] > 0, 'the data: QR image loads');
  await app.qr.svg.waitFor();
  await control(sandbox, 'scan/cspshop');
  await app.qr.waitConnected(20000);
  await app.qr.logout();
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no violation over the flow');
  assert.deepEqual(log.errors.filter((e) => /Content Security Policy/.test(e)), []);

  // The policy is live: an injected inline script does not run, and that is reported.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.appendChild(s);
    return window.__injected === true;
  });
  assert.equal(ran, false);
  await page.waitForFunction(() => window.__csp.length > 0);
  assert.match((await page.evaluate(() => window.__csp))[0], /^script-src/);
  await context.close();
});
