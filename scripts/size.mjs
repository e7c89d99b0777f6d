// Size benchmark: prints raw, gzip and brotli bytes of the first load (the files a visit fetches
// before the page is usable) and of the parts loaded on first use, with their totals.
// Usage: node scripts/size.mjs [--build] [--strict]   (--build runs `trunk build --release` first;
// --strict exits 1 when the first load is over the ceiling of size-budget.json: the CI gate)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = resolve(new URL('..', import.meta.url).pathname);
if (process.argv.includes('--build')) {
  execFileSync('trunk', ['--skip-version-check', 'build', '--release'], { cwd: root, stdio: 'inherit' });
}
// `--dist DIR`: another build (the EVO_DIET=0 one, scripts/test.sh).
const distArg = process.argv.indexOf('--dist');
const dist = distArg > 0 ? resolve(root, process.argv[distArg + 1]) : join(root, 'dist');
const size = (rel) => {
  const buf = readFileSync(join(dist, rel));
  const gz = gzipSync(buf, { level: 9 }).length;
  const br = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return [rel, buf.length, gz, br];
};
// The first load: index.html (with the stylesheet inlined into it at post-build, so its bytes are
// counted there), every file it names (a stylesheet if any, preloads, the loader's module and
// wasm), and what those JS modules import statically (the split loader). Everything else under a
// `wasm-*` directory is a part loaded on first use (src/lazy.rs); i18n/ and schema/ are fetched
// only by a pt-BR reader and by a download.
// (A link, `<a href>` — the schema download in the prerendered first screen —, is fetched when clicked.)
const named = (text, from) =>
  [...text.replace(/<a\b[^>]*>/g, '').matchAll(/(?:href|src)=["']?([^"' >]+)|(?:from|import)\s*\(?\s*["']([^"']+)["']|module_or_path:\s*["']([^"']+)["']/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((u) => !/^(data:|https?:|#)/.test(u))
    .map((u) => normalize(join(dirname(from), u)));
// Not the first load, though index.html names them: the service-worker client (`sw-client-*.js`,
// imported by the inline loader once the page is interactive; it registers sw.js, which the
// browser fetches after it) and the web app manifest (and its icons), which the browser reads
// apart from the page. The bytes index.html gains for them (the import, the manifest link, the
// theme colours, the CSP's worker-src and manifest-src) are counted with index.html.
const AFTER_INTERACTIVE = /^(sw-client-[0-9a-f]+\.js|manifest\.webmanifest)$/;
const first = new Set(['index.html']);
const queue = ['index.html'];
while (queue.length) {
  const f = queue.shift();
  if (!/\.(html|js)$/.test(f)) continue;
  for (const u of named(readFileSync(join(dist, f), 'utf8'), f)) {
    if (!first.has(u) && !AFTER_INTERACTIVE.test(u) && existsSync(join(dist, u))) first.add(u), queue.push(u);
  }
}
const wasmDirs = readdirSync(dist).filter((d) => d.startsWith('wasm-') && statSync(join(dist, d)).isDirectory());
// A release build carries its main wasm inside index.html (scripts/inline-wasm.mjs, counted there);
// the wasm file and `index-<hash>.html` (the page with the wasm as a file) are what the service
// worker caches for later visits, after the first one is usable: listed apart, counted in neither.
const forWorker = (f) => /_bg\.wasm$/.test(f) || /^index-[0-9a-f]{16}\.html$/.test(f);
const all = [...readdirSync(dist).filter((f) => forWorker(f)),
  ...wasmDirs.flatMap((d) => readdirSync(join(dist, d)).map((f) => join(d, f)))].filter((f) => !first.has(f)).sort();
const later = all.filter((f) => !forWorker(f));
const rows = [...first].sort().map(size);
const laterRows = later.map(size);
const workerRows = all.filter(forWorker).map(size);
const sum = (name, rs) => rs.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3]], [name, 0, 0, 0]);
const total = sum('FIRST LOAD', rows);
const pad = (s, n) => String(s).padStart(n);
const print = (r) => console.log(`${r[0].padEnd(60)}${pad(r[1], 10)}${pad(r[2], 10)}${pad(r[3], 10)}`);
console.log(`${'first load: file'.padEnd(60)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
[...rows, total].forEach(print);
if (laterRows.length) {
  console.log('loaded on first use (the parts in src/lazy.rs and the chunks they share):');
  [...laterRows, sum('ON FIRST USE', laterRows)].forEach(print);
}
if (workerRows.length) {
  console.log('cached by the service worker for later visits (the main wasm as a file, and the page that loads it):');
  workerRows.forEach(print);
}
// The budget: `goal` is the target (150 KiB); `ceiling` is the ratchet CI enforces until the goal is
// reached — it only goes down.
const { goal, ceiling } = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
const kib = (n) => (n / 1024).toFixed(1);
console.log(`first load (brotli): ${total[3]} bytes = ${kib(total[3])} KiB; goal ${kib(goal)} KiB, ceiling ${kib(ceiling)} KiB`);
if (total[3] > goal) console.log(`over the goal by ${total[3] - goal} bytes (${kib(total[3] - goal)} KiB)`);
if (total[3] > ceiling) {
  console.log(`OVER THE CEILING by ${total[3] - ceiling} bytes: shrink the page (or record why in the README and raise size-budget.json)`);
  if (process.argv.includes('--strict')) process.exit(1);
} else {
  console.log(`${ceiling - total[3]} bytes under the ceiling`);
}
