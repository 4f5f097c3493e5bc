// Page object for the Loyalty page (English interface): the programme
// dashboard, enrolment, one member's card and actions, and care tasks.
// Roles and labels first; data-testid only for figures.
import { expect, type Locator, type Page } from '@playwright/test';

/** "1,234" or "-50" as a number; NaN for "—". */
export function parsePoints(text: string): number {
  const cleaned = text.replace(/[,%\s¥$]/g, '');
  return cleaned === '—' || cleaned === '' ? NaN : Number(cleaned);
}

export class LoyaltyPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  async openView(
    name: 'Dashboard' | 'Members' | 'Enrol' | 'Rewards' | 'Care tasks' | 'Programme settings',
  ): Promise<void> {
    await this.main().getByRole('navigation', { name: 'Loyalty views' }).getByRole('link', { name, exact: true }).click();
  }

  async actAs(index = 1): Promise<void> {
    const picker = this.page.getByLabel('Acting as');
    await expect(picker.locator('option').nth(index)).toBeAttached();
    await picker.selectOption({ index });
  }

  async figure(testid: string): Promise<number> {
    const el = this.page.getByTestId(testid);
    await expect(el).toBeVisible();
    return parsePoints((await el.textContent()) ?? '');
  }

  /** Opens the first customer, not a member yet, without a birthday on file; returns their id and name. */
  async openCandidateWithoutBirthday(): Promise<{ id: string; name: string }> {
    await this.openView('Enrol');
    const row = this.page.getByTestId('candidates-table').locator('tbody tr[data-birthday="no"]').first();
    await expect(row).toBeVisible();
    const link = row.getByRole('link');
    const name = ((await link.textContent()) ?? '').trim();
    const href = (await link.getAttribute('href')) ?? '';
    const id = new URLSearchParams(href.split('?')[1] ?? '').get('member') ?? '';
    await link.click();
    await expect(this.page.getByTestId('member-name')).toContainText(name);
    return { id, name };
  }

  async enrolWithBirthday(isoDate: string): Promise<void> {
    await expect(this.page.getByTestId('member-not-member')).toBeVisible();
    await this.page.getByLabel('Birthday').fill(isoDate);
    const consent = this.page.getByLabel('The customer agrees to be contacted with member greetings');
    if ((await consent.count()) > 0) await consent.check();
    await this.page.getByRole('button', { name: 'Enrol now', exact: true }).click();
    await expect(this.page.getByTestId('member-tier')).toBeVisible();
  }

  async balance(): Promise<number> {
    return this.figure('member-balance');
  }

  async recordPurchase(amount: string): Promise<void> {
    await this.page.getByLabel('Amount').fill(amount);
    await this.page.getByRole('button', { name: 'Record and earn points' }).click();
  }

  async redeem(reward: string): Promise<void> {
    const select = this.page.getByLabel('Reward', { exact: true });
    const option = select.locator('option', { hasText: reward }).first();
    const value = (await option.getAttribute('value')) ?? '';
    await select.selectOption(value);
    await this.page.getByRole('button', { name: 'Redeem', exact: true }).click();
  }

  ledger(): Locator {
    return this.page.getByTestId('member-ledger');
  }

  careRow(customerId: string, kind: string): Locator {
    return this.page.getByTestId('care-table').locator(`tbody tr[data-customer="${customerId}"][data-kind="${kind}"]`);
  }
}
