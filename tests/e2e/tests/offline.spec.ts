// Static hosting and offline (issue 10): the built dist/ obeys its own strict
// Content-Security-Policy, works from a sub-path, opens with the network off
// after the first visit, and offers an update when a new version is deployed.
import { createServer, type Server } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { test, expect } from '../fixtures';

test.use({ locale: 'en-US' });

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../..', process.env.E2E_DIST ?? 'dist');

/** Waits until the service worker controls the page (its first install has finished). */
async function waitForServiceWorker(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
}

test('the page has no inline script, a strict CSP, a manifest and a service worker', async ({ app, page }) => {
  await app.open();
  await app.waitForDemo();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]') as HTMLLinkElement;
    return (await fetch(link.href)).json();
  });
  expect(manifest.start_url).toBe('./');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  await waitForServiceWorker(page);
});

test('after the first visit the app opens and works with the network off', async ({ app, page, context }) => {
  await app.open();
  await app.waitForDemo();
  await waitForServiceWorker(page);
  const customers = await app.customerCount();

  await context.setOffline(true);
  try {
    await app.reload();
    await expect.poll(() => app.customerCount(), { timeout: 60_000 }).toBe(customers);
    await app.goTo('en', 'complaints');
    await expect(page.getByRole('table').first()).toBeVisible();
    await app.goTo('en', 'settings');
    await expect(page.getByTestId('storage-usage')).toContainText(/uses \d/);
  } finally {
    await context.setOffline(false);
  }
});

test('a newly deployed version is offered as an update and applied on request', async ({ app, page }) => {
  await app.open();
  await app.waitForDemo();
  await waitForServiceWorker(page);
  await expect(page.getByTestId('update-ready')).toHaveCount(0);

  // "Deploy" a new version: any byte of sw.js changing is a new worker.
  const swPath = path.join(dist, 'sw.js');
  const original = await readFile(swPath, 'utf8');
  try {
    await writeFile(swPath, `${original}\n// deployed ${Date.now()}\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const banner = page.getByTestId('update-ready');
    await expect(banner).toBeVisible({ timeout: 60_000 });
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload and update' }).click()]);
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    await expect.poll(() => app.customerCount(), { timeout: 60_000 }).toBeGreaterThan(0);
  } finally {
    await writeFile(swPath, original);
  }
});

test.describe('under a sub-path', () => {
  let server: Server;
  let base = '';
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.wasm': 'application/wasm',
    '.css': 'text/css',
    '.png': 'image/png',
    '.webmanifest': 'application/manifest+json',
  };

  test.beforeAll(async () => {
    // A static host that serves dist/ only under /crm/, as a CDN folder would.
    server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/crm/')) {
        res.writeHead(404).end();
        return;
      }
      const rel = decodeURIComponent(url.pathname.slice('/crm/'.length)) || 'index.html';
      const file = path.resolve(dist, rel);
      if (!file.startsWith(dist + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm/`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('the app loads its demo and navigates from /crm/', async ({ app, page }) => {
    await page.goto(base);
    await app.waitForDemo();
    await app.goTo('en', 'segments');
    expect(page.url()).toBe(`${base}#/segments`);
    await waitForServiceWorker(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(base);
  });
});
