// Writes a strict Content-Security-Policy <meta> into the built index.html (a step of the post-build
// hook, scripts/post-build.mjs; also runnable by hand: node scripts/csp.mjs [path/to/index.html]). Any static host serves it as is.
// Inline scripts (the module loader) and the inlined stylesheet are allowed by their SHA-256 hash,
// computed here at build time; nothing else inline runs or applies. connect-src stays open to http(s) because the user's Evolution
// server can be any host (and the page fetches its own wasm).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the policy into `file` (an index.html), replacing any earlier one. */
export function writeCsp(file) {
  const { html, hashes, styles } = withCsp(readFileSync(file, 'utf8'), file);
  writeFileSync(file, html);
  console.log(`csp: ${hashes} inline script and ${styles} inline style hash(es) → ${file}`);
}

/** `html` with the policy (`{ html, hashes, styles }`: the page and how many hashes of each kind). */
export function withCsp(html, file = 'the page') {
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    // Scripts that run: no src, and no type but JavaScript's or module (the wasm's data blocks,
    // `type=evo/wasm` — scripts/inline-wasm.mjs —, are never executed: no hash for them).
    .filter((m) => {
      const open = m[0].slice(0, m[0].indexOf('>'));
      const type = open.match(/\btype=["']?([^"' >]+)/)?.[1];
      return !/\bsrc=/.test(open) && (!type || /^(module|text\/javascript)$/i.test(type));
    })
    .map((m) => sha(m[1]))
    .filter((h, i, all) => all.indexOf(h) === i);
  // The inlined stylesheet (scripts/post-build.mjs), allowed by its hash like the loader: style
  // attributes and any other <style> stay refused.
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]));
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data:",
    "connect-src 'self' http: https:",
    // The service worker (./sw.js) and the web app manifest (scripts/pwa.mjs), from the page's origin.
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // Trunk's release minifier writes `<meta charset=utf-8>`; a hand-written page `<meta charset="utf-8" />`.
  const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i;
  if (!charset.test(html)) throw new Error(`no <meta charset> in ${file} to put the policy after`);
  html = html.replace(charset, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  return { html, hashes: hashes.length, styles: styles.length };
}

// By hand: node scripts/csp.mjs path/to/index.html
if (process.argv[1] && process.argv[1].endsWith('csp.mjs')) {
  writeCsp(process.argv[2] ?? join('dist', 'index.html'));
}
