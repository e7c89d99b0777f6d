// The page's service worker (issue 21). scripts/post-build.mjs writes the build's lists above this
// line: BUILD (one id per build), FIRST (the first load, precached at install) and LATER (the wasm
// parts first, then the pt-BR catalogue, the schemas, the manifest and icons: cached once the page
// is interactive and idle and says so). Every path is relative to this file, so any sub-path works.
// - Files of this build: cache-first from this build's cache (their names carry hashes, or they are
//   tied to the build by BUILD).
// - index.html (a navigation in scope): stale-while-revalidate; a fresh copy of another build is
//   not stored — it asks the browser to check for the new worker, which the page then offers.
//   When the build has a SHELL (release builds: index.html carries the main wasm for a first visit,
//   scripts/inline-wasm.mjs), the worker answers with that page instead — the same page with the
//   wasm as a file, which it has cached —: compiling from a file is faster than from the page's text,
//   and index.html is only read to find a new build.
// - Anything else (the user's Evolution server, other origins, non-GET): never touched.
// A new worker waits: only the page's "reload" button (sw-client.js) tells it to take over.
const CACHE = `evo-${BUILD}`;
const INDEX = new URL('./', location).href;
const inBuild = new Set([...FIRST, ...LATER].map((p) => new URL(p, location).href));

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FIRST.map((p) => new Request(p, { cache: 'no-cache' })))));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys().then((ks) => Promise.all(ks.filter((k) => k.startsWith('evo-') && k !== CACHE).map((k) => caches.delete(k)))));
});

/** The parts, catalogue and schemas, fetched one by one (what is cached already is skipped). */
async function cacheLater() {
  const c = await caches.open(CACHE);
  for (const p of LATER) {
    if (!(await c.match(p))) await c.add(p).catch(() => {});
  }
}

self.addEventListener('message', (e) => {
  if (e.data === 'later') e.waitUntil(cacheLater());
  if (e.data === 'skip') self.skipWaiting();
});

async function index(e) {
  const c = await caches.open(CACHE);
  const shell = SHELL && (await c.match(SHELL));
  // (a new Response: the page keeps the address it was opened at)
  const cached = shell ? new Response(shell.body, shell) : await c.match(INDEX);
  const fresh = fetch(INDEX, { cache: 'no-cache' }).then(async (r) => {
    if (r.ok) {
      // Same build when it names this build's wasm directory: keep it; else a new build is out.
      if ((await r.clone().text()).includes(WASM_DIR)) shell || (await c.put(INDEX, r.clone()));
      else self.registration.update().catch(() => {});
    }
    return r;
  });
  if (cached) {
    e.waitUntil(fresh.catch(() => {}));
    return cached;
  }
  return fresh;
}

async function fromBuild(req) {
  const c = await caches.open(CACHE);
  const hit = await c.match(req, { ignoreSearch: true });
  if (hit) return hit;
  const r = await fetch(req);
  if (r.ok) await c.put(req.url.split('?')[0], r.clone());
  return r;
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.search = '';
  url.hash = '';
  if (url.origin !== location.origin || !url.href.startsWith(INDEX)) return;
  if (req.mode === 'navigate' && (url.href === INDEX || url.href === `${INDEX}index.html`)) e.respondWith(index(e));
  else if (inBuild.has(url.href)) e.respondWith(fromBuild(req));
});
