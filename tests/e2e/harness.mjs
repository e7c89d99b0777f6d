// End-to-end harness: the release build of the page served under a sub-path on 127.0.0.1,
// the sandbox API started from target/debug and its control API, and Debian's headless Chromium
// driven by playwright-core. What is on the page is page.mjs's business.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
// E2E_DIST: another build to test (scripts/test.sh runs the suite on an EVO_DIET=0 build too).
export const DIST = process.env.E2E_DIST ? resolve(ROOT, process.env.E2E_DIST) : join(ROOT, 'dist');
export const SUB_PATH = '/admin/';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

/** A throw-away self-signed certificate for 127.0.0.1 (openssl), for the https page tests. */
function selfSignedCert() {
  const dir = mkdtempSync(join(tmpdir(), 'evo-e2e-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'),
    '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** Serves dist/ (or `dir`, e.g. a copy to turn into a "new build") under SUB_PATH only (anything
 * else is 404), like a plain static host; over https with a self-signed certificate when `https` is set. */
export async function serveDist({ https = false, dir = DIST } = {}) {
  const DIST = dir;
  await stat(join(DIST, 'index.html'));
  const handler = async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(SUB_PATH)) { res.writeHead(404).end('not found'); return; }
    let rel = normalize(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    const file = join(DIST, rel);
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch { res.writeHead(404).end('not found'); }
  };
  const server = https ? createHttpsServer(selfSignedCert(), handler) : createServer(handler);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const scheme = https ? 'https' : 'http';
  return { url: `${scheme}://127.0.0.1:${port}${SUB_PATH}`, origin: `${scheme}://127.0.0.1:${port}`, close: () => server.close() };
}

/** Starts target/debug/evo-sandbox on a free port; resolves once it prints its address. */
export async function startSandbox(args = []) {
  const bin = join(ROOT, 'target', 'debug', 'evo-sandbox');
  const child = spawn(bin, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`evo-sandbox exited with ${code}: ${out}`)));
    // Not built (`cargo build -p evo-sandbox`): say so rather than wait forever.
    child.on('error', (e) => fail(new Error(`evo-sandbox could not start (${bin}): ${e.message}`)));
  });
  return { url, stop: () => child.kill('SIGINT') };
}

/** A free loopback port with nothing listening on it (for "server down"). */
export async function deadPort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Makes the sandbox's next create answer with a canned response (status, body, content type, delay). */
export async function nextCreate(sandboxUrl, fault) {
  const r = await fetch(`${sandboxUrl}/__sandbox/next-create`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1' }, body: JSON.stringify(fault),
  });
  if (r.status !== 204) throw new Error(`fault not set: ${r.status}`);
}

/** A call to the sandbox's control API (`/__sandbox/…`): faults, simulated scans, the request log. */
export function control(sb, path, method = 'POST', body) {
  const headers = { Origin: 'http://127.0.0.1' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${sb.url}/__sandbox/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Every API request the sandbox received since it started (or since the log was cleared). */
export async function requestLog(sb) {
  return (await control(sb, 'requests', 'GET')).json();
}

export async function clearRequestLog(sb) {
  await control(sb, 'requests', 'DELETE');
}

/** Polls `check` (async) every 50 ms until it returns something truthy, and returns that (like expect.poll). */
export async function until(check, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** A plain pause: only for checking that nothing happens for a while (say why at the call). */
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** A test file's world: dist/ served, its sandboxes started, one browser; registered with
 * node:test's before/after, read through the returned object once they ran. `w.ready` settles when
 * they are there (node:test may start a file's `before` hooks together).
 *
 * - `world(sandboxArgs)` (an array, or nothing): one sandbox started with those arguments, as
 *   `w.sandbox`.
 * - `world({ sandboxes: { name: [...args], … } })`: one sandbox per name, as `w.sandboxes.name`
 *   (started together); `{ sandboxes: {} }` for a file whose tests start their own.
 *
 * Whatever was started is stopped after the file, also when starting something else failed. */
export function world(spec = []) {
  const several = spec !== null && typeof spec === 'object' && !Array.isArray(spec);
  if (several && (typeof spec.sandboxes !== 'object' || spec.sandboxes === null)) {
    throw new Error('world({ sandboxes: { name: [...args] } }): no `sandboxes` object');
  }
  const wanted = several ? spec.sandboxes : { sandbox: spec };
  const w = { sandboxes: {} };
  let settle;
  w.ready = new Promise((ok, fail) => (settle = { ok, fail }));
  w.ready.catch(() => {});
  before(async () => {
    try {
      w.site = await serveDist();
      const started = await Promise.allSettled(Object.entries(wanted).map(async ([name, args]) => {
        w.sandboxes[name] = await startSandbox(args);
      }));
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      if (!several) w.sandbox = w.sandboxes.sandbox;
      w.browser = await launchBrowser();
      settle.ok(w);
    } catch (e) {
      settle.fail(e);
      throw e;
    }
  });
  after(async () => {
    await w.browser?.close();
    for (const sb of Object.values(w.sandboxes)) sb.stop();
    w.site?.close();
  });
  return w;
}
