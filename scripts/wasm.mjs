// The page's Rust → wasm pipeline, run by Trunk as its `build` hook (Trunk.toml), in place of Trunk's
// own `rel="rust"` pipeline, which cannot split a module (trunk-rs/trunk#1022): the split has to
// happen between cargo and wasm-bindgen.
//
// Release (`trunk build --release`):
//   1. cargo builds evo-admin for wasm32 with the `split` feature (build.rs adds `--emit-relocs`);
//   2. wasm-split-cli (wasm_split_cli_support, pinned in scripts/setup.sh) cuts the parts marked in
//      src/lazy.rs into their own modules, plus the chunks they share, and writes the loader
//      `__wasm_split.js` that fetches them on first use;
//   3. wasm-bindgen writes the JS glue of the main module (`--keep-lld-exports`: the parts import
//      the main module's table, memory and shared functions by name);
//   4. scripts/wasm-shrink.mjs shortens the import names and drops the exported classes nobody uses
//      (the one step tied to wasm-bindgen's output: skipped with EVO_DIET=0, see the README's
//      "Upgrading Leptos or wasm-bindgen");
//   5. wasm-opt optimizes each module; terser minifies the two JS files; scripts/wasm-bundle.mjs puts
//      the rules parts and the small chunks into two bundles (fewer requests; skipped with EVO_DIET=0).
// Debug (`trunk serve`): cargo and wasm-bindgen only — one module, nothing split, nothing optimized.
//
// The output goes to `<staging>/wasm-<hash of its contents>/` (a new name whenever a byte changes, so a
// CDN or browser cache never mixes two builds); scripts/post-build.mjs writes the loader and the
// preload links for it into index.html.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { BEFORE_MOUNT, bundle, filesOf, partsOf } from './wasm-bundle.mjs';
import { shrink } from './wasm-shrink.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk (Trunk.toml hook)');
const release = process.env.TRUNK_PROFILE === 'release';
// EVO_DIET=0: a build without the brittle byte savings (wasm-shrink.mjs), for an upgrade that breaks
// them; CI runs the e2e suite on such a build too (scripts/test.sh).
const diet = process.env.EVO_DIET !== '0';
const profile = release ? 'release' : 'debug';
// EVO_NAMES=1: a release build that keeps the functions' names (cargo's strip off, wasm-opt -g), for a
// CPU profile in DevTools (`--dist dist-names`: not for shipping, its wasm is ~2× bigger).
const names = process.env.EVO_NAMES === '1';
const NAME = 'evo-admin';
// wasm-opt at -O2 with features the target browsers have, and no inlining of one-caller functions
// (measured in the README's diet table: −3.1 KB brotli against -Oz); `-s 1` after `-O2` (not the
// same as -Os here): −706 B.
const WASM_OPT = ['-O2', '-s', '1', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-reference-types', '--enable-multivalue', '--enable-mutable-globals',
  '--one-caller-inline-max-function-size=0', '--converge',
  // The `producers` section (tool names and versions; nothing reads it): −115 B brotli.
  '--strip-producers', ...(names ? ['-g'] : [])];

const run = (cmd, args) => {
  console.log(`wasm: ${cmd} ${args.join(' ')}`);
  const env = names ? { ...process.env, CARGO_PROFILE_RELEASE_STRIP: 'false' } : process.env;
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });
};

const work = join(root, 'target', 'web', profile);
rmSync(work, { recursive: true, force: true });
const split = join(work, 'split');
const pkg = join(work, 'pkg');
mkdirSync(pkg, { recursive: true });

// Panic locations name their source files. Without a remap they carry this machine's paths
// (`$CARGO_HOME/registry/src/index.crates.io-…/`, `/rustc/<commit>/library/`), so a machine with another
// CARGO_HOME built a different wasm (CI measured 187 B brotli more than a local build of the same commit).
// Remapped to crate-relative paths (`tachys-0.2.19/src/…`): the same bytes on every machine, and shorter.
// (The prebuilt standard library keeps its own `/rustc/<commit>/library/` paths: the same everywhere.)
const remap = () => {
  const registry = join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'registry', 'src');
  const dirs = (() => { try { return readdirSync(registry); } catch { return []; } })();
  const commit = execFileSync('rustc', ['-vV'], { encoding: 'utf8' }).match(/commit-hash: (\w+)/)?.[1];
  const prefixes = [...dirs.map((d) => join(registry, d) + '/'), ...(commit ? [`/rustc/${commit}/library/`] : []),
    root.replace(/\/?$/, '/')];
  return prefixes.flatMap((p) => ['--remap-path-prefix', `${p}=`]);
};
// `--config` arrays are joined to .cargo/config.toml's rustflags, not put in their place.
const flags = release ? ['--config', `target.wasm32-unknown-unknown.rustflags=${JSON.stringify(remap())}`] : [];
run('cargo', ['build', ...flags, '--target', 'wasm32-unknown-unknown', '-p', NAME, '--bin', NAME,
  ...(release ? ['--release', '--features', 'split'] : [])]);
const linked = join(root, 'target', 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);

let main = linked;
let early = [];
if (release) {
  run('wasm-split-cli', [linked, split, '--target', 'web', '--out-name', NAME]);
  main = join(split, `${NAME}.wasm`);
  for (const f of readdirSync(split).filter((f) => f !== `${NAME}.wasm`)) cpSync(join(split, f), join(pkg, f));
  sortSharedImports(join(pkg, '__wasm_split.js'));
}
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkg, '--out-name', NAME,
  ...(release ? ['--keep-lld-exports'] : []), main]);

