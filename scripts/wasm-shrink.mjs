// Two byte savings on the main module and its JS glue that no tool here offers, applied by
// scripts/wasm.mjs to release builds after wasm-bindgen and before wasm-opt (which then removes the
// code nothing reaches any more). Measured in the README's size table.
//
// 1. Short import names. wasm-bindgen names every JS function the wasm imports after the call and a
//    hash (`__wbg_setattribute_2b2d6c6bd6ac7a6c`) from the module "./evo-admin_bg.js", and the glue
//    defines each one under that name: ~200 imports, each name written twice. They become `a`, `b`,
//    … `aB` in both files (the module becomes `w`).
// 2. Exported classes nobody uses. Leptos always links server_fn, which links wasm-streams, whose
//    `IntoUnderlyingSource`/`…Sink`/`…ByteSource` are `#[wasm_bindgen]` classes: exports, so roots
//    that no dead-code pass removes, with their glue classes. The page never builds a stream from
//    Rust; the classes are taken out of the glue and their methods out of the wasm's exports.
// 3. wasm-bindgen's two "using deprecated parameters" warnings in the glue's init functions: the
//    page's loader and the split loader call them the current way (an object, or nothing).
//
// Every step checks what it assumed (each import name defined exactly once in the glue, nothing left
// that names a dropped export) and throws otherwise: a wasm-bindgen that writes its glue differently
// fails the build instead of making a page that breaks when it runs.

export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const GLUE_MODULE = './evo-admin_bg.js';

