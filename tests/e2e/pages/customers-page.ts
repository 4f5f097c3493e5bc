// Page object for the Customers page (English interface): the list with
// search, a profile, the form, contacts and follow-ups, duplicates and the
// merge view. Roles and labels first; data-testid for rows and counts.
import { expect, type Locator, type Page } from '@playwright/test';

export class CustomersPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  views(): Locator {
    return this.main().getByRole('navigation', { name: 'Customer views' });
  }

  async openView(name: 'Customer list' | 'Follow-ups' | 'Duplicates' | 'New customer'): Promise<void> {
    await this.views().getByRole('link', { name, exact: true }).click();
  }

  // ---- list ----

  search(): Locator {
    return this.page.getByLabel('Search', { exact: true });
  }

  rows(): Locator {
    return this.page.getByTestId('customer-row');
  }

  async listedCount(): Promise<number> {
    return Number(await this.page.getByTestId('customers-count').getAttribute('data-count'));
  }

  /** Types a query and waits until the list says how many it found. */
  async searchFor(text: string): Promise<void> {
    await this.search().fill(text);
    if (text === '') {
      await expect.poll(() => new URL(this.page.url()).hash).not.toMatch(/[?&]q=/);
    } else {
      const encoded = encodeURIComponent(text);
      await expect.poll(() => new URL(this.page.url()).hash).toContain(`q=${encoded}`);
    }
  }

  rowLink(name: string | RegExp): Locator {
    return this.rows().getByRole('link', { name });
  }

  // ---- profile ----

  profileName(): Locator {
    return this.page.getByTestId('profile-name');
  }

  async profileId(): Promise<number> {
    return Number(await this.page.getByTestId('profile').getAttribute('data-id'));
  }

  async timelineCount(): Promise<number> {
    const el = this.page.getByTestId('timeline-count');
    await expect(el).toBeVisible();
    return Number(await el.getAttribute('data-count'));
  }

  async openProfile(id: number): Promise<void> {
    await this.page.goto(`/#/customers?id=${id}`);
    await expect(this.page.getByTestId('profile')).toHaveAttribute('data-id', String(id));
  }

  // ---- form ----

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  // ---- contacts and follow-ups ----

  async logContact(summary: string, purpose: string): Promise<void> {
    await this.page.getByLabel('Channel').selectOption({ label: 'WeChat' });
    await this.page.getByLabel('Outcome').selectOption({ label: 'Positive' });
    await this.page.getByLabel('Summary').fill(summary);
    await this.page.getByLabel('Schedule the next follow-up').check();
    await this.page.getByLabel('Purpose').fill(purpose);
    await this.page.getByRole('button', { name: 'Save the contact' }).click();
  }

  followUpRows(customer: number): Locator {
    return this.page.locator(`[data-testid="follow-up-row"][data-customer="${customer}"]`);
  }

  // ---- duplicates ----

  duplicateRows(): Locator {
    return this.page.getByTestId('duplicate-row');
  }
}
