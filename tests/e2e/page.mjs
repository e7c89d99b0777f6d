// The page object: the ONLY place that knows the page's data-testids and the texts the tests wait
// on. Tests say what a user does (`app.connect(base, key)`, `app.preset('webhook')`, `app.send()`)
// and read what the page shows; waits are on what the page shows, never on a fixed time.
//
// How the page updates, which the waits below rely on:
// - The form, the summary and the diagnostics list are all drawn from the *linted* text.
// - A form edit, a preset, a fix or "Fix all" rewrites the text and lints at once.
// - Typing (or pasting) in the editor lints after a 150 ms pause (600 ms past 100 KB): until then
//   the form, the summary and the list still show the previous text.

import { until } from './harness.mjs';

const POLL_MS = 50;

/** A field's test id, as the form gives it (src/ui/form.rs `testid_of`): `field-webhook-url` for
 * `webhook.url`; the basic fields keep short ones. */
function testidOf(key) {
  if (key === 'instanceName') return 'instance-name';
  if (['token', 'qrcode', 'integration'].includes(key)) return key;
  return `field-${key.replaceAll('.', '-')}`;
}

const listTid = (key) => key.replaceAll('.', '-');

/** A new page in a fresh browser context (its own storage) that records console errors, page
 * errors and every request URL, with the app mounted. `context` reuses an existing context (to test
 * storage across reloads). */
export async function openApp(browser, url, context) {
  const ctx = context ?? await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await ctx.newPage();
  const log = { errors: [], warnings: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => log.requests.push(r.url()));
  const app = new App(page);
  await app.goto(url);
  return { app, page, log, context: ctx };
}

export class App {
  constructor(page) {
    this.page = page;
    this.qr = new QrPanel(page);
    this.instances = new Instances(page);
  }

  tid(id) { return this.page.getByTestId(id); }

  // ---- loading ----

