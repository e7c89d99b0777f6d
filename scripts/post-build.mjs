// Trunk's one post_build hook (Trunk.toml), so its steps run in order on the staged files (Trunk
// starts the hooks of one stage all at once): first the module loader and preload links of the wasm
// that scripts/wasm.mjs (the build hook) staged, then, in release builds only — what is deployed —
// the CSP meta with the hash of that inline loader. (`trunk serve`, a debug build, injects its
// live-reload script when serving, after this hook: a CSP would block it.)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCsp, writeCsp } from './csp.mjs';
import { inlineWasm } from './inline-wasm.mjs';
import { prerender } from './prerender.mjs';
import { writeAppFiles, writeServiceWorker } from './pwa.mjs';

const SPLIT_LOADER = '__wasm_split.js';
const SHELL = 'index-shell.html';
// The pt-BR catalogue (src/i18n/mod.rs, DOMAIN_CATALOGUE), relative to the page.
const PT_CATALOGUE = 'i18n/pt-BR.txt';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const { first, wasmDir, shell, early } = writeLoader(dir);
// Release builds: the first screen prerendered into index.html (scripts/prerender.mjs), before its
// CSP (which allows its script by hash). Not into the later visits' page: the worker answers with it
// only after a visit, which saved a draft, so the copy would never be shown there.
// EVO_PRERENDER=0 leaves it out (to compare).
if (process.env.TRUNK_PROFILE === 'release' && process.env.EVO_PRERENDER !== '0') {
  // English as it mounts from the first load; pt-BR with the files it loads before it mounts.
  await prerender(dir, ['index.html'], { en: first, pt: [...first, ...early] });
}
if (process.env.TRUNK_PROFILE === 'release') writeCsp(join(dir, 'index.html'));
// The page for later visits, named by a hash of its bytes (so it is cached as immutable).
let shellName = null;
if (shell) {
  writeCsp(join(dir, shell));
  const bytes = readFileSync(join(dir, shell));
  shellName = `index-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.html`;
  renameSync(join(dir, shell), join(dir, shellName));
  first.push(shellName);
}
// Last, as it lists (and hashes) every staged file: the service worker (scripts/pwa.mjs).
writeServiceWorker(dir, first, wasmDir, shellName);

/** The main module's glue preloaded (with its integrity hash), its wasm fetched early, and the
 *  inline loader that starts the page — what Trunk writes for its own rust pipeline —, and, once
 *  the page runs, the service-worker client (scripts/pwa.mjs; the manifest link and theme colours
 *  too). Returns the first load's files (for the worker's precache) and the wasm directory. */
function writeLoader(staging) {
  const manifest = join(staging, 'wasm.json');
  const { dir: wasmDir, name, early = [] } = JSON.parse(readFileSync(manifest, 'utf8'));
  rmSync(manifest);
  // Subresource integrity by SHA-256 (as the CSP hashes; 20 characters of hash fewer each than
  // SHA-384: measured −146 B brotli on the page with the wasm inlined).
  const sri = (f) => `sha256-${createHash('sha256').update(readFileSync(join(staging, wasmDir, f))).digest('base64')}`;
  const js = `${name}.js`;
  const wasm = `${name}_bg.wasm`;
  // The glue imports the split loader: preloaded too, or it is fetched only once the glue is parsed
  // (measured: a serial ~17 ms before the wasm could start). No integrity on the wasm preload:
  // Chromium ignores it for `as=fetch` and says so in the console.
  const loader = existsSync(join(staging, wasmDir, SPLIT_LOADER))
    ? `<link rel="modulepreload" href="./${wasmDir}/${SPLIT_LOADER}" crossorigin integrity="${sri(SPLIT_LOADER)}">`
    : '';
  const { clientName, tags: appTags } = writeAppFiles(staging);
  const preloads = `${appTags}<link rel="modulepreload" href="./${wasmDir}/${js}" crossorigin integrity="${sri(js)}">${loader}`
    + headScript(staging, early.map((f) => `./${wasmDir}/${f}`));
  // The page with the wasm as a file, preloaded from the HTML (two round trips before the wasm is
  // in): what a debug build serves, and, in a release build, the page the service worker answers
  // later visits with (its wasm comes from the worker's cache, compiled from a file).
  const fileTags = `${preloads}<link rel="preload" href="./${wasmDir}/${wasm}" as="fetch" type="application/wasm" crossorigin>`
    + `<script type="module">import init from './${wasmDir}/${js}';await init({ module_or_path: './${wasmDir}/${wasm}' });import('./${clientName}')</script>`;
  const htmlPath = join(staging, 'index.html');
  // (the skipped `rel="rust"` link that keeps Trunk from building the crate itself)
  let html = readFileSync(htmlPath, 'utf8').replace(/<link\b[^>]*\bdata-trunk-skip\b[^>]*>/, '');
  // The stylesheet inlined (issue 21, first visit on a phone): one request fewer, and its bytes come
  // with the HTML's instead of sharing the wasm's bandwidth. Placed after the loader's tags, so the
  // preload scanner meets the wasm and glue first; a release build's CSP allows it by its hash
  // (scripts/csp.mjs). Trunk's hashed copy is dropped: nothing names it any more.
  const style = inlineStylesheet(staging, html);
  html = style.html;
  const at = html.search(/<\/head>|<body/i);
  if (at < 0) throw new Error(`no </head> or <body> in ${htmlPath} to put the loader before`);
  const page = (tags) => html.slice(0, at) + tags + style.tag + html.slice(at);
  // Release builds carry the main wasm in index.html (scripts/inline-wasm.mjs): one round trip
  // fewer on a first visit. EVO_INLINE_WASM=0 keeps it a file preloaded from the HTML (to compare);
  // EVO_INLINE_BLOCK_KB the size of its blocks (128).
  const inlined = process.env.TRUNK_PROFILE === 'release' && process.env.EVO_INLINE_WASM !== '0';
  // The data blocks at the end of <body> (Trunk's minifier may leave out `</body>`).
  const full = page(preloads);
  const end = full.search(/<\/body>|<\/html>|$/i);
  const whole = (body) => withCsp(full.slice(0, end) + body + full.slice(end)).html;
  const inline = inlined
    ? inlineWasm(readFileSync(join(staging, wasmDir, wasm)), { glue: `./${wasmDir}/${js}`, after: `import('./${clientName}')`,
      size: Number(process.env.EVO_INLINE_BLOCK_KB ?? 128) * 1024, whole })
    : null;
  let shell = null;
  if (inline) {
    writeFileSync(htmlPath, whole(inline.body));
    shell = SHELL;
    writeFileSync(join(staging, shell), page(fileTags));
  } else {
    writeFileSync(htmlPath, page(fileTags));
  }
  console.log(`post-build: loader for ${wasmDir}/${js}${style.tag ? ' and the stylesheet' : ''}`
    + `${inline ? `, the wasm in ${inline.blocks} blocks${inline.lt ? ' (with \`<\` escaped)' : ''}` : ''} written into index.html`
    + `${shell ? `; ${shell}: the same page with the wasm as a file, for later visits` : ''}`);
  const css = readdirSync(staging).filter((f) => f.endsWith('.css'));
  const first = [...css, clientName, ...[js, wasm, SPLIT_LOADER].map((f) => `${wasmDir}/${f}`)];
  return { first: first.filter((f) => existsSync(join(staging, f))), wasmDir, shell,
    early: [...early.map((f) => `${wasmDir}/${f}`), PT_CATALOGUE] };
}