if (release && !diet) console.log('wasm: EVO_DIET=0 — wasm-shrink.mjs skipped');
if (release && diet) {
  const [wasmFile, jsFile] = [join(pkg, `${NAME}_bg.wasm`), join(pkg, `${NAME}.js`)];
  const small = shrink(readFileSync(wasmFile), readFileSync(jsFile, 'utf8'));
  writeFileSync(wasmFile, small.wasm);
  writeFileSync(jsFile, small.js);
  console.log(`wasm: ${small.renamed} imports renamed, ${small.removedExports} unused exports dropped`);
}
if (release) {
  for (const f of readdirSync(pkg).filter((f) => f.endsWith('.wasm'))) run('wasm-opt', [...WASM_OPT, join(pkg, f), '-o', join(pkg, f)]);
  await minifyJs(pkg);
  const parts = partsOf(readFileSync(join(split, '__wasm_split.js'), 'utf8'));
  let bundles = {};
  if (diet) {
    trimJs(pkg);
    bundles = bundle(pkg, parts);
    console.log(`wasm: ${Object.entries(bundles).map(([b, ms]) => `${b} (${ms.length} modules)`).join(', ')}`);
  }
  // What a pt-BR page fetches before it mounts: scripts/post-build.mjs preloads it from the HTML.
  early = BEFORE_MOUNT.flatMap((p) => filesOf(parts, p, bundles));
}

// The directory is named after its contents.
const hash = createHash('sha256');
for (const f of readdirSync(pkg).sort()) hash.update(f).update(readFileSync(join(pkg, f)));
const out = join(staging, `wasm-${hash.digest('hex').slice(0, 16)}`);
cpSync(pkg, out, { recursive: true });
writeFileSync(join(staging, 'wasm.json'), JSON.stringify({ dir: out.slice(staging.length + 1), name: NAME, early }));
console.log(`wasm: ${readdirSync(out).length} files → ${out}`);

/** wasm-split-cli lists the loader's shared imports (`memory`, `__indirect_function_table`,
 *  `__wasm_split_shared0`) in an order that changes from one build to the next: two builds of the
 *  same commit differed in `__wasm_split.js`, so in the `wasm-<hash>` directory's name (caches
 *  busted for nothing) and by ±100 B in the first load. Sorted here, in both places it writes them. */
function sortSharedImports(file) {
  const js = readFileSync(file, 'utf8');
  let n = 0;
  const out = js.replace(/(const \{|Object\.assign\(sharedImports\.__wasm_split, \{)([\w\s,]+)\}/g, (_, open, names) => {
    n++;
    return `${open} ${names.split(',').map((x) => x.trim()).filter(Boolean).sort().join(', ')} }`;
  });
  if (n !== 2) throw new Error(`wasm: ${n} lists of shared imports in ${file} (2 expected)`);
  writeFileSync(file, out);
}

/** terser over the JS glue and the split loader (measured −1.6 KB brotli on the first load). */
async function minifyJs(dir) {
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch {
    console.warn('wasm: terser is not installed (npm ci): JS left unminified');
    return;
  }
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    const { code } = await minify(src, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    writeFileSync(join(dir, f), code);
    console.log(`wasm: minified ${f} ${src.length} → ${code.length} bytes`);
  }
}

/** Two byte savings on the minified JS of the first load (issue 21: paying for the wasm inlined into
 *  index.html), each checked, so a wasm-bindgen or wasm-split that writes them differently fails
 *  the build (skipped with EVO_DIET=0):
 *  - the split loader writes the same function for each of its ~80 modules, only the file name
 *    differs: one function of the name instead (−91 B brotli);
 *  - the glue's console warning when a server sends the wasm without `application/wasm` (it still
 *    falls back to the slower compile, silently): −70 B. */
function trimJs(dir) {
  const loaderFile = join(dir, '__wasm_split.js');
  let loader = readFileSync(loaderFile, 'utf8');
  const each = /\(\)=>\{const (\w+)=fetch\(new URL\("\.\/(\w+)\.wasm",import\.meta\.url\)\);return async (\w+)=>WebAssembly\.instantiateStreaming\(\1,\3\)\}/g;
  const found = loader.match(each)?.length ?? 0;
  const modules = readdirSync(dir).filter((f) => f.endsWith('.wasm') && f !== `${NAME}_bg.wasm`).length;
  if (found !== modules) throw new Error(`wasm: ${found} module loaders in __wasm_split.js for ${modules} modules`);
  if (/\b__ld\b/.test(loader)) throw new Error('wasm: __wasm_split.js names __ld already');
  loader = loader.replace(each, (_, t, file) => `__ld("${file}")`);
  const head = loader.match(/^(?:import[^;]*;)*/)[0];
  loader = `${head}const __ld=n=>()=>{const t=fetch(new URL(\`./\${n}.wasm\`,import.meta.url));return async e=>WebAssembly.instantiateStreaming(t,e)};${loader.slice(head.length)}`;
  writeFileSync(loaderFile, loader);
  const glueFile = join(dir, `${NAME}.js`);
  const glue = readFileSync(glueFile, 'utf8');
  const warn = /console\.warn\("`WebAssembly\.instantiateStreaming` failed because your server does not serve Wasm with `application\/wasm` MIME type\. [^"]*",\w+\)/g;
  if ((glue.match(warn)?.length ?? 0) !== 1) throw new Error('wasm: the glue\'s MIME-type warning is not there once');
  writeFileSync(glueFile, glue.replace(warn, '0'));
  console.log(`wasm: split loader ${found} module loaders → one; the glue's MIME-type warning out`);
}
