// Page object for the Complaints page (English interface): the intake form,
// a complaint's detail with its workflow, and the dashboard figures. Roles
// and labels first; data-testid only for figures.
import { expect, type Locator, type Page } from '@playwright/test';

/** A dashboard figure such as "1,234", "3.87", "72.5%" or "—" as a number (NaN for "—"). */
function parseFigure(text: string): number {
  const cleaned = text.replace(/[,%\s]/g, '');
  return cleaned === '—' || cleaned === '' ? NaN : Number(cleaned);
}

export type DashboardFigures = {
  open: number;
  resolved: number;
  total: number;
  csatMean: number;
  csatResponses: number;
};

export class ComplaintsPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  views(): Locator {
    return this.main().getByRole('navigation', { name: 'Complaint views' });
  }

  async openView(
    name: 'Complaint list' | 'File a complaint' | 'Dashboard' | 'Improvements' | 'Complaint settings',
  ): Promise<void> {
    await this.views().getByRole('link', { name, exact: true }).click();
  }

  async actAs(index = 1): Promise<string> {
    const picker = this.page.getByLabel('Acting as');
    await expect(picker.locator('option').nth(index)).toBeAttached();
    const name = (await picker.locator('option').nth(index).textContent()) ?? '';
    await picker.selectOption({ index });
    return name.trim();
  }

  // ---- dashboard ----

  figure(testid: string): Locator {
    return this.page.getByTestId(testid);
  }

  async figureValue(testid: string): Promise<number> {
    return parseFigure((await this.figure(testid).textContent()) ?? '');
  }

  async readDashboard(): Promise<DashboardFigures> {
    await this.openView('Dashboard');
    await expect(this.figure('complaints-open')).toBeVisible();
    return {
      open: await this.figureValue('complaints-open'),
      resolved: await this.figureValue('complaints-resolved'),
      total: await this.figureValue('complaints-total'),
      csatMean: await this.figureValue('complaints-csat-mean'),
      csatResponses: await this.figureValue('complaints-csat-responses'),
    };
  }

  // ---- intake ----

  searchBox(): Locator {
    return this.page.getByLabel('Find a customer (name or phone)');
  }

  /** Types each query until a loyalty member appears among the matches, and picks them. */
  async chooseMemberGuest(queries: string[]): Promise<string> {
    const results = this.main().getByRole('list', { name: 'Search results' });
    for (const query of queries) {
      await this.searchBox().fill(query);
      await expect(this.main().getByRole('status').filter({ hasText: /found/ })).toBeVisible();
      const member = results.getByRole('button', { name: /· Member$/ }).first();
      if ((await member.count()) > 0) {
        const label = ((await member.textContent()) ?? '').trim();
        await member.click();
        await expect(this.page.getByTestId('intake-chosen')).toBeVisible();
        return label;
      }
    }
    throw new Error(`no loyalty member found by ${queries.join(', ')}`);
  }

  // ---- detail ----

  fact(testid: string): Locator {
    return this.page.getByTestId(testid);
  }

  history(): Locator {
    return this.page.getByTestId('complaint-history');
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.fact('complaint-status')).toHaveText(status);
  }
}
