// The main wasm module written into index.html (issue 21, a first visit on a phone), a step of the
// post-build hook (scripts/post-build.mjs) in release builds: the page is then one request — the
// glue and the split loader, preloaded from the HTML's head, come while the rest of the HTML is still
// arriving —, so a first visit pays one round trip before the wasm instead of two.
//
// The encoding (only ASCII for 90 % of the bytes, so brotli sees the module's bytes almost as
// they are): a byte below 0x80 is its own character; a byte from 0x80 is two, an escape character
// `e` and the byte's low seven bits; `e` itself, as a byte, is U+0100. Measured against the separate
// file's brotli: +~0.3 KB (which escape and stand-in are picked matters to brotli, ±0.4 KB: the
// build tries a few, below); one character per byte (U+0000–U+00FF as UTF-8) costs +1.9 KB, base64
// +11.7 KB. Three things the HTML parser would change are avoided:
// - NUL: the parser turns it into U+FFFD (script data state), which is never written, so U+FFFD
//   is read back as 0;
// - CR: the parser turns CR and CR LF into LF: written as a rare ASCII character `x`, and `x`
//   itself as U+0101;
// - `<!--` or `</script` (which would end or re-mode the block): when the text holds one, `<` is
//   written as another rare character `y`, and `y` as U+0102 (none in today's module).
// After each block a classic inline script reads the block back into bytes and hands them to a
// stream that `WebAssembly.compileStreaming` compiles as they come, while the rest of the page
// arrives; after the last one it imports the glue (preloaded from the head) and gives it the
// compiled module. That script is the same text after every block (it sets itself up the first
// time): one CSP hash, as many as the file loader had.
// The separate wasm file stays in the build: the service worker caches it for later visits.

import { brotliCompressSync, constants } from 'node:zlib';
import { withCsp } from './csp.mjs';

/** The text of `bytes` with escape `e` and stand-ins `x` (for CR) and `y` (for `<`; 0: none). */
function text(bytes, e, x, y) {
  const s = (v) => (v === 13 ? x : v === x ? 0x101 : y && v === 0x3c ? y : y && v === y ? 0x102 : v);
  const out = [];
  for (const b of bytes) {
    if (b === e) out.push(0x100);
    else if (b < 0x80) out.push(s(b));
    else out.push(e, s(b & 0x7f));
  }
  return String.fromCharCode(...out);
}

/** `wasm` cut into blocks of about `size` bytes, each as text, and the page's `<body>` end made of
 *  them by `page(blocks, e, x, y)`; the escape and the CR stand-in are picked (of the module's
 *  rarest printable ASCII bytes) by the smallest brotli of the whole page, `whole(body)` (brotli's
 *  choices are global: the same body measures ±300 B apart in two pages). */
function encode(wasm, size, page, whole, tries) {
  const freq = new Array(256).fill(0);
  for (const b of wasm) freq[b]++;
  const rare = [...Array(0x7f).keys()].filter((b) => b > 0x20 && b !== 0x3c).sort((a, b) => freq[a] - freq[b] || a - b);
  const cut = (e, x, y) => {
    const blocks = [];
    for (let i = 0; i < wasm.length; i += size) {
      const part = wasm.subarray(i, Math.min(wasm.length, i + size));
      let t = '';
      for (let j = 0; j < part.length; j += 4096) t += text(part.subarray(j, j + 4096), e, x, y);
      blocks.push(t);
    }
    return blocks;
  };
  const br = (html) => brotliCompressSync(Buffer.from(html, 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const unsafe = (t) => /<!--|<\/script[\t\n\f\r />]/i.test(t);
  const trial = (e, x) => {
    let blocks = cut(e, x, 0);
    // `<` gets a stand-in only when a block would end early or change the parser's state.
    const y = blocks.some(unsafe) ? rare.find((b) => b !== e && b !== x) : 0;
    if (y) blocks = cut(e, x, y);
    const body = page(blocks, e, x, y);
    const n = br(whole(body));
    if (process.env.EVO_INLINE_TRACE) console.log(String.fromCharCode(e), String.fromCharCode(x), n);
    return { n, body, blocks, e, x, y };
  };
  // The escape first (with the rarest other byte as CR's stand-in), then the stand-in.
  let best = null;
  for (const e of rare.slice(0, tries)) {
    const t = trial(e, rare.find((b) => b !== e));
    if (!best || t.n < best.n) best = t;
  }
  for (const x of rare.slice(0, tries)) {
    if (x === best.e || x === best.x) continue;
    const t = trial(best.e, x);
    if (t.n < best.n) best = t;
  }
  return best;
}

/** The end of the page's `<body>` for a wasm written into it: the data blocks, each followed by
 *  the script that reads it; after the last, that script imports `glue` (a path) and starts it with
 *  the compiled module, then runs `after` (an expression). `whole(body)`: the page as it will be
 *  served with that body (to measure). Returns `{ body, blocks, lt }`. */
export function inlineWasm(wasm, { glue, after = '0', size = 128 * 1024, tries = 8, whole = (body) => body }) {
  const page = (blocks, e, x, y) => {
    // Reading a block back (`t`, its length `l`, into `b`, `o` bytes): `e` then a character is a
    // byte from 0x80; a character below 0x80 is itself (the stand-ins back to CR and `<`); U+FFFD
    // (was NUL) 0; U+0100–U+0102 `e`, `x`, `y`.
    const read = `for(;i<l;b[o++]=h|(v<128?v==${x}?13:${y ? `v==${y}?60:` : ''}v:v==65533?0:v==256?${e}:v==257?${x}:${y}))`
      + `h=(v=t.charCodeAt(i++))==${e}?(v=t.charCodeAt(i++),128):0`;
    // Checked here, on the text as the parser will give it (NUL as U+FFFD): the bytes come back.
    const back = new Function('t', `let l=t.length,b=new Uint8Array(l),o=0,i=0,v,h;${read};return b.subarray(0,o)`);
    const again = Buffer.concat(blocks.map((t) => back(t.replaceAll('\0', '\ufffd'))));
    if (!again.equals(wasm) || blocks.some((t) => t.includes('\r'))) throw new Error('inline-wasm: the blocks do not read back');
    // (the glue takes the compiled module's promise as its argument)
    const feed = `(self.__evo||=(()=>{let n=0,c,w=WebAssembly.compileStreaming(new Response(new ReadableStream({start(k){c=k}}),`
      + `{headers:{'content-type':'application/wasm'}}));`
      + `return()=>{let d=document.currentScript.previousSibling,t=d.text,l=t.length,b=new Uint8Array(l),o=0,i=0,v,h;${read};`
      + `d.remove();c.enqueue(b.subarray(0,o));++n<${blocks.length}||(c.close(),`
      + `import('${glue}').then(m=>m.default(w)).then(()=>${after}))}})())()`;
    return blocks.map((t) => `<script type=evo/wasm>${t}</script><script>${feed}</script>`).join('');
  };
  const { body, blocks, y, e, x } = encode(wasm, size, page, whole, tries);
  console.log(`inline-wasm: escape ${String.fromCharCode(e)}, CR as ${String.fromCharCode(x)}`);
  return { body, blocks: blocks.length, lt: y !== 0 };
}
