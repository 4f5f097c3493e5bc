// Page object for the Segments page (English interface): the settings bar,
// the R × FM heat map, the customer list and the grade figures. Roles and
// labels first; data-testid for figures.
import { expect, type Locator, type Page } from '@playwright/test';

/** "1,234" → 1234. */
function parseCount(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  return digits === '' ? NaN : Number(digits);
}

export class SegmentsPage {
  constructor(readonly page: Page) {}

  main(): Locator {
    return this.page.getByRole('main');
  }

  /** Waits until the analysis is drawn (the slow stage has finished). */
  async waitForAnalysis(): Promise<void> {
    await expect(this.page.getByTestId('heat-map')).toBeVisible({ timeout: 120_000 });
  }

  heatCell(r: number, fm: number): Locator {
    return this.page.getByTestId(`heat-cell-${r}-${fm}`);
  }

  /** The count a heat-map cell shows. */
  async cellCount(r: number, fm: number): Promise<number> {
    return parseCount((await this.heatCell(r, fm).locator('.heat-count').textContent()) ?? '');
  }

  /** The fullest cell, as [r, fm, count]. */
  async fullestCell(): Promise<[number, number, number]> {
    let best: [number, number, number] = [0, 0, -1];
    for (let r = 1; r <= 5; r++) {
      for (let fm = 1; fm <= 5; fm++) {
        const n = await this.cellCount(r, fm);
        if (n > best[2]) best = [r, fm, n];
      }
    }
    return best;
  }

  listTable(): Locator {
    return this.page.getByTestId('segment-customers');
  }

  /** The total of "Showing N of M customers". */
  async listTotal(): Promise<number> {
    return Number(await this.page.getByTestId('segment-customers-count').getAttribute('data-total'));
  }

  async gradeCount(grade: 'diamond' | 'gold' | 'silver' | 'dormant'): Promise<number> {
    return parseCount((await this.page.getByTestId(`grade-${grade}`).textContent()) ?? '');
  }

  diamondThreshold(): Locator {
    return this.main().getByLabel('Diamond from (annual spend)');
  }

  async tierCount(tier: 'strategic' | 'growth' | 'basic' | 'dormant'): Promise<number> {
    return parseCount((await this.page.getByTestId(`tier-${tier}`).textContent()) ?? '');
  }

  field(label: string | RegExp): Locator {
    return this.main().getByLabel(label);
  }

  saveButton(): Locator {
    return this.main().getByRole('button', { name: 'Save as default' });
  }
}
