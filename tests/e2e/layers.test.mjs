// The page in layers (issue #18): each top-level module of the page crate (`src/`) imports only
// downward — views (`ui`) → actions → state / the API client (`http`) → browser, storage, i18n →
// theme; `lazy` (the parts' machinery) is a leaf. No browser needed: the test reads `src/**/*.rs`,
// collects the `crate::X` references of each top-level module (comments left out), prints the
// module graph and checks it: no circle, no edge up the layers, nothing out of `lazy`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SRC = new URL('../../src/', import.meta.url).pathname;

/** Each top-level module's layer: a module may import its own layer's (no circle) or lower ones. */
const LAYER = {
  ui: 4,
  actions: 3,
  state: 2,
  http: 2,
  browser: 1,
  storage: 1,
  i18n: 1,
  theme: 0,
  lazy: 0,
};
/** Modules that import nothing of the page. */
const LEAVES = ['lazy'];
/** The crate roots: they declare the modules and mount the page, they are no layer. */
const ROOTS = ['lib.rs', 'main.rs'];

const files = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });

/** `src/ui/app.rs` → `ui`, `src/state.rs` → `state`. */
const topModule = (path) => relative(SRC, path).split(sep)[0].replace(/\.rs$/, '');

/** The top-level modules `text` names through `crate::` (`crate::a::b`, `crate::{a, b::c}`). */
export function references(text) {
  const code = text
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n');
  const out = new Set();
  for (const m of code.matchAll(/(?<![\w$])crate::(\w+)/g)) out.add(m[1]);
  for (const m of code.matchAll(/(?<![\w$])crate::\{([^}]*)\}/g))
    for (const item of m[1].split(',')) {
      const name = item.trim().split('::')[0].trim();
      if (/^\w+$/.test(name) && name !== 'self') out.add(name);
    }
  return out;
}

/** The module graph: top-level module → the top-level modules it imports (itself left out). */
export function graph() {
  const g = {};
  for (const f of files(SRC)) {
    if (ROOTS.includes(relative(SRC, f))) continue;
    const from = topModule(f);
    g[from] ??= new Set();
    for (const to of references(readFileSync(f, 'utf8'))) if (to !== from) g[from].add(to);
  }
  return g;
}

/** The circles of `g` (each once, as the path that closes it). */
export function circles(g) {
  const found = new Map();
  const walk = (node, path) => {
    for (const next of g[node] ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = path.slice(at);
        const key = [...loop].sort().join(',');
        if (!found.has(key)) found.set(key, [...loop, next].join(' → '));
      } else walk(next, [...path, next]);
    }
  };
  for (const n of Object.keys(g)) walk(n, [n]);
  return [...found.values()];
}

const g = graph();
console.log('the page’s module graph (src/, top-level modules):');
for (const m of Object.keys(g).sort((a, b) => (LAYER[b] ?? 9) - (LAYER[a] ?? 9) || a.localeCompare(b)))
  console.log(`  ${m} (layer ${LAYER[m] ?? '?'}) → ${[...g[m]].sort().join(', ') || '(nothing)'}`);

test('every top-level module of the page has a layer', () => {
  const unknown = Object.keys(g).filter((m) => !(m in LAYER));
  assert.deepEqual(unknown, [], 'a new top-level module: give it its layer in LAYER');
});

test('no module circle among the page’s top-level modules', () => {
  assert.deepEqual(circles(g), []);
});

test('imports go down the layers: views → actions → state/http → browser/storage/i18n', () => {
  const up = [];
  for (const [from, tos] of Object.entries(g))
    for (const to of tos) if ((LAYER[to] ?? 9) > (LAYER[from] ?? -1)) up.push(`${from} → ${to}`);
  assert.deepEqual(up, []);
});

test('lazy (the parts’ machinery) is a leaf', () => {
  for (const m of LEAVES) assert.deepEqual([...(g[m] ?? [])], [], `${m} imports nothing of the page`);
});

test('actions are workflows: no view in them, and the four of issue 18 are there', () => {
  const dir = join(SRC, 'actions');
  const withViews = files(dir).filter((f) => /\bview!\s*[{(]|\bIntoView\b|\bAnyView\b/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(withViews.map((f) => relative(SRC, f)), []);
  const have = files(dir).map((f) => relative(dir, f));
  for (const f of ['create.rs', 'read_server.rs', 'export.rs', 'migrate.rs']) assert.ok(have.includes(f), `actions/${f}`);
});

test('the reader sees crate:: references, braces included, not comments', () => {
  const r = references('use crate::{browser, i18n::tr, storage};\n// crate::ui::x\nlet x = crate::http::get();\n$crate::lazy::T');
  assert.deepEqual([...r].sort(), ['browser', 'http', 'i18n', 'storage']);
  assert.deepEqual(circles({ a: new Set(['b']), b: new Set(['a']) }), ['a → b → a']);
});
