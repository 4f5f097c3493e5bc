// The `app` fixture: a CrmApp page object on a fresh browser context (so a
// fresh, empty IndexedDB), watching for console errors and page errors for the
// whole test and failing the test if there were any.
import { test as base, expect } from '@playwright/test';
import { CrmApp } from './pages/crm-app';

export const test = base.extend<{ app: CrmApp }>({
  app: async ({ page }, use) => {
    const app = new CrmApp(page);
    app.watchErrors();
    await use(app);
    expect(app.errors, 'console errors and page errors during the test').toEqual([]);
  },
});

export { expect };
