// Accessibility: axe-core (npm, WCAG 2.0/2.1 A and AA rules) on every screen of the page, in
// English and Brazilian Portuguese, in the light and the dark theme, must find no violation; and
// the theme control (system / light / dark), remembered across reloads.
//
// axe is injected with page.evaluate: Playwright evaluates through the DevTools protocol, which the
// page's Content-Security-Policy does not govern (an injected <script> tag would be refused by the
// CSP's script-src). The page keeps its CSP: no bypassCSP context is needed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, world } from './harness.mjs';
import { openApp, App } from './page.mjs';

const KEY = 'e2e-a11y-key';
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const w = world(['--key', KEY, '--seed-instances', '5']);
let site, sandbox, browser;
before(async () => ({ site, sandbox, browser } = await w.ready));

/** Runs axe on the page as it is; returns the violations, and the checks axe could not decide
 * ("incomplete", which need a human), as readable lines. One kind of undecided check is left out:
 * the contrast of text scrolled out of view inside a scrolling list ("partially obscured by another
 * element"), whose rows have the same colours as the visible ones, which axe does check. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations', 'incomplete'],
    });
    return [...r.violations, ...r.incomplete.map((v) => ({ ...v, id: `${v.id} (undecided)`,
      nodes: v.nodes.filter((n) => !(v.id === 'color-contrast' && /partially obscured/.test(n.any?.[0]?.message ?? ''))) }))].map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? n.any?.[0]?.message ?? "").replace(/\s+/g, ' ')}`) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n}`));
}

/** axe in both languages (English, then Brazilian Portuguese: longer words, another `<html lang>`),
 * each in the light and the dark colour scheme (the theme control left at "system"); the page is
 * left in English. */
async function checkBothSchemes(page, screen) {
  const app = new App(page);
  for (const lang of ['en', 'pt-BR']) {
    await app.setLanguage(lang);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const found = await axe(page);
      console.log(`axe ${screen} [${lang}, ${colorScheme}]: ${found.length} violation or undecided node(s)`);
      assert.deepEqual(found, [], `${screen} in ${lang}, ${colorScheme}`);
    }
  }
  await app.setLanguage('en');
  await page.emulateMedia({ colorScheme: 'light' });
}

test('axe: the first screen, both languages, light and dark', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  await checkBothSchemes(page, 'first screen');
  await context.close();
});

test('axe: the diagnostics list full (the seed example pasted), every form section and the preview open', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  await app.paste(readFileSync(join(ROOT, 'crates/core/tests/data/seed-webhook.jsonc'), 'utf8'));
  await app.waitForDiagnostic({ code: 'json/comment' });
  assert.ok(await app.tid('diagnostic').count() > 10);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await checkBothSchemes(page, 'diagnostics');
  await context.close();
});

test('axe: after a 201 with the QR panel open', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  await app.fillBasic({ base: sandbox.url, key: KEY, name: 'a11yqr' });
  await app.tid('send').click();
  await app.tid('response-status').filter({ hasText: '201' }).waitFor();
  await app.tid('qr-svg').first().waitFor();
  await checkBothSchemes(page, '201 + QR panel');
  // The QR code stays dark on white, with its quiet zone, in the dark theme too.
  await app.tid('theme').selectOption('dark');
  for (const id of ['qr-svg', 'qr-image']) {
    assert.equal(await app.tid(id).first().evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)', id);
  }
  assert.equal(await app.tid('qr-svg').first().locator('rect').getAttribute('fill'), '#ffffff');
  assert.match(await app.tid('qr-svg').first().locator('path').getAttribute('d'), /^M4 4/, 'a 4-module quiet zone');
  await context.close();
});

test('axe: after a failure explained by the doctor (wrong key, 401)', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  await app.fillBasic({ base: sandbox.url, key: 'not-the-key', name: 'a11ywrong', qrcode: false });
  await app.tid('send').click();
  await app.tid('response-status').filter({ hasText: '401' }).waitFor();
  await app.tid('error-message').waitFor();
  await checkBothSchemes(page, '401 explained');
  await context.close();
});

test('axe: the instances view (5 seeded instances)', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  await app.tid('base-url').fill(sandbox.url);
  await app.tid('api-key').fill(KEY);
  await app.tid('instances-tab').click();
  await app.tid('instance-row').nth(4).waitFor();
  await checkBothSchemes(page, 'instances');
  await context.close();
});

test('theme control: system by default; dark and light override the system scheme, remembered across reloads; axe passes', async () => {
  const { app, page, context } = await openApp(browser, site.url);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const theme = app.tid('theme');
  assert.equal(await theme.inputValue(), 'system');
  assert.equal(await page.getByText('Theme', { exact: true }).isVisible(), true, 'visibly labelled');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await bg(), 'rgb(246, 247, 249)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await bg(), 'rgb(17, 20, 24)', 'system follows prefers-color-scheme');

  await theme.selectOption('light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.equal(await bg(), 'rgb(246, 247, 249)', 'light under a dark system');
  assert.deepEqual(await axe(page), []);

  await page.emulateMedia({ colorScheme: 'light' });
  await theme.selectOption('dark');
  assert.equal(await bg(), 'rgb(17, 20, 24)', 'dark under a light system');
  assert.deepEqual(await axe(page), []);

  await app.reload();
  assert.equal(await theme.inputValue(), 'dark', 'remembered');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await bg(), 'rgb(17, 20, 24)');
  assert.equal(await page.evaluate(() => localStorage.getItem('evo-admin.theme')), 'dark');
  await theme.selectOption('system');
  assert.equal(await bg(), 'rgb(246, 247, 249)');
  await context.close();
});
