// Fewer requests for the parts (issue 21, a first visit on a phone), applied by scripts/wasm.mjs to
// release builds after wasm-opt and terser.
//
// wasm-split-cli writes one module per part and one `chunk_N` per set of parts sharing code: 85
// chunks here, most under 1 KB. The 1.x rules, fetched as the page starts, needed 16 files; the
// configuration view 67. Over HTTP/1.1 a browser takes six at a time, each wave a round trip (562 ms
// on Lighthouse's mobile profile): the text was checked by its rules ~1.9 s after the page was
// usable. So some modules travel together, in a bundle:
//   - `bundle_rules`: the two rules parts (1.x and 2.x) and every chunk they need, fetched as the
//     page starts (one request; the 2.x rules are then there when a payload turns 2.x, even offline),
//     but for the chunks they share with the part a pt-BR page loads before it mounts (BEFORE_MOUNT);
//   - `bundle_small`: every other chunk under SMALL bytes brotli, and every chunk of BEFORE_MOUNT's
//     part (fetched with the first part that needs one of them: at start, with the rules).
// The parts themselves and the big chunks stay files of their own. Each module is in one place only,
// and the split loader instantiates it once, whichever part asked first.
//
// A bundle is a valid wasm module (so a CDN serves and compresses it as `application/wasm`) with one
// custom section, `evo`: a u32 count, a u32 length per module, then the modules one after the other.
// In the loader (its `__ld("chunk_N")` calls written by wasm.mjs's trimJs), a bundled module is
// `__lb(bundle, index)`: the bundle is fetched once (again after a failure) and the module
// instantiated from its bytes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** The parts the page loads as it starts (src/state.rs, `want_rules`). */
export const START = ['v1_rules', 'v2_rules'];
/** A part loaded before the page mounts (a pt-BR reader's catalogue, src/main.rs): every chunk it
 *  needs goes into `bundle_small` (even the one big one, and the two it shares with the rules, which
 *  leave `bundle_rules`), so such a page fetches two files before it mounts (the part, the small
 *  bundle; preloaded from the HTML by scripts/post-build.mjs), not the rules' 18 KB and not more
 *  requests than an HTTP/1.1 browser's six connections take at once. */
export const BEFORE_MOUNT = ['load_pt'];
/** A chunk under this many bytes brotli goes into `bundle_small`. */
export const SMALL = 1500;
/** Where a bundle's first module starts: magic, version, section id, 5-byte size, name length, "evo". */
const HEAD = 18;

/** The modules each part needs (its own first), read from wasm-split's loader before terser. */
export function partsOf(loaderSrc) {
  const parts = {};
  const re = /__wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(\w+)\.wasm"[\s\S]*?\n, \[([^\]]*)\]/g;
  for (const [, part, own, deps] of loaderSrc.matchAll(re)) {
    parts[part] = [own, ...deps.split(',').map((d) => d.trim().replace(/^__/, '')).filter(Boolean)];
  }
  return parts;
}

/** The files the split loader fetches to load `part` (a bundle stands for the modules it holds). */
export function filesOf(parts, part, bundles = {}) {
  const where = new Map(Object.entries(bundles).flatMap(([b, ms]) => ms.map((m) => [m, b])));
  return [...new Set((parts[part] ?? []).map((m) => `${where.get(m) ?? m}.wasm`))];
}

/** Writes the bundles into `dir`, removes the files they hold and rewrites the loader there; `parts`
 *  is `partsOf` of wasm-split's loader. Returns `{ name: [modules] }`. */
