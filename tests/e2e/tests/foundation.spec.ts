// The foundation a person meets first: the demo loads by itself, every page
// is reachable from the navigation, both languages work and are remembered,
// and data survives a reload.
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { CrmApp, PAGES, NAV_NAMES } from '../pages/crm-app';

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('loads the hotel demo and reaches every page from the navigation without errors', async ({ app }) => {
    await app.open();
    await app.waitForDemo();
    await expect(app.page.locator('html')).toHaveAttribute('lang', /^zh\b/);
    await app.expectNavIn('zh-CN');

    // Home last, so that every click changes the route.
    const order = [...PAGES.filter((key) => key !== 'home'), 'home' as const];
    for (const key of order) {
      await test.step(`open ${NAV_NAMES['zh-CN'][key]}`, async () => {
        await app.goTo('zh-CN', key);
      });
    }
    await expect(app.overviewCustomers()).toBeVisible();
  });

  test('switches to English, remembers it after a reload, and switches back', async ({ app }) => {
    await app.open();
    await app.waitForDemo();
    await app.expectLanguage('zh-CN');

    await app.switchLanguage('en');
    await app.reload();
    await app.expectLanguage('en');

    await app.switchLanguage('zh-CN');
    await app.reload();
    await app.expectLanguage('zh-CN');
  });
});

test.describe('in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('defaults to English', async ({ app }) => {
    await app.open();
    await app.waitForDemo();
    await app.expectLanguage('en');
  });

  test('loads the retail demo only after confirmation, and keeps it after a reload', async ({ app }) => {
    await app.open();
    await app.waitForDemo();
    await app.goTo('en', 'settings');
    await expect(app.dataSetText(/hotel/i)).toBeVisible();

    await test.step('cancel keeps the hotel data', async () => {
      await app.loadRetailDemoButton().click();
      await expect(app.dialog()).toBeVisible();
      await app.dialog().getByRole('button', { name: /cancel/i }).click();
      await expect(app.dialog()).toBeHidden();
      await expect(app.dataSetText(/hotel/i)).toBeVisible();
      await expect(app.dataSetText(/retail/i)).toHaveCount(0);
    });

    await test.step('confirm replaces it with the retail demo', async () => {
      await app.loadRetailDemoButton().click();
      await expect(app.dialog()).toBeVisible();
      await app.dialog().getByRole('button', { name: /load|confirm|replace|continue|yes|ok/i }).click();
      await expect(app.dialog()).toBeHidden();
      await expect(app.dataSetText(/retail/i)).toBeVisible({ timeout: 120_000 });
      await expect(app.dataSetText(/hotel/i)).toHaveCount(0);
    });

    await test.step('the retail demo is still there after a reload (IndexedDB)', async () => {
      await app.reload();
      await expect(app.mainHeading()).toBeVisible();
      await expect(app.dataSetText(/retail/i)).toBeVisible({ timeout: 60_000 });
      await expect(app.dataSetText(/hotel/i)).toHaveCount(0);
    });
  });
});

// On a first visit the analytics worker generates and stores the demo, and
// the page loads it from IndexedDB; a worker that declines (or cannot start)
// leaves the page to generate it itself. Either way the user gets the same
// demo, and it is stored.
test.describe('the first visit’s demo', () => {
  test.use({ locale: 'en-US', serviceWorkers: 'block' });

  const FIGURES = ['customers', 'transactions', 'revenue', 'members', 'open-complaints'];
  const figures = (page: Page) =>
    Promise.all(FIGURES.map((id) => page.getByTestId(`overview-${id}`).textContent()));

  test('comes from the worker, or from the page when the worker declines: the same data, stored', async ({ app, browser }) => {
    const seeded: string[] = [];
    app.page.on('worker', (worker) => seeded.push(worker.url()));
    await app.open();
    await app.waitForDemo();
    expect(seeded.some((url) => url.includes('worker')), 'a worker was started for the demo').toBe(true);
    const fromWorker = await figures(app.page);
    await app.reload();
    // After a reload the stored data set is shown, without the demo banner.
    await app.waitForData();
    expect(await figures(app.page), 'the worker’s demo was stored').toEqual(fromWorker);

    // A fresh profile whose worker declines every job, as one does without IndexedDB.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US', serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const declining = new CrmApp(page);
      declining.watchErrors();
      let asked = 0;
      await page.route('**/worker_loader.js', (route) => {
        asked += 1;
        return route.fulfill({
          contentType: 'text/javascript',
          body: `self.onmessage = () => { self.postMessage('"Declined"'); }; self.postMessage('ready');`,
        });
      });
      await declining.open();
      await declining.waitForDemo();
      expect(asked, 'the page asked the (declining) worker first').toBeGreaterThan(0);
      expect(await figures(page), 'the page’s own demo is the worker’s').toEqual(fromWorker);
      await declining.reload();
      await declining.waitForData();
      expect(await figures(page), 'the page’s own demo was stored').toEqual(fromWorker);
      expect(declining.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
