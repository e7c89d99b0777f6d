// The configuration page of an instance (src/ui/config/): tabs, the editor, the diff, Save and
// its read-back, copy to another instance, and the bulk change. Waits for what the page shows.
import { until } from './harness.mjs';

export class Config {
  constructor(page) { this.page = page; this.root = page.getByTestId('config-page'); }
  tid(id) { return this.root.getByTestId(id); }

  /** Opens the page from a row of the instances view (the instances tab must be shown). */
  async openFromRow(name) {
    await this.page.locator(`[data-testid=instance-row][data-name="${name}"]`).getByTestId('instance-configure').click();
    await this.root.waitFor();
  }

  /** Opens a tab (`settings`, `webhook`, `proxy`, `chatwoot`, `events`) and waits for its find. */
  async tab(id, sink) {
    await this.tid(`config-tab-${id}`).click();
    if (sink) await this.tid('config-sink').selectOption(sink);
    const panel = this.root.locator(`[data-testid^=config-panel-][data-loaded=true]`);
    await panel.waitFor();
    return panel;
  }

  get editor() { return this.tid('config-editor'); }
  async text() { return this.editor.inputValue(); }
  async json() { return JSON.parse(await this.text()); }
  async waitForText(check, what = 'the config editor') { await until(async () => check(await this.text()), what); }
  async setText(text) { await this.editor.fill(text); }
  async current() { return this.tid('config-current').textContent(); }

  /** The diff's rows: `{ key, kind }`. */
  async diff() {
    return this.tid('config-diff').locator('[data-testid=config-change]')
      .evaluateAll((els) => els.map((e) => ({ key: e.dataset.key, kind: e.dataset.kind })));
  }
  /** Waits until the diff names `key` (as `kind` when given); returns its kind. */
  async waitForDiff(key, kind) {
    const sel = kind ? `[data-kind="${kind}"]` : '';
    const row = this.root.locator(`[data-testid=config-change][data-key="${key}"]${sel}`);
    await row.waitFor();
    return row.getAttribute('data-kind');
  }
  async diagnostics() {
    return this.tid('config-diagnostics').locator('[data-testid=diagnostic]')
      .evaluateAll((els) => els.map((e) => e.dataset.code));
  }
  async waitForDiagnostic(code) {
    await this.tid('config-diagnostics').locator(`[data-testid=diagnostic][data-code="${code}"]`).first().waitFor();
  }
  async fix(code) {
    await this.tid('config-diagnostics').locator(`[data-testid=diagnostic][data-code="${code}"]`).first().getByTestId('fix').click();
  }

  async saveDisabled() { return this.tid('config-save').isDisabled(); }
  async waitSaveEnabled() { await until(async () => !(await this.saveDisabled()), 'config-save enabled'); }

  /** Saves and waits for the read-back; returns `{ result, text, losses: [{key, expected}] }`. */
  async save() {
    await this.waitSaveEnabled();
    await this.tid('config-save').click();
    return this.readback(this.root.getByTestId('config-readback').first());
  }

  async readback(loc) {
    await loc.waitFor({ timeout: 30000 });
    const result = await loc.getAttribute('data-result');
    const text = await loc.textContent();
    const losses = await loc.locator('[data-testid=config-loss]')
      .evaluateAll((els) => els.map((e) => ({ key: e.dataset.key, expected: e.dataset.expected === 'true' })));
    return { result, text, losses };
  }

  /** Copies the body to `name` on the server `base` (an option of the copy select). */
  async copyTo(name, base) {
    const copy = this.tid('config-copy');
    await copy.locator('summary').click();
    if (base) await copy.getByTestId('config-copy-server').selectOption(base);
    await copy.getByTestId('config-copy-name').fill(name);
    await copy.getByTestId('config-copy-send').click();
    const r = await this.readback(copy.getByTestId('config-copy-result').getByTestId('config-readback'));
    r.notes = await copy.getByTestId('config-copy-notes').locator('li').allTextContents();
    return r;
  }
}

/** The bulk change (instances ticked in the list). */
export class Bulk {
  constructor(page) { this.page = page; this.root = page.getByTestId('config-bulk'); }
  async select(names) {
    for (const n of names) {
      await this.page.locator(`[data-testid=instance-row][data-name="${n}"]`).getByTestId('instance-select').check();
    }
    await this.page.getByTestId('instances-bulk').click();
    await this.root.waitFor();
  }
  async route(id) { await this.root.getByTestId('config-bulk-endpoint').selectOption(id); }
  async setText(text) { await this.root.getByTestId('config-editor').fill(text); }
  /** Previews (finds and diffs, nothing sent); returns `{ name: { key: kind } }` per instance. */
  async preview(count) {
    await until(async () => !(await this.root.getByTestId('config-bulk-preview').isDisabled()), 'bulk preview enabled');
    await this.root.getByTestId('config-bulk-preview').click();
    const rows = this.root.locator('[data-testid=config-bulk-row]');
    await until(async () => {
      const r = await rows.evaluateAll((els) => els.map((e) => e.dataset.result));
      return r.length === count && r.every((x) => x === 'preview' || x === 'failed' || x === 'skipped');
    }, 'every bulk row previewed', 60000);
    return Object.fromEntries(await rows.evaluateAll((els) => els.map((e) => [
      e.dataset.name,
      Object.fromEntries([...e.querySelectorAll('[data-testid=config-change]')].map((c) => [c.dataset.key, c.dataset.kind])),
    ])));
  }
  /** Applies and waits until no row is pending; returns `{ name: result }`. */
  async apply(count) {
    await until(async () => !(await this.root.getByTestId('config-bulk-apply').isDisabled()), 'bulk apply enabled');
    await this.root.getByTestId('config-bulk-apply').click();
    const rows = this.root.locator('[data-testid=config-bulk-row]');
    await until(async () => {
      const r = await rows.evaluateAll((els) => els.map((e) => e.dataset.result));
      return r.length === count && !r.includes('pending');
    }, 'every bulk row done', 60000);
    return Object.fromEntries(await rows.evaluateAll((els) => els.map((e) => [e.dataset.name, e.dataset.result])));
  }
}
