// The foundation a person meets first: the demo loads by itself, every page
// is reachable from the navigation, both languages work and are remembered,
// and data survives a reload.
import { test, expect } from '../fixtures';
import { PAGES, NAV_NAMES } from '../pages/crm-app';

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