/** Returns `{ wasm, js }`: the module's bytes and the glue's text, both shrunk. */
export function shrink(wasm, js, { unusedClasses = UNUSED_CLASSES } = {}) {
  const sections = readSections(wasm);
  // 2. The unused classes: out of the glue, then their exports out of the wasm.
  const dropped = [];
  for (const cls of unusedClasses) {
    const before = js.length;
    js = js.replace(classRe(cls), '').replace(finalizationRe(cls), '');
    if (js.length === before) throw new Error(`wasm-shrink: class ${cls} not found in the glue`);
    const lc = cls.toLowerCase();
    dropped.push((name) => name.startsWith(`${lc}_`) || name === `__wbg_${lc}_free`);
  }
  for (const cls of unusedClasses) {
    if (js.includes(cls) || js.includes(cls.toLowerCase())) throw new Error(`wasm-shrink: the glue still names ${cls}`);
  }
  const exports = sections.find((s) => s.id === 7);
  let removed = 0;
  exports.body = writeExports(readExports(exports.body).filter((e) => {
    const drop = dropped.some((f) => f(e.name));
    removed += drop;
    return !drop;
  }));
  if (removed === 0 && unusedClasses.length) throw new Error('wasm-shrink: no export of the unused classes found');

  // 3. The deprecation warnings (a non-object argument is still taken as before, silently).
  const warnings = /\} else \{\n\s*console\.warn\('using deprecated parameters[^'\n]*'\)\n\s*\}/g;
  const found = js.match(warnings)?.length ?? 0;
  if (found !== 2) throw new Error(`wasm-shrink: ${found} deprecation warnings in the glue (expected 2)`);
  js = js.replace(warnings, '}');

  // 1. Short import names.
  const imports = sections.find((s) => s.id === 2);
  const entries = readImports(imports.body);
  const short = new Map();
  for (const e of entries.filter((e) => e.module === GLUE_MODULE)) {
    if (!short.has(e.name)) short.set(e.name, shortName(short.size));
    e.name = short.get(e.name);
    e.module = 'w';
  }
  for (const [long, s] of short) {
    const key = new RegExp(`(?<![\\w$])${long.replace(/\$/g, '\\$')}(?=:)`, 'g');
    const uses = js.match(new RegExp(`(?<![\\w$])${long.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
    const defs = js.match(key)?.length ?? 0;
    if (uses !== 1 || defs !== 1) throw new Error(`wasm-shrink: import ${long} is named ${uses} times in the glue (expected once, as a key)`);
    js = js.replace(key, s);
  }
  const moduleKey = `"${GLUE_MODULE}":`;
  if (js.split(moduleKey).length !== 2) throw new Error(`wasm-shrink: ${moduleKey} is not in the glue once`);
  js = js.replace(moduleKey, '"w":');
  imports.body = writeImports(entries);
  return { wasm: writeSections(wasm, sections), js, renamed: short.size, removedExports: removed };
}

/** `export class X { … }` and the line after it that makes `free` its disposer. */
function classRe(cls) {
  return new RegExp(`^export class ${cls} \\{\\n[\\s\\S]*?^\\}\\n(?:if \\(Symbol\\.dispose\\) ${cls}\\.prototype\\[Symbol\\.dispose\\] = ${cls}\\.prototype\\.free;\\n)?`, 'm');
}

/** `const XFinalization = (typeof FinalizationRegistry === 'undefined') ? … : new FinalizationRegistry(…);` */
function finalizationRe(cls) {
  return new RegExp(`^const ${cls}Finalization = [^;]*;\\n`, 'm');
}

/** a … z, A … Z, then two letters: valid JS identifiers and wasm names, never a reserved word. */
function shortName(i) {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return i < abc.length ? abc[i] : abc[Math.floor(i / abc.length) - 1] + abc[i % abc.length];
}

// ---- the wasm binary format: just what the two sections above need ----

class Reader {
  constructor(buf) {
    this.b = buf;
    this.i = 0;
  }
  u8() {
    return this.b[this.i++];
  }
  leb() {
    let r = 0;
    let s = 0;
    for (;;) {
      const x = this.b[this.i++];
      r += (x & 0x7f) * 2 ** s;
      s += 7;
      if (x < 0x80) return r;
    }
  }
  name() {
    const n = this.leb();
    const s = Buffer.from(this.b.subarray(this.i, this.i + n)).toString('utf8');
    this.i += n;
    return s;
  }
  bytes(n) {
    const s = this.b.subarray(this.i, this.i + n);
    this.i += n;
    return s;
  }
}

const leb = (n) => {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) x |= 0x80;
    out.push(x);
  } while (n > 0);
  return Buffer.from(out);
};
const name = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([leb(b.length), b]);
};

function readSections(wasm) {
  const r = new Reader(wasm);
  r.i = 8;
  const sections = [];
  while (r.i < wasm.length) {
    const id = r.u8();
    const size = r.leb();
    sections.push({ id, body: r.bytes(size) });
  }
  return sections;
}

function writeSections(wasm, sections) {
  const parts = [wasm.subarray(0, 8)];
  for (const s of sections) parts.push(Buffer.from([s.id]), leb(s.body.length), s.body);
  return Buffer.concat(parts);
}

function readExports(body) {
  const r = new Reader(body);
  const n = r.leb();
  const out = [];
  for (let k = 0; k < n; k++) out.push({ name: r.name(), kind: r.u8(), index: r.leb() });
  return out;
}

function writeExports(list) {
  return Buffer.concat([leb(list.length), ...list.flatMap((e) => [name(e.name), Buffer.from([e.kind]), leb(e.index)])]);
}

/** Imports keep their descriptor bytes as they are; only the two names change. */
function readImports(body) {
  const r = new Reader(body);
  const n = r.leb();
  const out = [];
  for (let k = 0; k < n; k++) {
    const module = r.name();
    const field = r.name();
    const start = r.i;
    const kind = r.u8();
    if (kind === 0) r.leb(); // function: type index
    else if (kind === 1) {
      r.u8(); // table: reference type, then limits
      limits(r);
    } else if (kind === 2) limits(r); // memory
    else if (kind === 3) r.bytes(2); // global: value type, mutability
    else if (kind === 4) {
      r.u8(); // tag: attribute, type index
      r.leb();
    } else throw new Error(`wasm-shrink: unknown import kind ${kind}`);
    out.push({ module, name: field, desc: body.subarray(start, r.i) });
  }
  return out;
}

function limits(r) {
  const flags = r.u8();
  r.leb();
  if (flags & 1) r.leb();
}

function writeImports(list) {
  return Buffer.concat([leb(list.length), ...list.flatMap((e) => [name(e.module), name(e.name), e.desc])]);
}
