// Page objects for the customer-health pages (English interface): the Home
// dashboard with its thresholds, the Surveys page, and the Today list.
// Roles and labels first; data-testid only for figures and list items.
import { expect, type Locator, type Page } from '@playwright/test';

/** "32.5", "-4.0", "1,234", "41.6%" as a number (NaN for "No data"). */
export function parseFigure(text: string): number {
  const cleaned = text.replace(/[,%¥$€\s]/g, '');
  return cleaned === '' || /[a-z]/i.test(cleaned) ? NaN : Number(cleaned);
}

export class HomeHealth {
  constructor(readonly page: Page) {}

  figure(code: string): Locator {
    return this.page.getByTestId(`health-${code}`);
  }

  async value(code: string): Promise<number> {
    return parseFigure((await this.page.getByTestId(`health-${code}-value`).textContent()) ?? '');
  }

  warning(code: string): Locator {
    return this.page.getByTestId(`health-${code}-warning`);
  }

  /** Opens the thresholds section, types `value` for the figure labelled `label`, and saves. */
  async setThreshold(label: string, value: string): Promise<void> {
    const main = this.page.getByRole('main');
    await main.getByText('Warning thresholds', { exact: true }).click();
    const input = main.getByLabel(label, { exact: true });
    await expect(input).toBeVisible();
    await input.fill(value);
    await main.getByRole('button', { name: 'Save thresholds' }).click();
  }
}

export class SurveysPage {
  constructor(readonly page: Page) {}

  /** Searches each query in turn and picks the first customer found; returns the name shown. */
  async chooseCustomer(queries: string[]): Promise<string> {
    const main = this.page.getByRole('main');
    const search = main.getByLabel('Find the customer (name or phone)');
    const results = main.getByRole('list', { name: 'Search results' }).getByRole('button');
    for (const q of queries) {
      await search.fill(q);
      if ((await results.count()) > 0) break;
    }
    await expect(results.first()).toBeVisible();
    await results.first().click();
    const chosen = this.page.getByTestId('survey-chosen');
    await expect(chosen).toBeVisible();
    const text = (await chosen.textContent()) ?? '';
    const match = /Customer: (.+?) Choose another customer/.exec(text);
    return (match?.[1] ?? '').trim();
  }

  /** Says what the survey follows: 'A stay', 'A purchase' or 'A complaint'. */
  async follows(occasion: 'A stay' | 'A purchase' | 'A complaint'): Promise<void> {
    await this.page.getByRole('main').getByLabel('The survey follows').selectOption({ label: occasion });
  }

  /** Saves a survey with these scores; returns the new survey's id. */
  async record(scores: { nps?: number; csat?: number; comment?: string }): Promise<number> {
    const main = this.page.getByRole('main');
    if (scores.csat !== undefined) await main.getByLabel('Satisfaction, CSAT (1–5)').selectOption(String(scores.csat));
    if (scores.nps !== undefined) await main.getByLabel('Likelihood to recommend, NPS (0–10)').selectOption(String(scores.nps));
    if (scores.comment) await main.getByLabel("Customer's comment").fill(scores.comment);
    await main.getByRole('button', { name: 'Save the survey' }).click();
    const saved = this.page.getByTestId('survey-recorded');
    await expect(saved).toHaveText(/Survey #\d+ saved\./);
    return Number(/#(\d+)/.exec((await saved.textContent()) ?? '')?.[1]);
  }
}

export class TodayPage {
  constructor(readonly page: Page) {}

  callBack(survey: number): Locator {
    return this.page.getByTestId(`today-callback-${survey}`);
  }

  async logCallBack(survey: number, outcome: 'Positive' | 'Neutral' | 'Negative' | 'No answer'): Promise<void> {
    const item = this.callBack(survey);
    await item.getByLabel('Call outcome').selectOption({ label: outcome });
    await item.getByRole('button', { name: 'Log the call-back' }).click();
  }
}
