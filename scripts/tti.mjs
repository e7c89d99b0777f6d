// Time-to-interactive benchmark: the release build in dist/ against a plain static HTML form with
// the same fields, each opened N times in a fresh browser context of headless Chromium.
//
// Usage: node scripts/tti.mjs [--runs N] [--br] [--dist DIR] [--mobile-runs M]   (N defaults to 10; --br serves
// brotli-compressed files with Content-Encoding: br, as a static host with precompressed assets would; --dist
// another build; M, default 7, rounds of the mobile profile after the loopback runs — 0 skips it)
//
// The mobile profile (issue 21): Lighthouse's mobile applied throttling — 562.5 ms RTT, 1,474.56 kbit/s
// down, 675 kbit/s up (CDP Network.emulateNetworkConditions) and the CPU 4× slower
// (Emulation.setCPUThrottlingRate) —, every file brotli-compressed, hashed files `immutable`, the rest
// revalidated (ETag → 304). Each round opens each site in a fresh context (first visit), waits until
// its service worker (if the build has one: dist/sw.js) is active and has cached the whole build,
// then opens it once more in that context (repeat visit); sites interleaved; one warm-up round, then
// the median of M rounds. The worker's own fetches are not throttled (CDP throttles the page's): they
// happen after the first visit was measured. The app's phases are printed too (ms from navigation
// start until the HTML, CSS, glue and wasm are in, the wasm started, the page mounted, the text checked
// by its generation's rules — a part fetched as the page starts), and in how
// many repeat visits the worker served the page (all of them, or the figure is not a repeat visit's).
// A third site, `pt`, is the app in a Portuguese browser (its texts load before it mounts).
//
// "Usable" is measured inside the page, from navigation start (performance.timeOrigin): for the app,
// the moment its send button is in the DOM — the prerendered first screen's ([data-pre=send] while
// that copy is shown; scripts/prerender.mjs: its fields take input, kept when the app takes over),
// or the app's own ([data-testid=send]) —; for the plain page, its submit button. A MutationObserver
// installed before any page script records it, so there is no polling delay. The app's `mounted`
// phase, and its ratio to the plain form, are printed beside it.
// The plain page is written by this script from the app's own controls (labels, types, options),
// read once in a warm-up run, so both pages carry the same fields.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(new URL('..', import.meta.url).pathname);

const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const RUNS = Number(arg('--runs', 10));
const MOBILE_RUNS = Number(arg('--mobile-runs', 7));
const DIST = resolve(arg('--dist', join(ROOT, 'dist')));
const BR = process.argv.includes('--br');
// The app's send button, or its prerendered copy's while that copy is shown (scripts/prerender.mjs:
// the head's script hides it with `nopre`, or with `pre-pt` until the Portuguese copy is in place).
// A selector, not a visibility check: that would force a layout, which the plain form's is not.
const APP_USABLE = '[data-testid=send],html:not(.nopre):not(.pre-pt) [data-pre=send]';
/** What counts as usable on the site at `path`: the app's (above), or the plain form's submit button. */
const usableOn = (path) => (path.endsWith('/app/') ? APP_USABLE : '[data-testid=send]');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

let plainHtml = '<!doctype html><title>plain</title><form><button type="submit" data-testid="send">Create instance</button></form>';
const brCache = new Map();
const compress = (key, body) => {
  if (!brCache.has(key)) brCache.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  return brCache.get(key);
};

await stat(join(DIST, 'index.html'));
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  // The mobile profile's sites live under /m/ (see the end): the same files, another host's headers.
  const mobile = url.pathname.startsWith('/m/');
  if (mobile) url.pathname = url.pathname.slice(2);
  let body;
  let type;
  if (url.pathname === '/plain/') {
    body = Buffer.from(plainHtml);
    type = TYPES['.html'];
  } else if (url.pathname.startsWith('/app/')) {
    let rel = normalize(url.pathname.slice('/app/'.length)) || 'index.html';
    if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    const file = join(DIST, rel);
    if (!file.startsWith(DIST)) return res.writeHead(403).end();
    try {
      body = await readFile(file);
    } catch {
      return res.writeHead(404).end('not found');
    }
    type = TYPES[extname(file)] ?? 'application/octet-stream';
  } else {
    return res.writeHead(404).end('not found');
  }
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
  if (mobile) {
    // Hashed files immutable, the rest revalidated by ETag.
    const hashed = /-[0-9a-f]{16}(\.|\/)/.test(url.pathname);
    headers['Cache-Control'] = hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
    headers.ETag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === headers.ETag) return res.writeHead(304, headers).end();
  }
  if ((BR || mobile) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = compress(url.pathname + body.length, body);
    headers['Content-Encoding'] = 'br';
  }
  res.writeHead(200, headers).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** Records, in the page, when `selector` first appears (ms since navigation start). */
const watch = (selector) => {
  const seen = () => {
    if (!window.__usable && document.querySelector(selector)) window.__usable = performance.now();
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true });
  document.addEventListener('DOMContentLoaded', seen);
};