/** The head's script, run before anything is shown.
 *  - A Portuguese reader's page loads its pt-BR texts before it mounts: the part that reads them, then
 *    `i18n/pt-BR.txt` (src/actions/texts.rs) — two round trips after the wasm has run (a first visit
 *    on a phone in pt-BR measured 2,890 ms against 1,488 in English). This script makes the same
 *    choice of language as the page (src/i18n/mod.rs, `starting_lang`: the saved one, else the first
 *    Portuguese or English tag of the browser's) and, for pt-BR, preloads those files while the HTML
 *    is still coming; the page's own requests then find them (same URL, same CORS mode). A wrong guess
 *    only costs a preload. `?v=`: the two signatures the catalogue file carries, as the page asks.
 *  - The saved colour theme (src/storage.rs), so the prerendered first screen (scripts/prerender.mjs)
 *    is drawn in it.
 *  - Which copy of that first screen is shown: `html.pre-en` or `html.pre-pt` (the language chosen
 *    above), or `html.nopre` when the page will not start as it was captured (a saved draft, a share
 *    link in the fragment; src/ui/app.rs, `initial_text`). */
function headScript(staging, files) {
  const cat = join(staging, PT_CATALOGUE);
  let urls = [];
  if (existsSync(cat)) {
    const sigs = [...readFileSync(cat, 'utf8').matchAll(/^evo-(?:core|admin)-i18n pt-BR ([0-9a-f]{16})$/gm)].map((m) => m[1]);
    if (sigs.length !== 2) throw new Error(`post-build: ${cat} does not carry two signatures`);
    urls = [...files, `./${PT_CATALOGUE}?v=${sigs.join('')}`];
  }
  // (Storage read through `g`: where the browser refuses it, the page starts as with nothing saved.)
  return '<script>{const d=document.documentElement,g=k=>{try{return localStorage.getItem(k)}catch{}},p=t=>(t=(t||"").trim().split(/[-_.@]/)[0].toLowerCase())=="pt"?1:t=="en"?0:null;'
    + 'let l=p(g("evo-admin.lang"));if(l==null)for(const t of navigator.languages)if((l=p(t))!=null)break;'
    + 'const t=g("evo-admin.theme");if(t)d.dataset.theme=t;'
    + 'd.classList.add(g("evo-admin.draft")||location.hash.length>1?"nopre":l?"pre-pt":"pre-en");'
    + `if(l)for(const h of${JSON.stringify(urls)})document.head.append(Object.assign(document.createElement("link"),{rel:"preload",as:"fetch",crossOrigin:"",href:h}))}</script>`;
}

/** Takes Trunk's `<link rel=stylesheet>` of a staged `.css` out of `html` and deletes that file;
 *  returns the page without it and the `<style>` to put back (empty when there was none). A `</`
 *  in the CSS would end the element early: refused (minified CSS has none). */
function inlineStylesheet(staging, html) {
  const link = html.match(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/i);
  const href = link?.[0].match(/\bhref=["']?(?:\.\/)?([^"' >]+\.css)/)?.[1];
  if (!href || !existsSync(join(staging, href))) return { html, tag: '' };
  const css = readFileSync(join(staging, href), 'utf8').trim();
  if (css.includes('</')) throw new Error(`${href} contains "</": it cannot be inlined in a <style>`);
  rmSync(join(staging, href));
  return { html: html.replace(link[0], ''), tag: `<style>${css}</style>` };
}
