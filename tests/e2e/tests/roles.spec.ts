// Staff roles and privacy actions end to end on the hotel demo, in English:
// an administrator sets PINs; a wrong PIN is refused; front desk sees masked
// phone numbers and cannot export, back up, edit, delete or erase; a manager
// exports everything held on one customer and erases them, and the Home
// figures (customers, revenue, NPS, repurchase, points liability) are the
// same afterwards.
import { test, expect } from '../fixtures';
import { RolesPage } from '../pages/roles-page';

test.use({ locale: 'en-US' });

const FIGURES = ['overview-customers', 'overview-revenue', 'health-nps-value', 'health-repurchase-value', 'health-points-value'];

test('roles: PINs, sign-in, masking, refusals, privacy export and erase', async ({ app }) => {
  test.setTimeout(240_000);
  const page = app.page;
  const roles = new RolesPage(page);
  await app.open();
  await app.waitForDemo();
  const before: Record<string, string> = {};
  for (const id of FIGURES) {
    await expect(page.getByTestId(id)).not.toHaveText('');
    before[id] = (await page.getByTestId(id).textContent()) ?? '';
  }

  await test.step('roles are off until the administrator sets PINs; Settings says what they protect', async () => {
    await app.goTo('en', 'settings');
    await expect(page.getByTestId('roles-status')).toContainText('Roles are off');
    await expect(page.getByTestId('roles-limits')).toContainText('not server-side access control');
    await roles.setPins({ 'Front desk': '12' });
    await expect(page.getByTestId('roles-message')).toContainText('must be 4 to 8 digits');
    await roles.setPins({ 'Front desk': '1111', Manager: '2222', Administrator: '9999' });
  });

  await test.step('the app then asks who is at the desk; a wrong PIN is refused', async () => {
    await roles.signInAs('Front desk', '0000');
    await expect(roles.signInMessage()).toContainText('Wrong PIN. 4 more wrong tries', { timeout: 60_000 });
    await roles.signInAs('Front desk', '1111');
    await expect(roles.currentRole()).toHaveText('Signed in as: Front desk', { timeout: 60_000 });
  });

  await test.step('front desk sees masked contacts and cannot edit, delete, export or erase', async () => {
    await page.goto('/#/customers?id=1');
    await expect(page.getByTestId('profile')).toBeVisible();
    await expect(page.getByTestId('profile-phone')).toHaveText(/^\d{3}\*{4}\d{4}$/);
    await expect(page.getByTestId('delete-customer')).toHaveCount(0);
    await expect(page.getByTestId('edit-customer')).toHaveCount(0);
    await expect(roles.privacy()).toHaveCount(0);
    await page.goto('/#/customers?id=1&edit=1');
    await expect(page.getByTestId('role-denied')).toBeVisible();
    await page.goto('/#/customers');
    const row = page.getByTestId('customer-row').first();
    await expect(row).toBeVisible();
    await expect(row.locator('td').nth(2)).toHaveText(/^(\d{3}\*{4}\d{4}|)$/);
    await row.getByRole('checkbox').check();
    await expect(page.getByTestId('bulk-bar')).toBeVisible();
    await expect(page.getByTestId('export-selection-csv')).toHaveCount(0);
    await app.goTo('en', 'data');
    await expect(page.getByRole('button', { name: 'Export all customers (CSV)' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Download a full backup' })).toHaveCount(0);
  });

  await test.step('a manager sees everything and exports everything held on one customer', async () => {
    await roles.switchRole('Manager', '2222');
    await page.goto('/#/customers?id=1');
    await expect(page.getByTestId('profile-phone')).toHaveText(/^\d{11}$/);
    await expect(roles.privacy()).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export everything held on this customer' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-1-.*\.json$/);
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(json.format).toBe('crm-customer-data');
    expect(json.customer.id).toBe(1);
    for (const key of ['transactions', 'contacts', 'follow_ups', 'complaints', 'surveys', 'points_ledger', 'retention_tasks', 'audit']) {
      expect(Array.isArray(json[key]), key).toBe(true);
    }
    expect(json.transactions.length).toBeGreaterThan(0);
    await expect(page.getByTestId('privacy-outcome')).toContainText('Exported');
  });

  await test.step('the manager erases the customer after confirming; the audit shows it', async () => {
    const phone = (await page.getByTestId('profile-phone').textContent()) ?? '';
    await page.getByRole('button', { name: 'Erase personal data (anonymise)' }).click();
    const dialog = page.getByRole('dialog', { name: "Erase this customer's personal data?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Erase personal data' }).click();
    await expect(page.getByTestId('profile-name')).toContainText('Erased customer 1');
    await expect(page.getByTestId('profile-phone')).toHaveCount(0);
    await expect(page.getByTestId('history-table')).toContainText('Personal data erased');
    await expect(page.getByTestId('history-table')).not.toContainText(phone);
  });

  await test.step('aggregate figures are unchanged by the erase', async () => {
    await app.goTo('en', 'home');
    for (const id of FIGURES) {
      await expect(page.getByTestId(id), id).toHaveText(before[id]);
    }
  });
});
