// Lighthouse on the built app (issue 10), run by the end-to-end layer of
// `bash .ci/test` after Playwright: `node lighthouse.mjs` in tests/e2e.
//
// Serves dist/ (or $E2E_DIST) on 127.0.0.1:$E2E_PORT (default 4173),
// gzip-compressed as a CDN serves it (static-server.mjs), and runs
// Lighthouse 13 in the system Chromium with its desktop preset: the
// desktop screen AND the desktop throttling (10 Mbit/s, 40 ms round trip,
// no CPU slow-down; `formFactor: 'desktop'` alone keeps the mobile
// throttling of 1.6 Mbit/s, 150 ms and a 4x slower CPU). Fails unless
// best-practices and accessibility are 100. Lighthouse 13 has no PWA category,
// so installability is checked directly in the same Chromium over CDP:
// `Page.getInstallabilityErrors` must be empty, the manifest must be found
// and parse without errors, and a service worker must control the page.
// The performance and SEO scores are printed, not judged (they depend on how
// busy the machine is). The full report goes to test-results/lighthouse.json.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { serveDir } from './static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../..', process.env.E2E_DIST ?? 'dist');
const port = Number(process.env.E2E_PORT ?? 4173);
const url = `http://127.0.0.1:${port}/`;
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: build the app first`);
  process.exit(1);
}

/** Lighthouse in its own Chromium (it drives the browser over CDP). */
async function runLighthouse() {
  // chrome-launcher (Lighthouse's own) picks a free debugging port.
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: flags,
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      },
      desktopConfig,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/** Installability, as Chromium itself judges it. */
async function checkInstallability() {
  // A persistent profile: Chromium never offers to install from incognito,
  // which is what a plain Playwright context is.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'crm-lighthouse-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: flags,
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(url);
    // The service worker registers after start-up; wait until it controls a load.
    await page.waitForFunction(() => navigator.serviceWorker?.ready.then(() => true), null, { timeout: 60_000 });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
    const cdp = await browser.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const manifest = await cdp.send('Page.getAppManifest');
    return {
      installabilityErrors,
      manifestUrl: manifest.url,
      manifestErrors: manifest.errors ?? [],
      controlled: await page.evaluate(() => !!navigator.serviceWorker.controller),
    };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

let failed = false;
const server = await serveDir(port, dist);
try {
  const lhr = await runLighthouse();
  mkdirSync(path.join(here, 'test-results'), { recursive: true });
  writeFileSync(path.join(here, 'test-results', 'lighthouse.json'), JSON.stringify(lhr, null, 1));
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  console.log(`Lighthouse ${lhr.lighthouseVersion} on ${url} (desktop)`);
  for (const id of ['performance', 'accessibility', 'best-practices', 'seo']) {
    console.log(`  ${id.padEnd(15)} ${String(score(id)).padStart(3)}`);
  }
  const shown = (id) => lhr.audits[id]?.displayValue ?? '?';
  console.log(
    `  performance from: FCP ${shown('first-contentful-paint')}, LCP ${shown('largest-contentful-paint')}, ` +
      `TBT ${shown('total-blocking-time')}, Speed Index ${shown('speed-index')}, CLS ${shown('cumulative-layout-shift')}; ` +
      `${shown('total-byte-weight')}`,
  );
  for (const id of ['accessibility', 'best-practices']) {
    if (score(id) !== 100) {
      failed = true;
      console.error(`FAIL: ${id} is ${score(id)}, not 100. Failing audits:`);
      for (const ref of lhr.categories[id].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.error(`  - ${audit.id}: ${audit.title}`);
          for (const item of audit.details?.items ?? []) {
            console.error(`      ${JSON.stringify(item).slice(0, 300)}`);
          }
        }
      }
    }
  }
  const install = await checkInstallability();
  console.log(`  installability  manifest ${install.manifestUrl || '(none)'}, service worker controls the page: ${install.controlled}`);
  if (install.installabilityErrors.length > 0 || install.manifestErrors.length > 0 || !install.manifestUrl || !install.controlled) {
    failed = true;
    console.error('FAIL: not installable:', JSON.stringify(install, null, 1));
  } else {
    console.log('  installability  no errors (Page.getInstallabilityErrors is empty)');
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
