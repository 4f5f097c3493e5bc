// The Lifecycle page on the retail demo (issue 5): stage counts add up to
// the customer total, and a churn warning becomes a retention task that is
// then found in the task list.
import { test, expect } from '../fixtures';
import { LifecyclePage, STAGES } from '../pages/lifecycle-page';

const STRATEGY = 'Call and invite to the members’ day';

test.describe('Lifecycle in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('stage counts add up and a warning becomes a retention task', async ({ app, page }) => {
    const lifecycle = new LifecyclePage(page);
    await app.open();
    await app.waitForDemo();

    await test.step('load the retail demo', async () => {
      await app.goTo('en', 'settings');
      await app.loadRetailDemoButton().click();
      await expect(app.dialog()).toBeVisible();
      await app.dialog().getByRole('button', { name: /load|confirm|replace|continue|yes|ok/i }).click();
      await expect(app.dialog()).toBeHidden();
      await expect(app.dataSetText(/retail/i)).toBeVisible({ timeout: 120_000 });
    });

    await app.goTo('en', 'home');
    const customers = await app.customerCount();
    expect(customers).toBeGreaterThan(0);

    await app.goTo('en', 'lifecycle');

    await test.step('the stage counts add up to every customer', async () => {
      expect(await lifecycle.customerTotal()).toBe(customers);
      let sum = await lifecycle.notYetCount();
      for (const stage of STAGES) {
        const n = await lifecycle.stageCount(stage);
        expect(n, `stage ${stage}`).toBeGreaterThanOrEqual(0);
        sum += n;
      }
      expect(sum).toBe(customers);
      // The retail demo has customers at risk and dormant ones.
      expect(await lifecycle.stageCount('at-risk')).toBeGreaterThan(0);
      expect(await lifecycle.stageCount('dormant')).toBeGreaterThan(0);
      await expect(page.getByTestId('flow-table')).toBeVisible();
      await expect(page.getByTestId('cohort-table')).toBeVisible();
    });

    let customer = '';
    await test.step('the warning list shows reasons and value at risk', async () => {
      await lifecycle.openView('Churn warnings');
      await expect(lifecycle.warningTable()).toBeVisible();
      const rows = lifecycle.warningTable().locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      await expect(rows.first().locator('td').nth(3)).toContainText(/¥/);
      await expect(lifecycle.warningTable()).toContainText(/no purchase for \d+ days, usually every \d+ days/);
    });

    await test.step('a warning becomes a retention task', async () => {
      const first = await lifecycle.firstWarningWithoutTask();
      customer = first.customer;
      await first.row.getByRole('button', { name: `Create a retention task for ${customer}` }).click();
      await expect(lifecycle.taskForm()).toBeVisible();
      await lifecycle.taskForm().getByLabel('Owner').selectOption({ index: 1 });
      await lifecycle.taskForm().getByLabel('Strategy').fill(STRATEGY);
      await lifecycle.taskForm().getByRole('button', { name: 'Create retention task' }).click();
    });

    await test.step('the task is in the task list and can move on', async () => {
      await expect(page).toHaveURL(/#\/lifecycle\?view=tasks$/);
      const row = lifecycle.taskRow(customer, STRATEGY);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Find the opportunity');
      await expect(row).toContainText('In progress');
      await row.getByRole('button', { name: `Move the task for ${customer} to the next step` }).click();
      await expect(lifecycle.taskRow(customer, STRATEGY)).toContainText('Choose a strategy');
    });

    await test.step('the task survives a reload', async () => {
      await app.reload();
      await expect(lifecycle.taskRow(customer, STRATEGY)).toContainText('Choose a strategy');
    });

    await test.step('win-back and back-test show their numbers', async () => {
      await lifecycle.openView('Win-back');
      await expect(page.getByRole('table', { name: 'Win-back decisions' })).toBeVisible();
      await lifecycle.openView('Back-test');
      await expect(page.getByTestId('bt-precision')).toHaveText(/^\d+(\.\d)?%$/);
      await expect(page.getByTestId('bt-recall')).toHaveText(/^\d+(\.\d)?%$/);
      await lifecycle.openView('Retention and churn');
      await expect(page.getByTestId('rate-retention')).toHaveText(/^\d+(\.\d)?%$/);
      await expect(page.getByRole('main')).not.toContainText(/NaN|Infinity/);
    });
  });
});
