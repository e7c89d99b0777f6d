// Languages: the page in English and Brazilian Portuguese. The first language is the saved choice,
// else the browser's (any Portuguese first → pt-BR); `<html lang>` follows it; switching keeps
// everything typed and writes the diagnostics again in the new language.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { world } from './harness.mjs';
import { openApp } from './page.mjs';

const w = world(['--key', 'e2e-i18n-key']);
let site, sandbox, browser;
before(async () => ({ site, sandbox, browser } = await w.ready));

const NOT_OBJECT = { en: 'The payload must be a JSON object', 'pt-BR': 'O payload precisa ser um objeto JSON' };
// evo-core's texts: in English in the wasm, in Portuguese in i18n/pt-BR.txt (fetched by a pt-BR page only).
const NAME_LABEL = { en: 'Instance name', 'pt-BR': 'Nome da instância' };
const NAME_HELP = { en: 'Lowercase letters and digits only', 'pt-BR': 'Só letras minúsculas e dígitos' };
// `?v=`: evo-core's signature, then the page's texts' (16 hex digits each).
const CATALOGUE = /\/i18n\/pt-BR\.txt\?v=[0-9a-f]{32}$/;
const catalogueRequests = (log) => log.requests.filter((u) => u.includes('i18n/pt-BR.txt'));
// The page's own console warnings (the browser adds some of its own, e.g. about preloads).
const pageWarnings = (log) => log.warnings.filter((w) => w.startsWith('evo-admin:'));

test('a Portuguese browser opens the page in pt-BR', async () => {
  const context = await browser.newContext({ locale: 'pt-BR' });
  const { app, page, log } = await openApp(browser, site.url, context);
  assert.equal(await app.htmlLang(), 'pt-BR');
  assert.equal(await app.language(), 'pt-BR');
  assert.equal(await page.title(), 'Evolution API — criar instância');
  assert.equal(await app.tid('create-tab').textContent(), 'Criar uma instância');
  assert.equal(await page.getByText('Idioma', { exact: true }).isVisible(), true, 'visibly labelled');
  await app.field('instanceName').fill('teste');
  await app.sendButton.filter({ hasText: 'Criar instância' }).waitFor();
  // The options name each language in itself.
  assert.deepEqual(await app.languageSelect.locator('option').allTextContents(), ['English', 'Português (Brasil)']);
  // evo-core's texts, loaded before the app mounted: field label and help, diagnostics.
  const requested = catalogueRequests(log);
  assert.equal(requested.length, 1, requested.join(', '));
  assert.match(requested[0], CATALOGUE);
  assert.match(await app.fieldLabel('instanceName').textContent(), new RegExp(`^${NAME_LABEL['pt-BR']}`));
  assert.match(await app.fieldHelp('instanceName').textContent(), new RegExp(`^${NAME_HELP['pt-BR']}`));
  await app.paste('[1]');
  await app.waitForDiagnostic({ text: NOT_OBJECT['pt-BR'] });
  // The catalogue part is fetched before the page mounts; the rules (a bundle, fetched as the page
  // starts: scripts/wasm-bundle.mjs) only after: the page does not wait for them.
  const at = (re) => log.requests.findIndex((u) => re.test(u));
  if (at(/\/bundle_rules\.wasm$/) >= 0) assert.ok(at(/\/bundle_rules\.wasm$/) > at(/\/split_load_pt\.wasm$/), log.requests.join('\n'));
  // Both were asked for by the head's preloads while the HTML was still coming (scripts/post-build.mjs),
  // and the page's own requests took them (each fetched once: the catalogue above, the part here).
  const initiators = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /pt-BR\.txt|split_load_pt/.test(e.name)).map((e) => e.initiatorType));
  assert.deepEqual(initiators, ['link', 'link']);
  assert.equal(log.requests.filter((u) => u.endsWith('/split_load_pt.wasm')).length, 1);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(pageWarnings(log), []);
  await context.close();
});

test('an English browser never downloads the Portuguese texts; switching to pt-BR loads them first', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const { app, log } = await openApp(browser, site.url, context);
  assert.match(await app.fieldLabel('instanceName').textContent(), new RegExp(`^${NAME_LABEL.en}`));
  await app.paste('[1]');
  await app.waitForDiagnostic({ text: NOT_OBJECT.en });
  assert.deepEqual(catalogueRequests(log), [], 'an English page fetches no pt-BR catalogue');

  await app.setLanguage('pt-BR');
  await app.waitForDiagnostic({ text: NOT_OBJECT['pt-BR'] });
  assert.match(await app.fieldLabel('instanceName').textContent(), new RegExp(`^${NAME_LABEL['pt-BR']}`));
  assert.match(await app.fieldHelp('instanceName').textContent(), new RegExp(`^${NAME_HELP['pt-BR']}`));
  // Once: back to English and again Portuguese uses the installed catalogue.
  await app.setLanguage('en');
  await app.waitForDiagnostic({ text: NOT_OBJECT.en });
  await app.setLanguage('pt-BR');
  await app.waitForDiagnostic({ text: NOT_OBJECT['pt-BR'] });
  assert.equal(catalogueRequests(log).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a missing or stale pt-BR catalogue: the page opens in English (the select says so), with a warning', async () => {
  const stale = 'evo-core-i18n pt-BR 0000000000000000\nerro\n';
  for (const answer of [{ status: 404, body: 'not found' }, { status: 200, body: stale }]) {
    const context = await browser.newContext({ locale: 'pt-BR' });
    await context.route('**/i18n/pt-BR.txt*', (route) => route.fulfill({ ...answer, contentType: 'text/plain' }));
    const { app, log } = await openApp(browser, site.url, context);
    assert.equal(await app.htmlLang(), 'en');
    assert.equal(await app.language(), 'en');
    assert.equal(await app.tid('create-tab').textContent(), 'Create an instance');
    assert.match(await app.fieldLabel('instanceName').textContent(), new RegExp(`^${NAME_LABEL.en}`));
    await app.paste('[1]');
    await app.waitForDiagnostic({ text: NOT_OBJECT.en });
    assert.equal(pageWarnings(log).length, 1, log.warnings.join('\n'));
    assert.match(pageWarnings(log)[0], answer.status === 404 ? /HTTP 404/ : /not a pt-BR catalogue for this build/);
    // (The browser itself reports the 404 as "Failed to load resource".)
    assert.deepEqual(log.errors.filter((e) => !e.startsWith('Failed to load resource')), []);
    await context.close();
  }
});

