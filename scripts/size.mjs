// Size benchmark: prints raw, gzip and brotli bytes of every file in dist/ and the total.
// Usage: node scripts/size.mjs [--build] [--strict]   (--build runs `trunk build --release` first;
// --strict exits 1 when the first load is over the ceiling of size-budget.json: the CI gate)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = resolve(new URL('..', import.meta.url).pathname);
if (process.argv.includes('--build')) {
  execFileSync('trunk', ['--skip-version-check', 'build', '--release'], { cwd: root, stdio: 'inherit' });
}
const dist = join(root, 'dist');
const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile()).sort();
const rows = files.map((f) => {
  const buf = readFileSync(join(dist, f));
  const gz = gzipSync(buf, { level: 9 }).length;
  const br = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return [f, buf.length, gz, br];
});
const total = rows.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3]], ['TOTAL', 0, 0, 0]);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
for (const [f, raw, gz, br] of [...rows, total]) console.log(`${f.padEnd(44)}${pad(raw, 10)}${pad(gz, 10)}${pad(br, 10)}`);
// The budget: `goal` is the target (150 KiB); `ceiling` is the ratchet CI enforces until the goal is
// reached — it only goes down.
const { goal, ceiling } = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
const kib = (n) => (n / 1024).toFixed(1);
console.log(`first load (brotli): ${total[3]} bytes = ${kib(total[3])} KiB; goal ${kib(goal)} KiB, ceiling ${kib(ceiling)} KiB`);
if (total[3] > goal) console.log(`over the goal by ${total[3] - goal} bytes (${kib(total[3] - goal)} KiB)`);
if (total[3] > ceiling) {
  console.log(`OVER THE CEILING by ${total[3] - ceiling} bytes: shrink the page (or record why in the README and raise size-budget.json)`);
  if (process.argv.includes('--strict')) process.exit(1);
} else {
  console.log(`${ceiling - total[3]} bytes under the ceiling`);
}