  /** Navigates and waits until the app is mounted (its send button is there). */
  async goto(url) {
    await this.page.goto(url);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  async ready() { await this.tid('send').waitFor(); }

  // ---- language ----

  get languageSelect() { return this.tid('language'); }
  /** The language chosen in the page's control (`en` or `pt-BR`). */
  async language() { return this.languageSelect.inputValue(); }
  /** `<html lang>`. */
  async htmlLang() { return this.page.evaluate(() => document.documentElement.lang); }
  /** Switches the page's language and waits until `<html lang>` follows. */
  async setLanguage(code) {
    await this.languageSelect.selectOption(code);
    await this.page.waitForFunction((c) => document.documentElement.lang === c, code, { polling: POLL_MS });
  }

  // ---- connection panel ----

  get baseUrl() { return this.tid('base-url'); }
  get apiKey() { return this.tid('api-key'); }
  get rememberKeyBox() { return this.tid('remember-key'); }
  get serverVersion() { return this.tid('server-version'); }
  get profileSelect() { return this.tid('profile'); }
  get profileSource() { return this.tid('profile-source'); }

  async connect(base, key) {
    await this.baseUrl.fill(base);
    await this.apiKey.fill(key);
  }

  /** Clicks "Test connection" and waits until the server line mentions `expect` (a version, a
   * status, a diagnosis); returns the line. */
  async testConnection(expect) {
    await this.tid('test-connection').click();
    await this.serverVersion.filter({ hasText: expect }).waitFor();
    return this.serverVersion.textContent();
  }

  async rememberKey() { await this.rememberKeyBox.check(); }
  async forgetKey() { await this.tid('forget-key').click(); }
  async setTimeoutSeconds(s) { await this.tid('timeout').fill(String(s)); }

  /** Saves the current base URL under `name` (saved servers). */
  async saveConnection(name) {
    await this.tid('connection-name').fill(name);
    await this.tid('connection-save').click();
  }
  async connectionOptions() { return this.tid('connections').locator('option').allTextContents(); }
  async selectConnection(url) { await this.tid('connections').selectOption(url); }

  async profile() { return this.profileSelect.inputValue(); }
  async setProfile(p) { await this.profileSelect.selectOption(p); }

  // ---- the form ----

  /** A form control by its payload key: `instanceName`, `token`, `webhook.url`, `proxy.host`… */
  field(key) { return this.tid(testidOf(key)); }
  /** The label of a form control (its text, then the key in a <code>). */
  fieldLabel(key) { return this.page.locator(`label[for="f-${key.replaceAll('.', '-')}"]`); }
  /** The help line under a form control. */
  fieldHelp(key) { return this.page.locator(`#f-${key.replaceAll('.', '-')}-help`); }
  /** The message line under a form control (lint or server). */
  fieldMessage(key) { return this.tid(`${testidOf(key)}-msg`); }
  /** One event's checkbox in the events list at `listKey` (`events`, `webhook.events`). */
  event(listKey, name) { return this.tid(`event-${listTid(listKey)}-${name}`); }

  async preset(name) { await this.tid(`preset-${name}`).click(); }
  async openAdvanced() { await this.tid('advanced').click(); }
  async generateToken() { await this.tid('token-generate').click(); }

  /** Waits until the form shows `value` for `key` (the form is drawn from the linted text, so this
   * is also "the linter has seen a text with that value"). */
  async waitForField(key, value, timeout = 15000) {
    await this.page.waitForFunction(([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.value === v,
      [testidOf(key), value], { timeout, polling: POLL_MS });
  }

  /** Fills the connection panel and pastes a clean basic payload; returns once it is linted. */
  async fillBasic({ base, key, name, token = 'tok-' + name, qrcode = true }) {
    await this.connect(base, key);
    await this.setEditor(JSON.stringify({ instanceName: name, token, qrcode }, null, 2));
  }

  // ---- the editor ----

  get editor() { return this.tid('payload-editor'); }

  /** Replaces the editor's text as a paste does: the value changes and one input event fires.
   * (Playwright's fill() types through the IME path, which takes seconds on big texts.) Returns at
   * once: the lint comes 150 ms later (600 ms past 100 KB). */
  async paste(text) {
    await this.editor.evaluate((ta, t) => {
      ta.focus();
      ta.value = t;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
  }

  /** Pastes `text`. When it is plain JSON with a string instanceName, also waits until the form
   * shows that name, i.e. this text is linted. Otherwise (JSONC, no name) returns at once: wait for
   * what the test expects to see (`waitForField`, `waitForDiagnostic`, `waitForSummary`). */
  async setEditor(text) {
    let name;
    try { name = JSON.parse(text)?.instanceName; } catch { /* JSONC: the caller waits */ }
    if (typeof name === 'string' && await this.field('instanceName').inputValue() === name) {
      throw new Error(`setEditor: the form already shows "${name}", its lint could not be seen; paste() and wait for something else`);
    }
    await this.paste(text);
    if (typeof name === 'string') await this.waitForField('instanceName', name);
  }

  async editorText() { return this.editor.inputValue(); }
  async editorJson() { return JSON.parse(await this.editorText()); }

  /** Polls the editor's JSON until `check(json)` holds (a form edit or a fix has reached the text). */
  async waitForEditor(check, what = 'the editor text', timeout = 15000) {
    await until(async () => {
      try { return check(JSON.parse(await this.editorText())); } catch { return false; }
    }, what, timeout);
  }

  /** Polls the editor's raw text (JSONC too) until `check(text)` holds. */
  async waitForEditorText(check, what = 'the editor text', timeout = 15000) {
    await until(async () => check(await this.editorText()), what, timeout);
  }

  /** Waits inside the page until the editor's text starts with `prefix` (for texts too big to
   * bring over on each poll). */
  async waitForEditorStart(prefix, timeout = 15000) {
    await this.page.waitForFunction((p) => document.querySelector('[data-testid="payload-editor"]')?.value.startsWith(p),
      prefix, { timeout, polling: POLL_MS });
  }

  /** The text the editor has selected (after clicking a diagnostic). */
  async selectedText() {
    return this.editor.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  }

  // ---- lint results ----

  get summary() { return this.tid('diagnostics-summary'); }

  /** "No problems found." or "N errors, M warnings." */
  async summaryText() { return this.summary.textContent(); }
  async lintMs() { return this.summary.getAttribute('data-lint-ms'); }
  async waitForSummary(match, timeout = 15000) { await this.summary.filter({ hasText: match }).waitFor({ timeout }); }

  /** The diagnostics list as the user reads it (for assertion messages). */
  async diagnosticsText() { return this.tid('diagnostics').innerText(); }

  /** The diagnostics listed: `{ line, code, text }` each. */
  async diagnostics() {
    return this.tid('diagnostic').evaluateAll((els) => els.map((e) => ({ line: Number(e.dataset.line), code: e.dataset.code, text: e.textContent })));
  }

  /** One diagnostic by its text (a Locator: `getAttribute('data-code')`, `textContent()`). */
  diagnostic(text) { return this.tid('diagnostic').filter({ hasText: text }); }
  diagnosticsWithCode(code) { return this.page.locator(`[data-testid="diagnostic"][data-code="${code}"]`); }

  async waitForDiagnostic({ code, text }, timeout = 15000) {
    await (code ? this.diagnosticsWithCode(code) : this.diagnostic(text)).first().waitFor({ timeout });
  }

  async waitForNoDiagnostic({ code, text }, timeout = 15000) {
    await (code ? this.diagnosticsWithCode(code) : this.diagnostic(text)).first().waitFor({ state: 'detached', timeout });
  }

  /** Clicks a diagnostic (by its text): the editor selects its span. */
  async goToDiagnostic(text) { await this.diagnostic(text).locator('.diag-go').click(); }
  /** Applies one diagnostic's fix (by the diagnostic's text). */
  async fix(text) { await this.diagnostic(text).getByTestId('fix').click(); }
  async fixAll() { await this.tid('fix-all').click(); }

  // ---- profile ----

  get migrationNotes() { return this.tid('migration-notes'); }

  /** Clicks "Migrate" and returns the notes once they are listed. */
  async migrate() {
    await this.tid('migrate').click();
    await this.migrationNotes.locator('li').first().waitFor();
    return this.migrationNotes.textContent();
  }

  // ---- sending ----

  get sendButton() { return this.tid('send'); }
  async sendDisabled() { return this.sendButton.isDisabled(); }
  async sendLabel() { return this.sendButton.textContent(); }
  /** Waits until the send button can be clicked again (the request is over). */
  async waitSendEnabled() { await this.page.waitForFunction(() => !document.querySelector('[data-testid=send]').disabled); }

  /** Clicks send without waiting for anything. */
  async clickSend() { await this.sendButton.click(); }

  /** Clicks send and returns the status once shown (`201`, `no answer`…). With `status` (a string
   * or a RegExp), waits until that status is shown. */
  async send({ status, timeout = 30000 } = {}) {
    await this.clickSend();
    return this.waitForStatus(status, timeout);
  }

  /** Waits until a status is shown (that one, when given); returns it. */
  async waitForStatus(status, timeout = 30000) {
    const el = status === undefined ? this.status : this.status.filter({ hasText: status instanceof RegExp ? status : String(status) });
    await el.waitFor({ timeout });
    return this.status.textContent();
  }

  async abort() { await this.tid('abort').click(); }

  // ---- the answer ----

  get status() { return this.tid('response-status'); }
  get pending() { return this.tid('response-pending'); }
  get errorMessage() { return this.tid('error-message'); }
  get responseBody() { return this.tid('response-body'); }
  get responseTime() { return this.tid('response-time'); }
  get responseMessage() { return this.tid('response-message'); }
  /** The answer's summary, in HTML (for checking that nothing was rendered as markup). */
  get responseSummary() { return this.tid('response-summary'); }
  get instanceKey() { return this.tid('instance-key'); }
  get tokenRenewed() { return this.tid('token-renewed'); }
  /** A line of the answer's summary: `name`, `status`, `integration`, `webhook`. */
  summaryOf(what) { return this.tid(`summary-${what}`); }

  async waitForError() { await this.errorMessage.waitFor(); return this.errorMessage.textContent(); }
  async responseJson() { return JSON.parse(await this.responseBody.textContent()); }
  async useSuggestedName() { await this.tid('use-suggested-name').click(); }
  async connectNow() { await this.tid('connect-now').click(); }

  // ---- exports ----

  /** "Copy as cURL": returns the command shown. */
  async copyCurl() {
    await this.tid('copy-curl').click();
    return this.tid('curl-text').inputValue();
  }

  /** "Share link": returns the link shown. */
  async shareLink() {
    await this.tid('share-link').click();
    return this.tid('share-url').inputValue();
  }

  /** "Download .json": returns the Playwright download. */
  async downloadJson() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.tid('download-json').click()]);
    return download;
  }

  get schemaLink() { return this.tid('download-schema'); }
  /** Clicks "JSON Schema" and returns the downloaded file's name. */
  async downloadSchema() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.schemaLink.click()]);
    return download.suggestedFilename();
  }

  // ---- an existing instance ----

  async openExisting(name) {
    await this.tid('existing-name').fill(name);
    await this.tid('open-panel').click();
  }
}