test('an English (or any other) browser opens in English', async () => {
  for (const locale of ['en-US', 'fr-FR']) {
    const context = await browser.newContext({ locale });
    const { app } = await openApp(browser, site.url, context);
    assert.equal(await app.htmlLang(), 'en', locale);
    assert.equal(await app.language(), 'en', locale);
    assert.equal(await app.tid('create-tab').textContent(), 'Create an instance');
    await context.close();
  }
});

test('switching keeps the text, the key and what was typed, re-lints in the new language, and is remembered', async () => {
  const context = await browser.newContext({ locale: 'pt-BR' });
  const { app, page } = await openApp(browser, site.url, context);
  await app.connect(sandbox.url, 'e2e-i18n-key');
  await app.tid('existing-name').fill('minha-instancia');
  const text = '// not an object\n[1, 2]\n';
  await app.paste(text);
  await app.waitForDiagnostic({ text: NOT_OBJECT['pt-BR'] });
  await app.waitForSummary(/^\d+ erros?, \d+ avisos?\.$/);
  assert.match(await app.tid('diagnostic').first().locator('.sev').textContent(), /^(erro|aviso|info)$/);

  await app.setLanguage('en');
  await app.waitForDiagnostic({ text: NOT_OBJECT.en });
  await app.waitForSummary(/^\d+ errors?, \d+ warnings?\.$/);
  assert.equal(await app.tid('create-tab').textContent(), 'Create an instance');
  assert.equal(await page.title(), 'Evolution API — create instance');
  assert.equal(await app.editorText(), text, 'the editor text is untouched');
  assert.equal(await app.baseUrl.inputValue(), sandbox.url);
  assert.equal(await app.apiKey.inputValue(), 'e2e-i18n-key');
  assert.equal(await app.tid('existing-name').inputValue(), 'minha-instancia');

  // Remembered across reloads, over the browser's Portuguese.
  await app.reload();
  assert.equal(await app.htmlLang(), 'en');
  assert.equal(await app.language(), 'en');
  assert.equal(await page.evaluate(() => localStorage.getItem('evo-admin.lang')), 'en');
  await app.waitForDiagnostic({ text: NOT_OBJECT.en });

  // And back: the same diagnostics in Portuguese, the text still the same.
  await app.setLanguage('pt-BR');
  await app.waitForDiagnostic({ text: NOT_OBJECT['pt-BR'] });
  assert.equal(await app.tid('create-tab').textContent(), 'Criar uma instância');
  assert.equal(await app.editorText(), text);
  await context.close();
});

test('a create answered in Portuguese: labels of the response card and the QR panel', async () => {
  const context = await browser.newContext({ locale: 'pt-BR' });
  const { app, log } = await openApp(browser, site.url, context);
  await app.fillBasic({ base: sandbox.url, key: 'e2e-i18n-key', name: 'i18nqr' });
  await app.sendButton.filter({ hasText: 'Criar instância' }).waitFor();
  await app.clickSend();
  await app.status.filter({ hasText: '201' }).waitFor();
  await app.tid('qr-svg').first().waitFor();
  const card = await app.tid('response-summary').innerText();
  assert.match(card, /Chave da instância/);
  assert.match(await app.tid('qr-panel').innerText(), /Conexão:/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an answer already explained is written again when the language is switched', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const { app } = await openApp(browser, site.url, context);
  await app.connect(sandbox.url, 'a-wrong-key');
  await app.preset('basic');
  await app.field('instanceName').fill('umnome');
  assert.equal(await app.send({ status: '401' }), '401');
  assert.match(await app.errorMessage.textContent(), /^401 Unauthorized: the global API key is wrong/);
  await app.setLanguage('pt-BR');
  await app.errorMessage.filter({ hasText: /^401 Unauthorized: a chave global da API está errada/ }).waitFor();
  assert.equal(await app.status.textContent(), '401', 'the answer itself is the same');
  await app.setLanguage('en');
  await app.errorMessage.filter({ hasText: /the global API key is wrong/ }).waitFor();
  await context.close();
});

test('a create refused before sending says why in the language switched to (the reason is a type, worded by the view)', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const { app, log } = await openApp(browser, site.url, context);
  await app.connect(sandbox.url, '');
  await app.preset('basic');
  await app.field('instanceName').fill('semchave');
  const toServer = () => log.requests.filter((u) => u.startsWith(sandbox.url)).length;
  const before = toServer();
  await app.clickSend();
  await app.errorMessage.filter({ hasText: /^Not sent: Enter the server's global API key/ }).waitFor();
  await app.setLanguage('pt-BR');
  await app.errorMessage.filter({ hasText: /^Não enviado: Informe a chave global da API do servidor/ }).waitFor();
  await app.setLanguage('en');
  await app.errorMessage.filter({ hasText: /^Not sent: Enter the server's global API key/ }).waitFor();
  assert.equal(toServer(), before, 'nothing left the page');
  assert.deepEqual(log.errors, []);
  await context.close();
});
