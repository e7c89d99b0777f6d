// The installable, offline page (issue 21), a step of the post-build hook (scripts/post-build.mjs):
// the app icons (PNG, drawn here), the web app manifest, the hashed service-worker client
// (web/sw-client.js) and the service worker itself (web/sw.js with this build's file lists).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const WEB = new URL('../web/', import.meta.url).pathname;
/** The theme colours of style/main.css (`--bg` light and dark; `--accent` light for the icon). */
export const THEME = { light: '#f6f7f9', dark: '#111418', accent: '#0b6e4f' };

/** A square RGB PNG: the accent colour with a white ring, `n` pixels wide. */
export function icon(n) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(THEME.accent.slice(i, i + 2), 16));
  const raw = Buffer.alloc((n * 3 + 1) * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const d = Math.hypot(x + 0.5 - n / 2, y + 0.5 - n / 2) / n;
      const white = d > 0.22 && d < 0.3;
      raw.set(white ? [255, 255, 255] : [r, g, b], y * (n * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Writes icons, manifest and the hashed client into `staging`; returns the client's file name
 *  and the tags index.html needs (manifest link, theme colours for both schemes). */
export function writeAppFiles(staging) {
  for (const n of [192, 512]) writeFileSync(join(staging, `icon-${n}.png`), icon(n));
  const manifest = {
    name: 'Evolution API — create instance',
    short_name: 'Evolution admin',
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: THEME.light,
    theme_color: THEME.light,
    icons: [192, 512].map((n) => ({ src: `icon-${n}.png`, sizes: `${n}x${n}`, type: 'image/png' })),
  };
  writeFileSync(join(staging, 'manifest.webmanifest'), JSON.stringify(manifest));
  const client = readFileSync(join(WEB, 'sw-client.js'));
  const clientName = `sw-client-${createHash('sha256').update(client).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(staging, clientName), client);
  const tags = '<link rel="manifest" href="./manifest.webmanifest">'
    + `<meta name="theme-color" content="${THEME.light}" media="(prefers-color-scheme:light)">`
    + `<meta name="theme-color" content="${THEME.dark}" media="(prefers-color-scheme:dark)">`;
  return { clientName, tags };
}

/** Writes sw.js: the build's lists, then web/sw.js. `firstLoad` are the files index.html loads
 *  (relative to `staging`) and, in a release build, `shell` (index.html with the wasm as a file,
 *  what the worker answers later visits with) and the main wasm; everything else but sw.js is LATER. */
export function writeServiceWorker(staging, firstLoad, wasmDir, shell = null) {
  const all = [];
  const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : all.push(relative(staging, join(d, f)))));
  walk(staging);
  const files = all.filter((f) => f !== 'sw.js' && f !== 'index.html').sort();
  const first = ['./', ...files.filter((f) => firstLoad.includes(f)).map((f) => `./${f}`)];
  // The wasm parts first (what the page asks for next), then the catalogue, schemas and icons.
  const later = files.filter((f) => !firstLoad.includes(f)).sort((a, b) => (b.startsWith(wasmDir) - a.startsWith(wasmDir)))
    .map((f) => `./${f}`);
  const build = createHash('sha256');
  for (const f of ['index.html', ...files]) build.update(f).update(readFileSync(join(staging, f)));
  const head = `const BUILD=${JSON.stringify(build.digest('hex').slice(0, 16))},WASM_DIR=${JSON.stringify(wasmDir)},`
    + `SHELL=${JSON.stringify(shell && `./${shell}`)},`
    + `FIRST=${JSON.stringify(first)},LATER=${JSON.stringify(later)};\n`;
  writeFileSync(join(staging, 'sw.js'), head + readFileSync(join(WEB, 'sw.js'), 'utf8'));
  console.log(`pwa: sw.js with ${first.length} first-load and ${later.length} later files`);
}