async function once(path, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watch, selector);
  await page.goto(base + path, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 20_000 });
  await page.waitForFunction(() => window.__usable !== undefined);
  if (selector === APP_USABLE) await page.waitForFunction(() => performance.getEntriesByName('evo-mount').length > 0);
  const [ms, wasmMs, jsMs, mainMs, mountMs] = await page.evaluate(() => {
    const end = (ext) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(ext))?.responseEnd ?? 0;
    const mount = performance.getEntriesByName('evo-mount')[0];
    return [window.__usable, end('_bg.wasm'), end('/evo-admin.js') || end('.js'), mount?.startTime ?? 0, mount?.duration ?? 0];
  });
  return { ms, wasmMs, jsMs, mainMs, mountMs, page, context };
}

// Warm-up (not counted): start the browser's processes, and read the app's controls for the plain page.
{
  const { page, context } = await once('/app/', '[data-testid=send]');
  // Closed sections build their controls when first opened: open them all, so the plain page gets
  // every control of the form.
  await page.evaluate(() => document.querySelectorAll('details:not([open])').forEach((d) => (d.open = true)));
  await page.waitForTimeout(200);
  const fields = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')].map((el) => ({
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      id: el.id,
      label: (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) || el.getAttribute('aria-label') || el.id || el.tagName,
      options: el.tagName === 'SELECT' ? [...el.options].map((o) => [o.value, o.textContent]) : [],
    })),
  );
  await context.close();
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const controls = fields.map((f, i) => {
    const id = esc(f.id || `c${i}`);
    const label = `<label for="${id}">${esc(f.label)}</label>`;
    if (f.tag === 'select') return `<p>${label}<select id="${id}">${f.options.map(([v, t]) => `<option value="${esc(v)}">${esc(t)}</option>`).join('')}</select></p>`;
    if (f.tag === 'textarea') return `<p>${label}<textarea id="${id}" rows="12"></textarea></p>`;
    return `<p>${label}<input id="${id}" type="${esc(f.type || 'text')}"></p>`;
  });
  // The app's stylesheet: a file, or (since issue 21) inlined in its index.html.
  const cssFile = (await readdir(DIST)).find((f) => f.endsWith('.css'));
  const css = cssFile ? await readFile(join(DIST, cssFile), 'utf8')
    : ((await readFile(join(DIST, 'index.html'), 'utf8')).match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '');
  plainHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain form</title><style>${css}</style></head>
