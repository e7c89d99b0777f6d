// Trunk's one post_build hook (Trunk.toml), so its steps run in order on the staged files (Trunk
// starts the hooks of one stage all at once). Release builds only — what is deployed: first the JS glue
// minified, then the CSP meta written with the hash of the final inline loader. (`trunk serve`, a debug
// build, injects its live-reload script when serving, after this hook: a CSP would block it.)
import { join } from 'node:path';
import { minifyGlue } from './minify-glue.mjs';
import { writeCsp } from './csp.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
if (process.env.TRUNK_PROFILE === 'release') {
  await minifyGlue(dir);
  writeCsp(join(dir, 'index.html'));
}
