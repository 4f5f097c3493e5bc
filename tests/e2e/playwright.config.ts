// End-to-end tests of the release build in dist/ (built by `trunk build --release`),
// in the system Chromium: Playwright must never download a browser of its own.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
// E2E_DIST tests another build directory (default: the repository's dist/).
const dist = path.resolve(here, '../..', process.env.E2E_DIST ?? 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  throw new Error(`${dist}/index.html is missing: build the app first (trunk build --release, or bash .ci/test)`);
}

// A fixed port keeps the address stable; E2E_PORT moves it if another run holds it.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}/`;

/** The flags the toolchain recipe needs: no sandbox as root, and no background
 * networking, which would flood the closed network with refused connections. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './tests',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // First open generates and stores the hotel demo; on 2 busy cores that can take a while.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  outputDir: './test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory "${dist}"`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
