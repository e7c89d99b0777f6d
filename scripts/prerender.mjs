// The first screen, prerendered (issue 21, first visit on a phone): a step of the post-build hook
// (scripts/post-build.mjs), in release builds.
//
// On a first visit the page is blank until its wasm has come, compiled and mounted (~1.5 s on a
// phone, against ~0.6 s for a plain HTML form). This step opens the staged build in headless
// Chromium, as a first-time visitor on a public host would (no saved state, the rules not yet
// there), once in English and once in pt-BR, takes what the page mounted — its values, checked
// boxes, selections and disabled states written into the markup —, and puts it at the start of
// <body> (`<div id="pre">`, and the Portuguese copy in a `<template>` after it). The HTML
// streams it before the wasm's data blocks, so the page is on screen and its fields take input one
// round trip after the request, like the plain form's.
//
// When the app mounts, a small inline script (PRE_SCRIPT, allowed by its CSP hash) carries over what
// was typed, picked or ticked there (by element id, with the focus and the selection), removes the
// prerendered copy, and gives the values to the app's own inputs through `input`/`change` events —
// as if typed into them —; a click on one of the copy's buttons is made again on the app's, then. The prerendered copy has no `data-*` attributes (tests drive the app), its send
// button is the app's as it mounts: disabled, "Loading the rules…". The head's script
// (post-build.mjs) picks the copy in the page's language (`html.pre-pt`: PRE_SCRIPT puts the
// Portuguese copy in), or none (`html.nopre`) when the page will not start as it was captured: a
// saved draft, or a share link.
//
// The instance token of the starting payload is random per visit: the build's is replaced by a
// marker (in text and in the inputs' values), and PRE_SCRIPT writes a fresh UUID v4 in its place.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';

const MARK = '00000000-0000-4000-8000-00000000e7e0';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json' };
// A public-looking host (mapped to loopback), so the page starts as it does from a CDN: no sandbox
// address pre-filled, as on 127.0.0.1.
const HOST = 'evo-prerender.invalid';

/** The script after `<div id="pre">`. The Portuguese copy put in if the page is in pt-BR; a fresh
 *  token; the clicks on the copy's buttons (and section headings) noted. Then, once the app has put
 *  its first element into <body>: what changed in the copy (its values against their defaults), the
 *  focus, the copy removed, the changes given to the app's elements of the same ids, and the noted
 *  clicks made again on the app's buttons in the same places (the app mounts as the copy was
 *  captured: the same buttons in the same order, found before the changes can move any). */
export const PRE_SCRIPT = `{const P=document.getElementById("pre"),T=document.getElementById("pre-pt"),d=document.documentElement;if(P){`
  + `if(T&&d.classList.contains("pre-pt")){P.replaceChildren(T.content);P.lang="pt-BR";d.classList.remove("pre-pt")}T?.remove();`
  + `const r=crypto.getRandomValues(new Uint8Array(16));r[6]=r[6]&15|64;r[8]=r[8]&63|128;`
  + `const h=[...r].map(b=>(b+256).toString(16).slice(1)).join(""),u=[h.slice(0,8),h.slice(8,12),h.slice(12,16),h.slice(16,20),h.slice(20)].join("-");`
  + `const w=document.createTreeWalker(P,4);while(w.nextNode())w.currentNode.data=w.currentNode.data.replaceAll("${MARK}",u);`
  + `for(const e of P.querySelectorAll("input"))e.defaultValue=e.defaultValue.replaceAll("${MARK}",u);`
  + `const b=e=>e.type=="checkbox"||e.type=="radio",B="button,summary",k=[];`
  + `P.addEventListener("click",e=>{const t=e.target.closest(B);t&&k.push(t)});`
  + `new MutationObserver((m,o)=>{if(!m.some(x=>[...x.addedNodes].some(n=>n.nodeType==1&&n!=P&&!/SCRIPT/.test(n.tagName))))return;o.disconnect();`
  + `const a=document.activeElement,f=P.contains(a)&&a.id,s=f&&[a.selectionStart,a.selectionEnd],`
  + `c=[...P.querySelectorAll("input,textarea,select")].filter(e=>e.id&&(b(e)?e.checked!=e.defaultChecked:e.tagName=="SELECT"?[...e.options].some(o=>o.selected!=o.defaultSelected):e.value!=e.defaultValue)).map(e=>[e.id,b(e)?e.checked:e.value]),`
  + `x=[...P.querySelectorAll(B)];P.remove();const y=[...document.querySelectorAll(B)],z=k.map(t=>y[x.indexOf(t)]);`
  + `for(const[i,v]of c){const e=document.getElementById(i);if(e){v===!!v?e.checked=v:e.value=v;for(const t of["input","change"])e.dispatchEvent(new Event(t,{bubbles:!0}))}}`
  + `const e=f&&document.getElementById(f);if(e){e.focus();try{s[0]!=null&&e.setSelectionRange(...s)}catch{}}`
  + `for(const t of z)t?.isConnected&&t.click()`
  + `}).observe(document.body,{childList:!0})}}`;

/** Captures the staged page's first screen in English and in pt-BR (`staging`: Trunk's staging
 *  dir; `allowed`: per language, the files served — what the page loads before it mounts —, so
 *  nothing loaded later is in the capture) and writes it into each of `pages`: the English copy as
 *  `<div id="pre">`, the Portuguese one as `<template id="pre-pt">` (inert, no duplicate ids: the
 *  script puts it in the place of the English one for a pt-BR page). Returns what it wrote, or
 *  null when no browser is there to capture it (the page then works as before, without it). */
