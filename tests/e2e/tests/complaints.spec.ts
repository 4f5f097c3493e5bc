// Complaint handling end to end, as a front-desk employee of the hotel demo
// would do it: read the dashboard, file a complaint for a loyalty member found
// by search, assign it, acknowledge and investigate it, resolve it with points
// (credited to the points ledger in the same change), record the follow-up
// score, and see the dashboard figures move.
import { test, expect } from '../fixtures';
import { ComplaintsPage } from '../pages/complaints-page';

test.use({ locale: 'en-US' });

test('a complaint filed at the desk goes from intake to follow-up and the dashboard follows', async ({ app }) => {
  const page = app.page;
  const complaints = new ComplaintsPage(page);
  await app.open();
  await app.waitForDemo();
  await app.goTo('en', 'complaints');

  const actor = await test.step('pick who is acting', async () => complaints.actAs(1));

  const before = await test.step('read the dashboard', async () => {
    const figures = await complaints.readDashboard();
    expect(figures.total).toBeGreaterThan(0);
    expect(figures.csatResponses).toBeGreaterThan(0);
    expect(Number.isFinite(figures.csatMean)).toBe(true);
    return figures;
  });

  await test.step('file a complaint for a member guest found by search', async () => {
    await complaints.openView('File a complaint');
    await expect(page.getByRole('heading', { name: 'File a new complaint' })).toBeVisible();
    // Submitting empty says what is missing, beside each field.
    await page.getByRole('button', { name: 'File the complaint and open it' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /The form has \d+ problems/ })).toBeVisible();
    await expect(page.getByText('Describe what happened.')).toBeVisible();
    await expect(page.getByLabel('What happened')).toHaveAttribute('aria-invalid', 'true');

    await complaints.chooseMemberGuest(['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang']);
    await page.getByLabel('Channel').selectOption({ label: 'In person at the desk' });
    await page.getByLabel('Complaint category').selectOption({ label: 'Service quality' });
    await page.getByLabel('Severity (P1 most urgent)').selectOption({ label: 'P2 major' });
    const stay = page.getByLabel(/Stay concerned/);
    if ((await stay.locator('option').count()) > 1) await stay.selectOption({ index: 1 });
    await page.getByLabel('What happened').fill('The air conditioner was noisy all night.');
    await page.getByLabel('What the customer asks for').fill('A quiet room and an apology.');
    await page.getByRole('button', { name: 'File the complaint and open it' }).click();
    await expect(page.getByRole('heading', { name: /^Complaint #\d+$/ })).toBeVisible();
    await complaints.expectStatus('Received');
    await expect(complaints.fact('complaint-membership')).toHaveText('Member');
    await expect(complaints.history()).toContainText('Complaint received');
  });

  const balanceBefore = await complaints.figureValue('complaint-points-balance');

  let owner = '';
  await test.step('assign it to a staff member', async () => {
    const picker = page.getByLabel('Responsible staff member');
    owner = ((await picker.locator('option').nth(2).textContent()) ?? '').trim();
    await picker.selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(complaints.fact('complaint-owner')).toHaveText(owner);
    await expect(complaints.history()).toContainText(`Assigned to ${owner}`);
  });

  await test.step('acknowledge and investigate: only valid steps are offered', async () => {
    const steps = page.getByRole('group', { name: 'Next steps' });
    await expect(steps.getByRole('button')).toHaveText(['Acknowledge']);
    await steps.getByRole('button', { name: 'Acknowledge' }).click();
    await complaints.expectStatus('Acknowledged');
    await expect(steps.getByRole('button')).toHaveText(['Start investigation']);
    await steps.getByRole('button', { name: 'Start investigation' }).click();
    await complaints.expectStatus('Investigating');
    await expect(steps.getByRole('button')).toHaveCount(0);
    await expect(complaints.history()).toContainText('Status: Acknowledged → Investigating');
    await expect(complaints.history()).toContainText(actor);
  });

  await test.step('resolve with loyalty points', async () => {
    await page.getByLabel('Solution').fill('Moved the guest to a quiet room; the engineer fixed the unit.');
    await page.getByRole('radio', { name: 'Loyalty points' }).check();
    await page.getByLabel('Number of points').fill('500');
    await page.getByRole('button', { name: 'Mark resolved' }).click();
    await complaints.expectStatus('Resolved');
    await expect(complaints.history()).toContainText(/Compensation: 500 points \(credited to the points ledger, entry #\d+\)/);
    await expect(complaints.fact('complaint-points-balance')).not.toHaveText(String(balanceBefore));
    expect(await complaints.figureValue('complaint-points-balance')).toBe(balanceBefore + 500);
    // The resolution scheduled the satisfaction call for the owner.
    await expect(complaints.fact('complaint-follow-up')).toHaveText(new RegExp(`^Due .+: ${owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} asks for a satisfaction score$`));
  });

  await test.step('record the follow-up score', async () => {
    await page.getByRole('radio', { name: '5 / 5' }).check();
    await page.getByRole('button', { name: 'Record the follow-up score' }).click();
    await expect(complaints.fact('complaint-csat')).toHaveText('5/5');
    await expect(complaints.history()).toContainText('Follow-up satisfaction: 5/5');
    await expect(complaints.fact('complaint-follow-up')).toHaveText(/^Done on .+ \(CSAT 5\/5\)$/);
    await complaints.expectStatus('Resolved');
  });

  await test.step('the dashboard figures changed', async () => {
    const after = await complaints.readDashboard();
    expect(after.total).toBe(before.total + 1);
    expect(after.open).toBe(before.open);
    expect(after.resolved).toBe(before.resolved + 1);
    expect(after.csatResponses).toBe(before.csatResponses + 1);
    expect(after.csatMean).toBeGreaterThan(before.csatMean);
  });
});

test('a manager changes the complaint settings; they persist and the resolve form offers the new cause', async ({ app }) => {
  const page = app.page;
  const complaints = new ComplaintsPage(page);
  const cause = 'Queue at the front desk too long';
  await app.open();
  await app.waitForDemo();
  await app.goTo('en', 'complaints');
  await complaints.openView('Complaint settings');
  await expect(page.getByRole('heading', { name: 'Complaint settings', level: 2 })).toBeVisible();
  const causes = page.getByTestId('settings-causes');
  const firstResponse = page.getByLabel('P1 critical: Time to first response', { exact: true });

  await test.step('invalid values are refused beside their fields', async () => {
    await firstResponse.fill('0');
    await page.getByRole('button', { name: 'Save complaint settings' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved: fix the problems marked below.' })).toBeVisible();
    await expect(firstResponse).toHaveAttribute('aria-invalid', 'true');
    await expect(firstResponse).toHaveAttribute('aria-describedby', 'set-p1-first-error');
    await expect(page.locator('#set-p1-first-error')).toHaveText('Enter a positive whole number.');
  });

  await test.step('add a root cause (empty and duplicate refused) and change P1 first response', async () => {
    await page.getByRole('button', { name: 'Add the cause' }).click();
    await expect(page.getByText('Type a root cause.')).toBeVisible();
    await page.getByLabel('New root cause').fill(`  ${cause} `);
    await page.getByRole('button', { name: 'Add the cause' }).click();
    await expect(causes.getByRole('listitem').filter({ hasText: cause })).toHaveCount(1);
    await page.getByLabel('New root cause').fill(cause);
    await page.getByLabel('New root cause').press('Enter');
    await expect(page.getByText('This cause is already on the list.')).toBeVisible();
    await page.getByLabel('New root cause').fill('');

    await firstResponse.fill('10');
    await page.getByLabel('P1 critical: Time to first response (unit)').selectOption({ label: 'minutes' });
    await page.getByRole('button', { name: 'Save complaint settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Complaint settings saved.' })).toBeVisible();
  });

  await test.step('the follow-up delay is checked too', async () => {
    const followUp = page.getByLabel('Follow-up call: days after resolution (0 = same day)');
    await expect(followUp).toHaveValue('1');
    await followUp.fill('31');
    await page.getByRole('button', { name: 'Save complaint settings' }).click();
    await expect(page.locator('#set-follow-up-error')).toHaveText('Enter a number of days from 0 to 30.');
    // The earlier save's confirmation is not shown beside a refused save.
    await expect(page.getByRole('status').filter({ hasText: 'Complaint settings saved.' })).toHaveCount(0);
    await followUp.fill('2');
    await page.getByRole('button', { name: 'Save complaint settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Complaint settings saved.' })).toBeVisible();
  });

  await test.step('after a reload both changes are still there', async () => {
    await app.reload();
    await expect(page.getByRole('heading', { name: 'Complaint settings', level: 2 })).toBeVisible();
    await expect(page.getByLabel('P1 critical: Time to first response', { exact: true })).toHaveValue('10');
    await expect(page.getByLabel('Follow-up call: days after resolution (0 = same day)')).toHaveValue('2');
    await expect(page.getByTestId('settings-causes').getByRole('listitem').filter({ hasText: cause })).toHaveCount(1);
  });

  await test.step('the resolve form of a complaint under investigation offers the new cause', async () => {
    await complaints.actAs(1);
    await complaints.openView('File a complaint');
    await complaints.chooseMemberGuest(['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang']);
    await page.getByLabel('Channel').selectOption({ label: 'In person at the desk' });
    await page.getByLabel('Complaint category').selectOption({ label: 'Service quality' });
    await page.getByLabel('Severity (P1 most urgent)').selectOption({ label: 'P1 critical' });
    await page.getByLabel('What happened').fill('Waited forty minutes at check-in.');
    await page.getByRole('button', { name: 'File the complaint and open it' }).click();
    await expect(page.getByRole('heading', { name: /^Complaint #\d+$/ })).toBeVisible();
    const steps = page.getByRole('group', { name: 'Next steps' });
    await steps.getByRole('button', { name: 'Acknowledge' }).click();
    await complaints.expectStatus('Acknowledged');
    await steps.getByRole('button', { name: 'Start investigation' }).click();
    await complaints.expectStatus('Investigating');
    const select = page.getByLabel('Root cause');
    await expect(select.locator('option', { hasText: cause })).toHaveCount(1);
    await select.selectOption({ label: cause });
  });
});
