// Page object for the Lifecycle page (English interface): stage counts, the
// churn warning list, the retention task form and the task list. Roles and
// labels first; data-testid only for figures.
import { expect, type Locator, type Page } from '@playwright/test';

export type StageKey = 'prospect' | 'new' | 'developing' | 'loyal' | 'at-risk' | 'dormant' | 'churned' | 'won-back';

export const STAGES: StageKey[] = ['prospect', 'new', 'developing', 'loyal', 'at-risk', 'dormant', 'churned', 'won-back'];

/** "1,234" → 1234. */
function parseCount(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d]/g, '');
  return digits === '' ? NaN : Number(digits);
}

export class LifecyclePage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  views(): Locator {
    return this.main().getByRole('navigation', { name: 'Lifecycle views' });
  }

  async openView(
    name: 'Stages and flows' | 'Retention and churn' | 'Churn warnings' | 'Retention tasks' | 'Win-back' | 'Back-test' | 'Settings',
  ): Promise<void> {
    await this.views().getByRole('link', { name, exact: true }).click();
    await expect(this.views().getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  async stageCount(stage: StageKey): Promise<number> {
    return parseCount(await this.page.getByTestId(`stage-count-${stage}`).textContent());
  }

  /** Customers not yet signed up on the day (shown only when there are some). */
  async notYetCount(): Promise<number> {
    const figure = this.page.getByTestId('stage-count-not-yet');
    return (await figure.count()) === 0 ? 0 : parseCount(await figure.textContent());
  }

  async customerTotal(): Promise<number> {
    return parseCount(await this.page.getByTestId('customer-total').textContent());
  }

  warningTable(): Locator {
    return this.page.getByRole('table', { name: 'Churn warning list' });
  }

  /** The first warning that can still become a task: its row and customer name. */
  async firstWarningWithoutTask(): Promise<{ row: Locator; customer: string }> {
    const row = this.warningTable()
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('button', { name: /^Create a retention task for / }) })
      .first();
    await expect(row).toBeVisible();
    const customer = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
    return { row, customer };
  }

  taskForm(): Locator {
    return this.page.getByRole('region', { name: /^New retention task for / });
  }

  taskTable(): Locator {
    return this.page.getByRole('table', { name: 'Retention task list' });
  }

  /** The task rows of a customer (an earlier, closed task may be among them), narrowed by text. */
  taskRow(customer: string, text: string): Locator {
    return this.taskTable()
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: customer, exact: true }) })
      .filter({ hasText: text });
  }

  /** Waits until the purchase model is used or known to be unavailable. */
  async waitForModel(): Promise<void> {
    const note = this.page.getByTestId('model-note').first();
    await expect(note).not.toHaveAttribute('data-model', 'preparing', { timeout: 120_000 });
    // Where the stage counts are shown, they are counted after the page is
    // drawn: wait until they are counted with what the note says.
    const counts = this.page.getByTestId('stage-counts');
    if ((await counts.count()) > 0) {
      const state = (await note.getAttribute('data-model')) ?? '';
      await expect(counts).toHaveAttribute('data-counted', state, { timeout: 120_000 });
    }
  }

  settingsForm(): Locator {
    return this.page.getByTestId('lifecycle-settings');
  }

  settingsProblems(): Locator {
    return this.page.getByTestId('lifecycle-settings-problems');
  }

  winBackTable(): Locator {
    return this.page.getByRole('table', { name: 'Win-back decisions' });
  }

  /** A win-back row by the customer's id. */
  winBackRow(customerId: string): Locator {
    return this.winBackTable().locator(`tbody tr[data-customer="${customerId}"]`);
  }
}
