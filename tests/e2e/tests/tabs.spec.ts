// Two tabs on one data set (issue 10): a change saved in one tab appears in
// the other without a reload, so no tab keeps editing stale data.
import { test, expect } from '../fixtures';
import { CrmApp } from '../pages/crm-app';

test.use({ locale: 'en-US' });

test('replacing the data set in one tab shows in the other', async ({ app, context }) => {
  await app.open();
  await app.waitForDemo();
  const other = new CrmApp(await context.newPage());
  other.watchErrors();
  await other.open();
  await expect.poll(() => other.customerCount(), { timeout: 60_000 }).toBeGreaterThan(0);
  await other.goTo('en', 'settings');
  await expect(other.dataSetText(/hotel/i)).toBeVisible();

  await app.goTo('en', 'settings');
  await app.loadRetailDemoButton().click();
  await app.dialog().getByRole('button', { name: /load|confirm|replace|continue|yes|ok/i }).click();
  await expect(app.dataSetText(/retail/i)).toBeVisible({ timeout: 120_000 });

  // The other tab follows by itself.
  await expect(other.dataSetText(/retail/i)).toBeVisible({ timeout: 60_000 });
  expect(other.errors).toEqual([]);
});