<body><main><h1>Create instance (plain form)</h1><form method="post" action="#">${controls.join('\n')}
<button type="submit" data-testid="send">Create instance</button></form></main></body></html>`;
  console.log(`plain page: ${fields.length} controls copied from the app, ${plainHtml.length} bytes`);
  await once('/plain/', '[data-testid=send]').then(({ context: c }) => c.close());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const app = [];
const plain = [];
const wasmEnd = [];
const jsEnd = [];
const mainStart = [];
const mountDur = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so a burst of load on this shared machine hits both sides alike.
  for (const [path, into] of [['/app/', app], ['/plain/', plain]]) {
    const { ms, wasmMs, jsMs, mainMs, mountMs, context } = await once(path, usableOn(path));
    into.push(ms);
    if (into === app) {
      wasmEnd.push(wasmMs);
      jsEnd.push(jsMs);
      mainStart.push(mainMs);
      mountDur.push(mountMs);
    }
    await context.close();
  }
}

const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
const a = median(app);
const p = median(plain);
console.log(`app   (dist/, ${BR ? 'brotli' : 'identity'}): median ${a.toFixed(1)} ms   [${fmt(app)}]`);
console.log(`plain (static form)      : median ${p.toFixed(1)} ms   [${fmt(plain)}]`);
console.log(`app phases (medians): JS glue loaded ${median(jsEnd).toFixed(1)} ms, wasm loaded ${median(wasmEnd).toFixed(1)} ms, ` +
  (median(mainStart) ? `wasm started (compiled, instantiated) ${median(mainStart).toFixed(1)} ms, mounted in ${median(mountDur).toFixed(1)} ms` : 'then compile + instantiate + mount until usable'));
console.log(`ratio app/plain: ${(a / p).toFixed(2)}x (target <= 1.5x)`);

// ---- the mobile profile (see the top) ----
const MOBILE = {
  net: { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 },
  cpu: 4,
};

/** One visit of `path` in `context` under the mobile profile: ms until `selector` is there. */
async function mobileVisit(context, path, selector) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', MOBILE.net);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
  await page.addInitScript(watch, selector);
  await page.goto(base + path, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 60_000 });
  await page.waitForFunction(() => window.__usable !== undefined);
  // The app: wait until it has mounted (after its prerendered first screen) and its text is checked
  // by its rules (a part fetched as it starts).
  if (selector === APP_USABLE) {
    await page.waitForFunction(() => performance.getEntriesByName('evo-mount').length > 0, null, { timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('evo-checked').length > 0, null, { timeout: 60_000 });
  }
  const [ms, phases] = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource');
    const end = (ext) => res.find((e) => e.name.endsWith(ext))?.responseEnd ?? 0;
    const mount = performance.getEntriesByName('evo-mount')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    // The wasm: its file's end, or (inlined in index.html: no such file) the HTML's end.
    const wasm = end('_bg.wasm') || (document.querySelector('link[href$="_bg.wasm"]') ? 0 : nav?.responseEnd ?? 0);
    return [window.__usable, { html: nav?.responseEnd ?? 0, css: end('.css'), glue: end('/evo-admin.js'), wasm,
      started: mount?.startTime ?? 0, mounted: mount ? mount.startTime + mount.duration : 0,
      checked: performance.getEntriesByName('evo-checked')[0]?.duration ?? 0,
      worker: !!navigator.serviceWorker?.controller }];
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return { ms, phases, page };
}

/** The files the app's service worker caches (the first line of the built sw.js lists them), or
 *  none when the build has no worker. */
const workerFiles = await readFile(join(DIST, 'sw.js'), 'utf8').then((sw) => {
  const head = sw.split('\n')[0];
  const list = (name) => JSON.parse(head.match(new RegExp(`${name}=(\\[[^\\]]*\\])`))[1]);
  return [...list('FIRST'), ...list('LATER')];
}, () => []);

/** First visit in a fresh context, then the repeat visit. A page with a service worker registers
 *  it once it is interactive (web/sw-client.js): before the repeat visit, wait until the worker is
 *  active and has cached the whole build — a repeat visit comes later than the worker's first minute,
 *  and its background caching is not what it measures. */
async function mobileRound(path, files, locale) {
  const context = await browser.newContext(locale ? { locale } : {});
  const selector = usableOn(path);
  const first = await mobileVisit(context, path, selector);
  if (files.length) {
    const cached = (fs) => first.page.evaluate(async (fs) => {
      if (!(await navigator.serviceWorker.getRegistration())?.active) return false;
      for (const f of fs) if (!(await caches.match(new URL(f, location.href).href, { ignoreSearch: true }))) return false;
      return true;
    }, fs);
    for (const end = Date.now() + 60_000; !(await cached(files));) {
      if (Date.now() > end) throw new Error(`${path}: the service worker did not cache the build within 60 s`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  await first.page.close();
  const repeat = await mobileVisit(context, path, selector);
  await context.close();
  return [first, repeat];
}

if (MOBILE_RUNS > 0) {
  // `pt`: the app in a Portuguese browser, which loads its pt-BR texts before it mounts.
  const sites = [['app', '/m/app/', workerFiles], ['plain', '/m/plain/', []], ['pt', '/m/app/', workerFiles, 'pt-BR']];
  const got = { app: [[], []], plain: [[], []], pt: [[], []] };
  const phases = [[], []];
  const started = Date.now();
  for (let i = 0; i <= MOBILE_RUNS; i++) {
    for (const [name, path, files, locale] of sites) {
      const [f, r] = await mobileRound(path, files, locale);
      if (i === 0) continue; // round 0 is the warm-up
      got[name][0].push(f.ms), got[name][1].push(r.ms);
      if (name === 'app') phases[0].push(f.phases), phases[1].push(r.phases);
    }
  }
  const m = (name, k) => median(got[name][k]);
  console.log(`mobile profile (562.5 ms RTT, 1,474.56/675 kbit/s, CPU 4x; brotli, hashed files immutable), ${MOBILE_RUNS} rounds after a warm-up, ${((Date.now() - started) / 1000).toFixed(0)} s:`);
  for (const [name] of sites) {
    console.log(`  ${name.padEnd(5)} first visit median ${m(name, 0).toFixed(0)} ms [${fmt(got[name][0])}], repeat visit median ${m(name, 1).toFixed(0)} ms [${fmt(got[name][1])}]`);
  }
  // Where the app's time goes (medians, ms from navigation start; 0 = not seen).
  const keys = ['html', 'css', 'glue', 'wasm', 'started', 'mounted', 'checked'];
  ['first', 'repeat'].forEach((visit, k) => console.log(`  app ${visit} visit phases: ` +
    keys.map((key) => `${key} ${median(phases[k].map((p) => p[key])).toFixed(0)}`).join(', ') +
    `; served by the service worker in ${phases[k].filter((p) => p.worker).length}/${phases[k].length}`));
  console.log(`  ratio app/plain: first visit ${(m('app', 0) / m('plain', 0)).toFixed(2)}x (target <= 2.0x), repeat visit ${(m('app', 1) / m('plain', 1)).toFixed(2)}x (target <= 1.0x)`);
  const mounted = (k) => median(phases[k].map((p) => p.mounted));
  console.log(`  ratio app mounted/plain (the app's own view, after the first screen): first visit ${(mounted(0) / m('plain', 0)).toFixed(2)}x, repeat visit ${(mounted(1) / m('plain', 1)).toFixed(2)}x`);
  console.log(`  ratio pt/plain (the app in pt-BR): first visit ${(m('pt', 0) / m('plain', 0)).toFixed(2)}x, repeat visit ${(m('pt', 1) / m('plain', 1)).toFixed(2)}x`);
}
await browser.close();
server.close();
