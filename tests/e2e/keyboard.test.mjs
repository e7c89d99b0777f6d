// Keyboard only: build (a preset), fix (Fix all), send and reach the answer with Tab, Shift+Tab,
// Enter, Space and typing into the focused control — no click, no fill(). Focus lands on the response
// after sending, a live region announces it, and every stop shows a focus ring that stands out (3:1)
// in the light and the dark scheme.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { world } from './harness.mjs';
import { openApp } from './page.mjs';

const KEY = 'e2e-keyboard-key';
const w = world(['--key', KEY]);
let site, sandbox, browser;
before(async () => ({ site, sandbox, browser } = await w.ready));

const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.id ?? null);

/** Presses Tab (or Shift+Tab) until the control `testid` has the focus; checks the focus ring at every stop. */
async function tabTo(page, testid, { back = false, max = 120 } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const ring = await focusRing(page);
    assert.ok(ring.ok, `focus ring at ${JSON.stringify(ring)}`);
    if ((await focused(page)) === testid) return i;
  }
  throw new Error(`${testid} not reached with ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** The focused element's outline: drawn (solid, 2px or more, focus-visible), and its colour at 3:1 or
 * more against what it is drawn on (the parent's background for an outside ring, its own for an inset one). */
function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let n = parseFloat(cs.outlineOffset) < 0 ? el : el.parentElement;
    while (n && rgb(getComputedStyle(n).backgroundColor)[3] === 0) n = n.parentElement;
    const bg = rgb(getComputedStyle(n ?? document.body).backgroundColor);
    const [a, b] = [lum(rgb(cs.outlineColor)), lum(bg)].sort((x, y) => y - x);
    const contrast = (a + 0.05) / (b + 0.05);
    const id = el.dataset?.testid ?? el.id ?? el.tagName;
    return { id, style: cs.outlineStyle, width: cs.outlineWidth, contrast: Math.round(contrast * 100) / 100,
      ok: el.matches(':focus-visible') && cs.outlineStyle === 'solid' && parseFloat(cs.outlineWidth) >= 2 && contrast >= 3 };
  });
}

for (const theme of ['light', 'dark']) test(`keyboard only (${theme} theme, chosen with the keyboard): preset, type, Fix all, send; focus lands on the answer, announced; the body is reachable`, async () => {
  const { app, page, log, context } = await openApp(browser, site.url);
  let stops = 0;
  const go = async (id, opts) => { stops += await tabTo(page, id, opts); };

  // The header's controls come first (language, then theme): pick the theme with the arrow keys
  // (system → light → dark); every focus ring below is checked in that theme.
  await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
  await go('theme');
  for (let i = 0; i < (theme === 'dark' ? 2 : 1); i++) await page.keyboard.press('ArrowDown');
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), theme === 'dark' ? 'rgb(17, 20, 24)' : 'rgb(246, 247, 249)');

  await go('base-url');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(sandbox.url);
  await go('api-key');
  await page.keyboard.type(KEY);

  await go('preset-basic');
  await page.keyboard.press('Space');
  assert.equal(await app.tid('preset-basic').getAttribute('aria-pressed'), 'true');
  await go('instance-name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(`kb${theme}`);

  // A mistake typed into the editor: a comment after the object.
  await go('payload-editor');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// typed with the keyboard');
  await app.tid('diagnostics-summary').filter({ hasText: /^[1-9]\d* errors?/ }).waitFor();
  assert.equal(await app.tid('send').isDisabled(), true);

  await go('fix-all');
  await page.keyboard.press('Enter');
  await app.tid('diagnostics-summary').filter({ hasText: 'No problems found.' }).waitFor();
  // Fix all disables itself; the focus goes to the (live) summary of the problems, not to <body>.
  assert.equal(await focused(page), 'diagnostics-summary');
  const sent = JSON.parse(await app.tid('payload-editor').inputValue());
  assert.equal(sent.instanceName, `kb${theme}`);

  await go('send');
  await page.keyboard.press('Enter');
  await app.tid('response-status').filter({ hasText: '201' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'resp-h');
  assert.match(await app.tid('response-live').textContent(), new RegExp(`^Status 201\\. .*"kb${theme}" created`));
  assert.equal(await app.tid('response-live').getAttribute('role'), 'status');

  // From the answer on: the scrollable body is a tab stop; Shift+Tab goes back to the send button.
  await go('response-body');
  await page.keyboard.press('PageDown'); // scrolls the focused region (no error, nothing else moves focus)
  assert.equal(await focused(page), 'response-body');
  await go('send', { back: true });
  // A prompt takes the focus on its safe answer, and Cancel gives it back to the button that asked.
  await go('logout');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'confirm-no');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'logout');
  assert.equal(await app.tid('confirm-yes').count(), 0, 'the prompt is gone');
  console.log(`keyboard path (${theme}): ${stops} Tab/Shift+Tab presses from the top to the answer and back to Create`);
  assert.deepEqual(log.errors, []);
  await context.close();
});
