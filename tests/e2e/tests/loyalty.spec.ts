// The loyalty programme end to end in the hotel demo: a guest who is not a
// member yet is enrolled (with a birthday, today, taken at enrolment), a
// stay is recorded and earns points through the earning rule (with the
// birthday-month bonus), the card shows the points and the progress to the
// next tier, a reward is redeemed and the balance falls, and the care job
// has made today's birthday task, which is completed in place.
import { test, expect } from '../fixtures';
import { LoyaltyPage } from '../pages/loyalty-page';

test.use({ locale: 'en-US' });

/** Today in the business's time zone (China, UTC+8), as YYYY-MM-DD. */
function businessToday(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

test('enrol, earn, see progress, redeem, and greet on the birthday', async ({ app }) => {
  const page = app.page;
  const loyalty = new LoyaltyPage(page);
  await app.open();
  await app.waitForDemo();
  await app.goTo('en', 'loyalty');

  await test.step('the dashboard shows the programme figures', async () => {
    expect(await loyalty.figure('fig-members')).toBeGreaterThan(0);
    expect(await loyalty.figure('fig-issued')).toBeGreaterThan(0);
    await expect(page.getByTestId('chart-tiers')).toBeVisible();
    await expect(page.getByTestId('top-rewards').locator('tbody tr').first()).toBeVisible();
  });

  await loyalty.actAs(1);

  const today = businessToday();
  const birthday = `1990-${today.slice(5)}`;
  const guest = await test.step('enrol a guest who is not a member, with a birthday today', async () => {
    const guest = await loyalty.openCandidateWithoutBirthday();
    await loyalty.enrolWithBirthday(birthday);
    // The tier follows the guest's stays of the last twelve months.
    await expect(page.getByTestId('member-tier')).toHaveText(/^(Silver|Gold|Platinum)$/);
    expect(await loyalty.balance()).toBe(0);
    return guest;
  });

  await test.step('record a stay: points by the earning rule, with the birthday-month bonus', async () => {
    const tier = (await page.getByTestId('member-tier').textContent())?.trim() ?? '';
    // Points per yuan by tier (hotel defaults), doubled in the birthday month.
    const rate: Record<string, number> = { Silver: 1, Gold: 1.5, Platinum: 2 };
    await loyalty.recordPurchase('1000');
    await expect.poll(() => loyalty.balance()).toBe(2 * 1000 * rate[tier]);
    await expect(loyalty.ledger()).toContainText('Earned');
    await expect(loyalty.ledger()).toContainText('Birthday-month bonus');
    await expect(page.getByTestId('member-progress')).toContainText(/so far: .* more to reach (Gold|Platinum)|Already at the top tier/);
    await expect(page.getByTestId('member-expiring')).toBeVisible();
  });

  await test.step('redeem a reward: the balance falls by its cost', async () => {
    const before = await loyalty.balance();
    await loyalty.redeem('免费早餐券');
    await expect.poll(() => loyalty.balance()).toBe(before - 1000);
    await expect(loyalty.ledger()).toContainText('Redeemed');
    await expect(loyalty.ledger()).toContainText('免费早餐券');
  });

  await test.step('a manual adjustment needs a reason and is refused without one', async () => {
    const before = await loyalty.balance();
    await page.getByLabel('Points (negative to deduct)').fill('50');
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    await expect(page.getByTestId('adjust-error')).toContainText('An adjustment needs a reason.');
    await page.getByLabel('Reason for the adjustment').fill('Goodwill for a late room');
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    await expect.poll(() => loyalty.balance()).toBe(before + 50);
  });

  await test.step("the care job made today's birthday task; complete it in place", async () => {
    await loyalty.openView('Care tasks');
    const row = loyalty.careRow(guest.id, 'Birthday');
    await expect(row).toBeVisible();
    // The demo guest's name is written in Chinese: the greeting is in
    // Chinese, whatever language the staff member reads the app in.
    await expect(row).toContainText('生日快乐');
    await row.getByRole('button', { name: `Mark the care task for ${guest.name} done` }).click();
    await expect(row).toHaveCount(0);
  });

  await test.step('the member list finds the new member by name', async () => {
    await loyalty.openView('Members');
    await page.getByLabel('Search by name or phone').fill(guest.name);
    await expect(page.getByTestId('members-table')).toContainText(guest.name);
  });
});

test('benefits, campaigns and holidays are edited in the settings, validated, and used', async ({ app }) => {
  const page = app.page;
  const loyalty = new LoyaltyPage(page);
  await app.open();
  await app.waitForDemo();
  await app.goTo('en', 'loyalty');
  await loyalty.actAs(1);
  await loyalty.openView('Programme settings');
  // The rows are counted below: only once the form is drawn.
  await expect(page.getByTestId('campaigns-table')).toBeVisible();

  const today = businessToday();
  const [month, day] = [Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  const campaignRows = page.getByTestId('campaigns-table').locator('tbody tr[data-testid^="campaign-"]');
  const holidayRows = page.getByTestId('holidays-table').locator('tbody tr[data-testid^="holiday-"]');

  await test.step('a new campaign and holiday left incomplete: every problem is named, nothing saved', async () => {
    const campaigns = await campaignRows.count();
    await page.getByRole('button', { name: 'Add a campaign' }).click();
    await expect(campaignRows).toHaveCount(campaigns + 1);
    const n = campaigns + 1;
    await page.getByLabel(`Bonus (%) (row ${n})`).fill('0');
    const holidays = await holidayRows.count();
    await page.getByRole('button', { name: 'Add a holiday' }).click();
    const h = holidays + 1;
    await page.getByLabel(`Month (row ${h})`).fill('2');
    await page.getByLabel(`Day (row ${h})`).fill('30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const error = page.getByTestId('settings-error');
    await expect(error).toContainText(`Campaign ${n} needs a name.`);
    await expect(error).toContainText(`Campaign ${n}'s bonus must be 1 to 1,000 percent.`);
    await expect(error).toContainText(`Holiday ${h}'s month and day are not a day of the year.`);
    await expect(error).toContainText(`Holiday ${h} needs a name in both languages.`);
  });

  await test.step('fixed, with a benefit for every tier and holiday greetings today for every tier', async () => {
    const n = await campaignRows.count();
    await page.getByLabel(`Campaign name (row ${n})`).fill('店庆双倍积分');
    await page.getByLabel(`Start date (row ${n})`).fill(today);
    await page.getByLabel(`End date (row ${n})`).fill(today);
    await page.getByLabel(`Bonus (%) (row ${n})`).fill('100');
    const h = await holidayRows.count();
    await page.getByLabel(`Month (row ${h})`).fill(String(month));
    await page.getByLabel(`Day (row ${h})`).fill(String(day));
    await page.getByLabel(`Chinese name (row ${h})`).fill('店庆日');
    await page.getByLabel(`English name (row ${h})`).fill('Store Day');
    // Today may already be one of the default holidays: keep only one of them.
    for (let i = h - 1; i >= 1; i--) {
      const m = await page.getByLabel(`Month (row ${i})`).inputValue();
      const d = await page.getByLabel(`Day (row ${i})`).inputValue();
      if (Number(m) === month && Number(d) === day) {
        await page.getByRole('button', { name: `Remove holiday ${i}` }).click();
      }
    }
    for (const tier of ['Silver', 'Gold', 'Platinum']) {
      await page.getByLabel(`${tier}: Personal stylist`).check();
    }
    await page.getByLabel('Holiday greetings from tier (from 0)').fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(page.getByTestId('settings-error')).toHaveCount(0);
  });

  await test.step('the saved values come back in the form', async () => {
    await loyalty.openView('Dashboard');
    await loyalty.openView('Programme settings');
    // The last campaign, looked up again until the form is drawn (counted
    // at once, the rows of a form not drawn yet were none).
    await expect(campaignRows.last().getByLabel(/^Campaign name \(row \d+\)$/)).toHaveValue('店庆双倍积分');
    await expect(page.getByLabel('Silver: Personal stylist')).toBeChecked();
  });

  await test.step("a member's card lists the new benefit", async () => {
    await loyalty.openView('Members');
    await page.getByTestId('members-table').locator('tbody tr').first().getByRole('link').click();
    await expect(page.getByTestId('member-benefits')).toContainText('Personal stylist');
  });

  await test.step("today's holiday greetings are care tasks, in the members' language", async () => {
    await loyalty.openView('Care tasks');
    const holiday = page.getByTestId('care-table').locator('tbody tr[data-kind="Holiday"]');
    await expect(holiday.filter({ hasText: '店庆日快乐' }).first()).toBeVisible();
  });
});
