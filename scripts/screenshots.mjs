// Screenshots for the README: the release build (dist/) served like the e2e harness does, the
// sandbox API behind it, Debian's headless Chromium. English in the light theme and Brazilian
// Portuguese in the dark one, on a desktop (1280 px) and a phone (390 px) viewport, saved as
// docs/screenshots/{en-light,pt-BR-dark}-{desktop,phone}.png.
//
// Usage: trunk build --release && cargo build -p evo-sandbox && node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serveDist, startSandbox, launchBrowser } from '../tests/e2e/harness.mjs';
import { App } from '../tests/e2e/page.mjs';

const KEY = 'screenshots-key';
const OUT = join(ROOT, 'docs', 'screenshots');
// A payload with something to explain: a comment, a webhook given as a string in 2.x terms, no events.
const PAYLOAD = `{
  // a comment: the server would refuse it
  "instanceName": "loja-centro",
  "token": "",
  "qrcode": true,
  "webhook": "https://example.com/hook"
}
`;

const SHOTS = [
  { name: 'en-light', lang: 'en', scheme: 'light' },
  { name: 'pt-BR-dark', lang: 'pt-BR', scheme: 'dark' },
];
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 1000 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
];

mkdirSync(OUT, { recursive: true });
const site = await serveDist();
const sandbox = await startSandbox(['--key', KEY]);
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({
        locale: shot.lang, colorScheme: shot.scheme, viewport: vp.viewport, isMobile: vp.isMobile,
        hasTouch: vp.isMobile, deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      const app = new App(page);
      await app.goto(site.url);
      await app.connect(sandbox.url, KEY);
      await app.paste(PAYLOAD);
      await app.waitForDiagnostic({ code: 'json/comment' });
      // Desktop: the header, the connection and the builder; phone: the top of the page, or the
      // diagnostics with SCREENSHOT_DIAGNOSTICS=1 (longer words in Portuguese must fit 390 px too).
      await page.evaluate(() => document.activeElement?.blur());
      if (vp.isMobile && process.env.SCREENSHOT_DIAGNOSTICS) {
        await app.tid('diagnostics-summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      } else {
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      const file = join(OUT, `${shot.name}-${vp.name}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  sandbox.stop();
  site.close();
}
