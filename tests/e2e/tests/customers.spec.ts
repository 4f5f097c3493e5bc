// Customer 360 end to end on the hotel demo, in English: create a guest and
// find them by name and by pinyin initials, open the profile, edit it (a bad
// phone number is refused with a message first), log a WeChat contact with a
// follow-up and complete it from the follow-up list, merge a duplicate pair
// (the absorbed profile's records show on the survivor), and delete a guest
// and undo it.
import { test, expect } from '../fixtures';
import { CustomersPage } from '../pages/customers-page';

test.use({ locale: 'en-US' });

test('search, profile, edit, contact and follow-up, merge, delete and undo', async ({ app }) => {
  const page = app.page;
  const customers = new CustomersPage(page);
  await app.open();
  await app.waitForDemo();
  await app.goTo('en', 'customers');
  await expect(customers.rows().first()).toBeVisible();
  const all = await customers.listedCount();
  expect(all).toBeGreaterThanOrEqual(2000);
  // Only the rows in view are drawn: the list is virtualised.
  expect(await customers.rows().count()).toBeLessThan(100);

  await test.step('a demo guest is found by name, and the search is in the URL', async () => {
    const first = customers.rows().first().getByRole('link');
    const label = (await first.textContent()) ?? '';
    const chinese = /\(([^)]+)\)\s*$/.exec(label)?.[1] ?? label;
    await customers.searchFor(chinese);
    await expect(customers.rowLink(label)).toBeVisible();
    expect(await customers.listedCount()).toBeLessThan(all);
    await customers.searchFor('');
  });

  const id = await test.step('create a guest', async () => {
    await customers.openView('New customer');
    await customers.field('Name').fill('司马光明');
    await customers.field('Romanised name').fill('Sima Guangming');
    await customers.field('Phone').fill('138 1111 2222');
    await customers.save();
    await expect(customers.profileName()).toContainText('司马光明');
    await expect(page.getByTestId('profile-phone')).toHaveText('13811112222');
    return customers.profileId();
  });

  await test.step('find the guest by pinyin initials and by name', async () => {
    await customers.openView('Customer list');
    await customers.searchFor('smgm');
    await expect(customers.rows()).toHaveCount(1);
    await expect(customers.rowLink(/司马光明/)).toBeVisible();
    await customers.searchFor('司马');
    await expect(customers.rowLink(/司马光明/)).toBeVisible();
    await customers.rowLink(/司马光明/).click();
    await expect(page.getByTestId('profile')).toHaveAttribute('data-id', String(id));
  });

  await test.step('editing with a bad phone is refused with a message; a good one is normalised', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await customers.field('Phone').fill('12345');
    await customers.save();
    await expect(page.getByTestId('customer-phone-error')).toHaveText(
      'The phone number has 5 digits; a Chinese mobile has 11, other numbers 7 to 15.',
    );
    await expect(customers.field('Phone')).toHaveAttribute('aria-invalid', 'true');
    await customers.field('Phone').fill('+86 139-0000-1234');
    await customers.field('City').fill('杭州');
    await customers.save();
    await expect(page.getByTestId('profile-phone')).toHaveText('13900001234');
    await expect(page.getByTestId('history-table')).toContainText('city:  → 杭州');
  });

  await test.step('log a contact with a follow-up and complete it from the follow-up list', async () => {
    await customers.logContact('Asked about the spring festival package.', 'Send the offer');
    await expect(page.getByTestId('timeline-item').filter({ hasText: 'Asked about the spring festival package.' })).toBeVisible();
    await expect(page.getByTestId('profile-follow-up')).toContainText('Send the offer');
    await customers.openView('Follow-ups');
    await page.getByTestId('follow-up-filter-window').selectOption('7');
    const row = customers.followUpRows(id);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Send the offer');
    await row.getByTestId('follow-up-assign').selectOption({ index: 1 });
    await expect(row.getByTestId('follow-up-assign')).not.toHaveValue('');
    await row.getByRole('button', { name: /Complete the follow-up with/ }).click();
    await expect(customers.followUpRows(id)).toHaveCount(0);
    await customers.openProfile(id);
    await expect(page.getByText('No follow-ups scheduled.')).toBeVisible();
    await expect(page.getByTestId('timeline-item').filter({ hasText: 'Send the offer' })).toBeVisible();
  });

  await test.step('merge a duplicate pair: the records of both end up on the survivor', async () => {
    await customers.openView('Duplicates');
    const pair = customers.duplicateRows().filter({ hasText: 'Same phone' }).first();
    await expect(pair).toBeVisible();
    const a = Number(await pair.getAttribute('data-a'));
    const b = Number(await pair.getAttribute('data-b'));
    await customers.openProfile(a);
    const eventsA = await customers.timelineCount();
    await customers.openProfile(b);
    const eventsB = await customers.timelineCount();
    const emailB = (await page.getByTestId('profile-email').count()) > 0 ? await page.getByTestId('profile-email').textContent() : null;
    await customers.openView('Duplicates');
    await customers.duplicateRows().and(page.locator(`[data-a="${a}"][data-b="${b}"]`)).getByRole('link', { name: /^Merge / }).click();
    await expect(page.getByTestId('merge-view')).toBeVisible();
    const pickEmail = page.getByTestId('pick-email-b');
    if (emailB && (await pickEmail.count()) > 0) await pickEmail.check();
    await page.getByTestId('merge-submit').click();
    await expect(page.getByTestId('profile')).toHaveAttribute('data-id', String(a));
    expect(await customers.timelineCount()).toBe(eventsA + eventsB);
    if (emailB && (await pickEmail.count()) > 0) await expect(page.getByTestId('profile-email')).toHaveText(emailB);
    await expect(page.locator('[data-testid="history-row"][data-action="Merge"]').first()).toBeVisible();
    await page.goto(`/#/customers?id=${b}`);
    await expect(page.getByTestId('profile-missing')).toBeVisible();
  });

  await test.step('delete a guest after confirming, then undo it', async () => {
    await customers.openProfile(id);
    const events = await customers.timelineCount();
    await page.getByTestId('delete-customer').click();
    const dialog = page.getByRole('dialog', { name: 'Delete this customer?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByTestId('undo-banner')).toContainText('司马光明');
    await customers.searchFor('smgm');
    await expect(customers.rows()).toHaveCount(0);
    await page.getByTestId('undo-delete').click();
    await expect(page.getByTestId('profile')).toHaveAttribute('data-id', String(id));
    await expect(customers.profileName()).toContainText('司马光明');
    await expect(page.getByTestId('profile-phone')).toHaveText('13900001234');
    expect(await customers.timelineCount()).toBe(events);
  });

  await test.step('after a reload everything is still there', async () => {
    await app.reload();
    await expect(page.getByTestId('profile')).toHaveAttribute('data-id', String(id), { timeout: 60_000 });
    await expect(page.getByTestId('profile-phone')).toHaveText('13900001234');
  });
});

