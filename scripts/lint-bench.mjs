// Lint speed side by side (run through scripts/lint-bench.sh, which builds the wasm module):
// evo-core's `lint` (wasm) vs jsonc-parser's parseTree vs JSON.parse, on one generated ~1.4 MB
// create payload (valid JSON: the seed fields, a long events list, many keys).
// Usage: node scripts/lint-bench.mjs <path to the wasm-bindgen nodejs glue> [seconds per contender]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseTree } from 'jsonc-parser';

const require = createRequire(import.meta.url);
const glue = process.argv[2] ?? 'target/lint-bench/evo_lint_wasm.js';
const seconds = Number(process.argv[3] ?? 1);
const { lint, utf8_len } = require(resolve(glue));

const EVENTS = ['APPLICATION_STARTUP', 'QRCODE_UPDATED', 'MESSAGES_SET', 'MESSAGES_UPSERT', 'MESSAGES_UPDATE',
  'MESSAGES_DELETE', 'SEND_MESSAGE', 'CONTACTS_SET', 'CONTACTS_UPSERT', 'CONTACTS_UPDATE', 'PRESENCE_UPDATE',
  'CHATS_SET', 'CHATS_UPSERT', 'CHATS_UPDATE', 'CHATS_DELETE', 'GROUPS_UPSERT', 'GROUP_UPDATE',
  'GROUP_PARTICIPANTS_UPDATE', 'CONNECTION_UPDATE', 'CALL', 'NEW_JWT_TOKEN'];

/** A valid create payload (v1 shape, as the Rust bench's) of about `size` bytes, pretty-printed. */
function payload(size, repeats) {
  const p = {
    instanceName: 'shop',
    token: '0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b',
    qrcode: true,
    integration: 'WHATSAPP-BAILEYS',
    webhook: 'https://hooks.example.com/evolution',
    webhook_by_events: false,
    // With `repeats`, a long events list: every event name over and over (each repeat is a lint
    // finding, as in a paste gone wrong), about a quarter of the text; else each event once.
    events: repeats ? Array.from({ length: Math.round(size / 4 / 24) }, (_, i) => EVENTS[i % EVENTS.length]) : EVENTS,
    // Many keys: metadata records with strings (escapes, non-ASCII), numbers, booleans, arrays.
    metadata: {},
  };
  const text = () => JSON.stringify(p, null, 2);
  for (let i = 0; ; i++) {
    p.metadata[`customer_${i}`] = { id: i, name: `Customer nº ${i}`, tags: ['vip', 'sp'], score: (i % 97) * 50 + 0.5, active: i % 2 === 0, note: 'line\nwith "quotes" and ção' };
    if (i % 500 === 0 && Buffer.byteLength(text()) >= size) return text();
  }
}

/** Median ms of one call, over at least `seconds` (and 9 calls), after 2 warm-up calls: the
 * median, not the mean, because this machine is shared and bursts of load hit single calls. */
function time(f) {
  f();
  f();
  const times = [];
  const start = performance.now();
  while (times.length < 9 || performance.now() - start < seconds * 1e3) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return times[times.length >> 1];
}

const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1e3);
console.log(`node ${process.version}; median call of >= ${seconds} s per contender`);
for (const [label, repeats] of [['long repeated events list + many keys', true], ['each event once + many keys', false]]) {
  const text = payload(1.4 * 1024 * 1024, repeats);
  const bytes = Buffer.byteLength(text);
  JSON.parse(text); // valid JSON
  const diagnostics = lint(text, false);
  if (!parseTree(text, [], { allowTrailingComma: true, disallowComments: false }) || utf8_len(text) !== bytes) throw new Error('setup failed');
  const rows = [
    ['evo-core lint (wasm)', time(() => lint(text, false))],
    ['  of which UTF-8 copy in', time(() => utf8_len(text))],
    ['jsonc-parser parseTree', time(() => parseTree(text, [], { allowTrailingComma: true, disallowComments: false }))],
    ['JSON.parse', time(() => JSON.parse(text))],
  ];
  console.log(`\npayload: ${label}: ${bytes} bytes (${(bytes / 1048576).toFixed(2)} MiB), ${diagnostics} diagnostics from lint`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(26)} ${ms.toFixed(2).padStart(9)} ms ${mbps(bytes, ms).toFixed(1).padStart(9)} MB/s`);
  const [lintMs, , jsoncMs, jsonMs] = rows.map((r) => r[1]);
  console.log(`lint vs jsonc-parser: ${(lintMs / jsoncMs).toFixed(2)}x the time (${(jsoncMs / lintMs).toFixed(2)}x the speed)`);
  console.log(`lint vs JSON.parse:   ${(lintMs / jsonMs).toFixed(2)}x the time (${(jsonMs / lintMs).toFixed(2)}x the speed)`);
}