export async function prerender(staging, pages, allowed) {
  const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  let chromium;
  try {
    chromium = createRequire(import.meta.url)('playwright-core').chromium;
  } catch {
    chromium = null;
  }
  if (!chromium || !existsSync(browserPath)) {
    console.warn(`prerender: skipped (${chromium ? `no browser at ${browserPath}` : 'no playwright-core'}): the page has no prerendered first screen`);
    return null;
  }
  let serve = new Set();
  const server = createServer((req, res) => {
    const rel = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
    // Anything else (the rules, the parts) is held unanswered, as on a phone whose later requests
    // are still on their way: the capture is the page as it mounts, every time.
    if (rel !== 'index.html' && !serve.has(rel)) return;
    res.writeHead(200, { 'Content-Type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(readFileSync(join(staging, rel)));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const browser = await chromium.launch({ executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
  const got = {};
  try {
    for (const [lang, locale] of [['en', 'en-US'], ['pt', 'pt-BR']]) {
      serve = new Set(allowed[lang]);
      const context = await browser.newContext({ locale, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://${HOST}:${server.address().port}/`);
      await page.waitForFunction(() => performance.getEntriesByName('evo-mount').length > 0, null, { timeout: 30_000 });
      got[lang] = await page.evaluate(capture, MARK);
      const shown = await page.evaluate(() => document.documentElement.lang);
      await context.close();
      if (errors.length) throw new Error(`prerender: the page threw: ${errors.join('; ')}`);
      if (shown !== locale.replace('-US', '')) throw new Error(`prerender: the ${locale} page mounted in ${shown}`);
      const { token, stray, html } = got[lang];
      if (!token) throw new Error(`prerender: no instance token in the starting payload (${locale})`);
      if (stray) {
        const at = Math.max(html.indexOf(token), 0);
        throw new Error(`prerender: the token appears ${stray} time(s) outside the form's values (${locale}: …${html.slice(at - 300, at + 60)}…)`);
      }
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  const block = `<div id="pre">${got.en.html}</div><template id="pre-pt">${got.pt.html}</template><script>${PRE_SCRIPT}</script>`;
  for (const name of pages) {
    const file = join(staging, name);
    const html = readFileSync(file, 'utf8');
    const body = html.match(/<body\b[^>]*>/i);
    if (!body) throw new Error(`prerender: no <body> in ${file}`);
    const at = body.index + body[0].length;
    writeFileSync(file, html.slice(0, at) + block + html.slice(at));
  }
  console.log(`prerender: the first screen (en ${got.en.html.length} B, pt-BR ${got.pt.html.length} B; ${got.en.controls} controls; ${got.en.styles + got.pt.styles} style attribute(s) dropped) → ${pages.join(', ')}`);
  return got;
}

/** In the page: the app's mounted elements as markup, with their live state written in. */
function capture(mark) {
  const roots = [...document.body.children].filter((e) => !['SCRIPT', 'NOSCRIPT'].includes(e.tagName));
  const box = document.createElement('div');
  for (const e of roots) box.append(e.cloneNode(true));
  const all = (list) => list.flatMap((e) => [e, ...e.querySelectorAll('*')]);
  const [src, dst] = [all(roots), all([...box.children])];
  if (src.length !== dst.length) throw new Error('the copy does not match the page');
  let styles = 0;
  let controls = 0;
  const editor = document.querySelector('textarea#payload-editor');
  const token = editor?.value.match(/"token"\s*:\s*"([0-9a-f-]{36})"/)?.[1] ?? '';
  src.forEach((s, i) => {
    const d = dst[i];
    if (s instanceof HTMLInputElement) {
      controls++;
      if (s.type === 'checkbox' || s.type === 'radio') d.toggleAttribute('checked', s.checked);
      else d.setAttribute('value', token ? s.value.replaceAll(token, mark) : s.value);
    } else if (s instanceof HTMLTextAreaElement) {
      controls++;
      d.textContent = s.value;
    } else if (s instanceof HTMLOptionElement) {
      d.toggleAttribute('selected', s.selected);
    } else if (s instanceof HTMLSelectElement) {
      controls++;
    }
    if (s instanceof HTMLButtonElement || s instanceof HTMLInputElement || s instanceof HTMLSelectElement || s instanceof HTMLTextAreaElement) {
      d.toggleAttribute('disabled', s.disabled);
    }
    // Style attributes: refused by the page's CSP in markup (the app sets none today).
    if (d.hasAttribute('style')) styles++, d.removeAttribute('style');
    // Test ids and measures (`data-lint-ms`: the capture's own timing) are the app's: out of the copy,
    // which is then the same from one build to the next. Only the send button is marked, for tti.mjs.
    const id = d.getAttribute('data-testid');
    for (const a of [...d.attributes]) if (a.name.startsWith('data-')) d.removeAttribute(a.name);
    if (id === 'send') d.setAttribute('data-pre', 'send');
  });
  // Leptos' empty comment markers: nothing to show.
  const walk = document.createTreeWalker(box, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walk.nextNode()) comments.push(walk.currentNode);
  comments.forEach((c) => c.remove());
  // The token as the marker in text (the editor's, the preview's), as in the inputs' values above:
  // where PRE_SCRIPT writes the visit's own. Anywhere else (an attribute) it stays, and fails the build.
  if (token) {
    const text = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    while (text.nextNode()) text.currentNode.data = text.currentNode.data.replaceAll(token, mark);
  }
  const html = box.innerHTML;
  return { html, token, controls, styles, stray: token ? html.split(token).length - 1 : 0 };
}