export function bundle(dir, parts, { start = START, before = BEFORE_MOUNT, small = SMALL } = {}) {
  for (const p of [...start, ...before]) if (!parts[p]) throw new Error(`wasm-bundle: no part ${p} in __wasm_split.js`);
  const early = new Set(before.flatMap((p) => parts[p]));
  const startAll = [...new Set(start.flatMap((p) => parts[p]))];
  const rules = startAll.filter((m) => !early.has(m));
  const brotli = (m) => brotliCompressSync(readFileSync(join(dir, `${m}.wasm`)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const chunks = [...new Set(Object.values(parts).flat())].filter((m) => m.startsWith('chunk_') && !rules.includes(m));
  const bundles = { bundle_rules: rules, bundle_small: chunks.filter((c) => early.has(c) || brotli(c) < small).sort(byNumber) };
  for (const [name, modules] of Object.entries(bundles)) {
    const bytes = modules.map((m) => readFileSync(join(dir, `${m}.wasm`)));
    writeFileSync(join(dir, `${name}.wasm`), pack(bytes));
    if (!unpack(readFileSync(join(dir, `${name}.wasm`))).every((b, i) => b.equals(bytes[i]))) {
      throw new Error(`wasm-bundle: ${name} does not read back`);
    }
    for (const m of modules) rmSync(join(dir, `${m}.wasm`));
  }
  // Each bundled module's loader, `__ld("chunk_19")`, becomes `__lb(bundle, index)`.
  const file = join(dir, '__wasm_split.js');
  let loader = readFileSync(file, 'utf8');
  const ld = 'const __ld=n=>()=>{';
  if (loader.split(ld).length !== 2) throw new Error('wasm-bundle: the loader\'s __ld is not there once');
  Object.values(bundles).forEach((modules, b) => modules.forEach((m, i) => {
    const call = `__ld("${m}")`;
    if (loader.split(call).length !== 2) throw new Error(`wasm-bundle: ${call} is not in the loader once`);
    loader = loader.replace(call, `__lb(${b},${i})`);
  }));
  // `__bf(b)`: bundle b's modules (fetched once; a failure is forgotten, so the next use fetches again).
  const lb = `const __N=${JSON.stringify(Object.keys(bundles))},__P=[],`
    + '__bf=b=>__P[b]??=fetch(new URL(`./${__N[b]}.wasm`,import.meta.url))'
    + '.then(r=>{if(!r.ok)throw Error(`${__N[b]}: ${r.status}`);return r.arrayBuffer()})'
    + `.then(a=>{const d=new DataView(a),n=d.getUint32(${HEAD},!0),m=[];let o=${HEAD + 4}+4*n;`
    + `for(let i=0;i<n;i++){const l=d.getUint32(${HEAD + 4}+4*i,!0);m.push(new Uint8Array(a,o,l));o+=l}return m})`
    + '.catch(e=>{delete __P[b];throw e}),'
    + '__lb=(b,i)=>()=>{const p=__bf(b);return async e=>WebAssembly.instantiate((await p)[i],e)};';
  writeFileSync(file, loader.replace(ld, lb + ld));
  return bundles;
}

const byNumber = (a, b) => Number(a.slice(6)) - Number(b.slice(6));

/** The bundle file: a wasm module whose one custom section `evo` holds the modules. */
export function pack(modules) {
  const counts = Buffer.alloc(4 + 4 * modules.length);
  counts.writeUInt32LE(modules.length, 0);
  modules.forEach((m, i) => counts.writeUInt32LE(m.length, 4 + 4 * i));
  const payload = Buffer.concat([Buffer.from([3]), Buffer.from('evo'), counts, ...modules]);
  // The section's size as a 5-byte LEB128 (padded), so the first module's offset does not depend on it.
  const size = Buffer.from([0, 1, 2, 3, 4].map((i) => ((payload.length >>> (7 * i)) & 0x7f) | (i < 4 ? 0x80 : 0)));
  const out = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0]), size, payload]);
  if (out.length - payload.length + 4 !== HEAD) throw new Error('wasm-bundle: header size');
  return out;
}

/** The modules of a bundle file (what the loader does, for the build's own check). */
export function unpack(buf) {
  const n = buf.readUInt32LE(HEAD);
  const out = [];
  let o = HEAD + 4 + 4 * n;
  for (let i = 0; i < n; i++) {
    const l = buf.readUInt32LE(HEAD + 4 + 4 * i);
    out.push(buf.subarray(o, o + l));
    o += l;
  }
  return out;
}