// The list draws only the rows in view and redraws them as the view scrolls
// or the search changes: a row's checkbox must follow its customer, and the
// selection must survive the redraws. Tagging the selection commits, which
// rebuilds the page; its confirmation must still be shown.
test('selection follows customers through scrolling, and the selection is tagged in bulk', async ({ app }) => {
  const page = app.page;
  const customers = new CustomersPage(page);
  await app.open();
  await app.waitForDemo();
  await app.goTo('en', 'customers');
  // The scrolling box around the table.
  const scroller = page.getByTestId('customers-table').locator('..');
  const firstId = () => customers.rows().first().getAttribute('data-id');
  const scrollTo = (top: number) => scroller.evaluate((el, y) => { el.scrollTop = y; }, top);

  await expect(customers.rows().first()).toBeVisible();
  const a = await firstId();
  await customers.rows().first().getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('1 customer selected');

  await test.step('scrolled away, the rows drawn for other customers are not checked', async () => {
    await scrollTo(40 * 200);
    await expect.poll(firstId).not.toBe(a);
    await expect(customers.rows().first()).toBeVisible();
    await expect(customers.rows().locator('input[type="checkbox"]:checked')).toHaveCount(0);
    await expect(page.locator(`[data-testid="customer-row"][data-id="${a}"]`)).toHaveCount(0);
  });

  const b = await test.step('a second customer is selected there; back at the top the first is still checked', async () => {
    // A row well inside the view: the first rows drawn are above it.
    const b = await customers.rows().nth(6).getAttribute('data-id');
    await page.locator(`[data-testid="customer-row"][data-id="${b}"]`).getByRole('checkbox').check();
    await expect(page.getByTestId('bulk-bar')).toContainText('2 customers selected');
    await scrollTo(0);
    await expect.poll(firstId).toBe(a);
    await expect(customers.rows().first().getByRole('checkbox')).toBeChecked();
    await expect(customers.rows().locator('input[type="checkbox"]:checked')).toHaveCount(1);
    return b;
  });

  await test.step('a search redraws the rows; only the selected customer among them is checked', async () => {
    const name = (await customers.rows().first().getByRole('link').textContent()) ?? '';
    const chinese = /\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name;
    await customers.searchFor(chinese);
    await expect(customers.rowLink(name)).toBeVisible();
    for (const row of await customers.rows().all()) {
      const checked = await row.getByRole('checkbox').isChecked();
      expect(checked).toBe((await row.getAttribute('data-id')) === a);
    }
    await customers.searchFor('');
  });

  await test.step('the two selected customers are tagged, and the tag filter lists exactly them', async () => {
    await page.getByTestId('bulk-tag').fill('回访名单');
    await page.getByRole('button', { name: 'Tag the selected customers' }).click();
    await expect(page.getByTestId('bulk-notice')).toContainText('Tagged 2 selected customers');
    await page.getByTestId('filter-tag').selectOption('回访名单');
    await expect.poll(() => customers.listedCount()).toBe(2);
    const ids = await customers.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids.sort()).toEqual([a, b].sort());
  });
});