/** The QR panel: the code, its rotation, the connection state, pairing, log out and delete.
 * `root` scopes it to one part of the page (an instance's row); the page's own panel by default. */
export class QrPanel {
  constructor(page, root) { this.page = page; this.root = root ?? page; }
  tid(id) { return this.root.getByTestId(id); }

  get panel() { return this.tid('qr-panel'); }
  get image() { return this.tid('qr-image'); }
  get svg() { return this.tid('qr-svg'); }
  get attemptLine() { return this.tid('qr-attempt'); }
  get countdownLine() { return this.tid('qr-countdown'); }
  get stateLine() { return this.tid('connection-state'); }
  get pendingLine() { return this.tid('qr-pending'); }
  get stoppedLine() { return this.tid('qr-stopped'); }
  get imageRefused() { return this.tid('qr-image-refused'); }
  get chatwoot() { return this.tid('qr-chatwoot'); }
  get message() { return this.tid('panel-message'); }
  get pairingNumber() { return this.tid('pairing-number'); }
  get pairingButton() { return this.tid('pairing-request'); }
  get pairingCode() { return this.tid('pairing-code'); }
  get pairingBox() { return this.tid('pairing-code-box'); }
  get newQrButton() { return this.tid('qr-new'); }

  async waitForPanel(timeout) { await this.panel.waitFor({ timeout }); }
  async attempt() { return this.attemptLine.textContent(); }
  async waitForAttempt(match, timeout) { await this.attemptLine.filter({ hasText: match }).waitFor({ timeout }); }
  async countdown() { return this.countdownLine.textContent(); }
  async state() { return this.stateLine.textContent(); }
  async imageSrc() { return this.image.getAttribute('src'); }

