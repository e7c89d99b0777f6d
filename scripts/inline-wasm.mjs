// The main wasm module written into index.html (issue 21, a first visit on a phone), a step of the
// post-build hook (scripts/post-build.mjs) in release builds: the page is then one request — the
// glue and the split loader, preloaded from the HTML's head, come while the rest of the HTML is still
// arriving —, so a first visit pays one round trip before the wasm instead of two.
//
// The encoding: one character per byte, each byte its own code point (U+0000–U+00FF, written as
// UTF-8 in the page), in `<script type=evo/wasm>` data blocks (never executed), so brotli sees the
// module's bytes almost as they are: measured +~1.9 KB brotli against the separate file, where
// base64 costs +11.7 KB. Three things the HTML parser would change are avoided:
// - NUL: the parser turns it into U+FFFD (script data state), which no byte is written as, so
//   U+FFFD is read back as 0;
// - CR: the parser turns CR and CR LF into LF: written as the rarest printable ASCII byte of this
//   module (`x`), and that byte as U+0100;
// - `<!--` or `</script` (which would end or re-mode the block): when the bytes hold one, `<` is
//   written as U+0101 (none in today's modules).
// After each block a classic inline script (`<script>__evoFeed()</script>`: the same text each
// time, so one CSP hash) reads the block back into bytes and hands them to a stream that
// `WebAssembly.compileStreaming` compiles as they come, while the rest of the page arrives. The
// module script (deferred: it runs once the page is parsed) gives the compiled module to the glue.
// The separate wasm file stays in the build: the service worker caches it for later visits.

/** The byte → code point map of `wasm` and the decoder's parameters. */
function encoding(wasm) {
  const freq = new Array(256).fill(0);
  for (const b of wasm) freq[b]++;
  let x = 0x21;
  for (let b = 0x21; b < 0x7f; b++) if (b !== 0x3c && freq[b] < freq[x]) x = b;
  const map = [...Array(256).keys()];
  map[0x0d] = x;
  map[x] = 0x100;
  return { map, x };
}

/** `wasm` as the text of data blocks of about `size` bytes each; `lt` true when `<` had to be
 *  written as U+0101. */
function encode(wasm, size) {
  const { map, x } = encoding(wasm);
  const text = (m) => {
    const blocks = [];
    for (let i = 0; i < wasm.length; i += size) {
      let s = '';
      const end = Math.min(wasm.length, i + size);
      for (let j = i; j < end; j += 8192) {
        s += String.fromCharCode(...Array.from(wasm.subarray(j, Math.min(end, j + 8192)), (b) => m[b]));
      }
      blocks.push(s);
    }
    return blocks;
  };
  const unsafe = (s) => /<!--|<\/script[\t\n\f\r />]/i.test(s);
  let blocks = text(map);
  let lt = false;
  if (blocks.some(unsafe)) {
    map[0x3c] = 0x101;
    lt = true;
    blocks = text(map);
  }
  return { blocks, x, lt };
}

/** The page's loader tags for a wasm written into it: returns `{ head, body }`, the scripts that go
 *  before the page's `</head>` (the boot script, then the module script that starts the glue) and
 *  the data blocks for the end of `<body>`. `glue` is the glue's path, `after` what the module
 *  script does once the page has started. */
export function inlineWasm(wasm, { glue, after = '', size = 32 * 1024 }) {
  const { blocks, x, lt } = encode(wasm, size);
  // Decoding a character: below U+0100 itself (the CR stand-in back to CR), U+FFFD (was NUL) 0,
  // U+0100 the stand-in byte, U+0101 `<`.
  const boot = `{let n=0,c;window.__evoWasm=WebAssembly.compileStreaming(new Response(new ReadableStream({start(k){c=k}}),`
    + `{headers:{'content-type':'application/wasm'}}));`
    + `window.__evoFeed=()=>{const d=document.currentScript.previousElementSibling,t=d.text,l=t.length,b=new Uint8Array(l);`
    + `for(let i=0,v;i<l;i++){v=t.charCodeAt(i);b[i]=v<256?(v===${x}?13:v):v===65533?0:v===256?${x}:60}`
    + `d.remove();c.enqueue(b);if(++n===${blocks.length}){c.close();performance.mark('evo-wasm')}}}`;
  const head = `<script>${boot}</script>`
    + `<script type="module">import init from '${glue}';await init({module_or_path:__evoWasm});${after}</script>`;
  const body = blocks.map((b) => `<script type=evo/wasm>${b}</script><script>__evoFeed()</script>`).join('');
  return { head, body, blocks: blocks.length, lt };
}
