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
const DIST = join(ROOT, 'dist');
export const SUB_PATH = '/admin/';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** A throw-away self-signed certificate for 127.0.0.1 (openssl), for the https page tests. */
function selfSignedCert() {
  const dir = mkdtempSync(join(tmpdir(), 'evo-e2e-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'),
    '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** Serves dist/ under SUB_PATH only (anything else is 404), like a plain static host; over https
 * with a self-signed certificate when `https` is set. */
export async function serveDist({ https = false } = {}) {
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

/** The usual test file's world: dist/ served, one sandbox started with `sandboxArgs`, one browser;
 * registered with node:test's before/after, read through the returned object once they ran.
 * `w.ready` settles when they are there (node:test may start a file's `before` hooks together). */
export function world(sandboxArgs) {
  const w = {};
  let settle;
  w.ready = new Promise((ok, fail) => (settle = { ok, fail }));
  w.ready.catch(() => {});
  before(async () => {
    try {
      w.site = await serveDist();
      w.sandbox = await startSandbox(sandboxArgs);
      w.browser = await launchBrowser();
      settle.ok(w);
    } catch (e) {
      settle.fail(e);
      throw e;
    }
  });
  after(async () => {
    await w.browser?.close();
    w.sandbox?.stop();
    w.site?.close();
  });
  return w;
}