  /** Waits until the server QR image has loaded; returns its natural size. */
  async waitForImageLoaded() {
    await this.image.waitFor();
    await this.page.waitForFunction(() => document.querySelector('[data-testid=qr-image]').complete);
    return this.image.evaluate((el) => [el.naturalWidth, el.naturalHeight]);
  }

  /** Waits for the "connected" notice after a scan. */
  async waitConnected(timeout = 20000) { await this.tid('connected').waitFor({ timeout }); }
  async waitStopped(timeout = 15000) { await this.stoppedLine.waitFor({ timeout }); }
  async resume() { await this.tid('qr-resume').click(); }
  async waitForNewQrOffer(timeout = 20000) { await this.newQrButton.waitFor({ timeout }); }
  async newQr() { await this.newQrButton.click(); }

  /** Log out, confirmed; returns the panel's message once it says so. */
  async logout() {
    await this.tid('logout').click();
    await this.tid('confirm-yes').click();
    await this.message.filter({ hasText: 'Logged out' }).waitFor();
    return this.message.textContent();
  }

  /** Delete, confirmed; returns the panel's message once it says so. */
  async delete() {
    await this.tid('delete').click();
    await this.tid('confirm-yes').click();
    await this.message.filter({ hasText: 'Instance deleted' }).waitFor();
    return this.message.textContent();
  }

  async openPairing() { await this.page.getByText('No camera? Link with a pairing code instead').click(); }

  /** Requests a pairing code for `number`; returns the code once shown. */
  /** Requests a pairing code for `number`; returns the code once shown. A connecting instance gets
   * none (servers make codes only from close): then "Log out, then pair", as a user would. */
  async requestPairing(number) {
    await this.pairingNumber.fill(number);
    await this.pairingButton.click();
    const none = this.tid('pairing-none');
    await this.pairingCode.or(none).first().waitFor();
    if (await none.count()) await this.tid('pairing-relink').click();
    await this.pairingCode.waitFor({ timeout: 20000 });
    return this.pairingCode.textContent();
  }
}

/** The instances view: the list, its filters and counts, and each row's actions. The list is a
 * window: only the rows in and near the viewport are in the DOM (each with its place in the whole
 * list, `aria-posinset` of `aria-setsize`); the helpers that act on a row by name scroll to it first. */
export class Instances {
  constructor(page) { this.page = page; }
  tid(id) { return this.page.getByTestId(id); }

  async open() { await this.tid('instances-tab').click(); }
  async backToCreate() { await this.tid('create-tab').click(); }

  /** The rows in the DOM (the window). */
  get rows() { return this.tid('instance-row'); }
  row(name) { return this.page.locator(`[data-testid=instance-row][data-name="${name}"]`); }
  /** Waits until the list holds `n` rows (drawn or not) and the first ones are drawn. */
  async waitForRows(n, timeout) {
    await this.page.locator(`[data-testid=instance-row][aria-setsize="${n}"]`).first().waitFor({ timeout });
  }
  /** How many rows are drawn. */
  async count() { return this.rows.count(); }
  /** How many rows the list holds, drawn or not. */
  async size() { return Number(await this.rows.first().getAttribute('aria-setsize')); }
  async names() { return this.rows.evaluateAll((els) => els.map((e) => e.dataset.name)); }
  async states() { return this.rows.getByTestId('instance-state').allTextContents(); }
  /** Brings the row named `name` into the window (scrolling the page through the list until it is
   * drawn) and returns it; a row the list does not hold stays missing. */
  async reveal(name) {
    const row = this.row(name);
    if (await row.count()) return row;
    await this.page.evaluate(async (name) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const drawn = () => document.querySelector(`[data-testid=instance-row][data-name="${CSS.escape(name)}"]`);
      const list = document.querySelector('[data-testid=instances]');
      if (!list) return;
      window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY);
      await frame();
      while (!drawn()) {
        const y = window.scrollY;
        window.scrollBy(0, window.innerHeight * 0.8);
        await frame();
        if (window.scrollY === y) return;
      }
    }, name);
    return row;
  }

  get counts() { return this.tid('instances-counts'); }
  async waitForCounts(match) { await this.counts.filter({ hasText: match }).waitFor(); }
  get message() { return this.tid('instances-message'); }
  async waitForMessage(match) { await this.message.filter({ hasText: match }).waitFor(); }
  get filterInput() { return this.tid('instances-filter'); }
  async filter(text) { await this.filterInput.fill(text); }
  async state(value) { await this.tid('instances-state').selectOption(value); }
  async refresh() { await this.tid('instances-refresh').click(); }

  stateOf(name) { return this.row(name).getByTestId('instance-state'); }
  async waitForState(name, state) {
    await this.reveal(name);
    await this.stateOf(name).filter({ hasText: new RegExp(`^${state}$`) }).waitFor();
  }
  /** Clicks a row's action: `connect`, `logout`, `restart`, `delete`, `details`. */
  async act(name, act) { await (await this.reveal(name)).getByTestId(`instance-${act}`).click(); }
  action(name, act) { return this.row(name).getByTestId(`instance-${act}`); }
  async confirm(name, yes = true) { await (await this.reveal(name)).getByTestId(yes ? 'confirm-yes' : 'confirm-no').click(); }
  /** The QR / pairing panel opened from the row of `name` (one panel, above the list). */
  qrOf(name) { return new QrPanel(this.page, this.page.locator(`[data-testid=instance-qr][data-name="${name}"]`)); }
  details(name) { return this.row(name).getByTestId('instance-details-text'); }
}
