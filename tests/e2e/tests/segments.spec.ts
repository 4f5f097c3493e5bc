// The Segments page on the retail demo (issue 4): a heat-map cell lists its
// customers, and moving a threshold re-classifies at once.
import { test, expect } from '../fixtures';
import { SegmentsPage } from '../pages/segments-page';

test.describe('Segments in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('a heat-map cell lists its customers and a threshold changes the grade counts', async ({ app, page }) => {
    const segments = new SegmentsPage(page);
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

    await app.goTo('en', 'segments');
    await segments.waitForAnalysis();
    // The slow stage ran in the analytics Web Worker, not on the main thread.
    await expect(page.locator('article.page-segments')).toHaveAttribute('data-computed-in', 'worker');

    await test.step('clicking a cell lists exactly that cell’s customers, and the URL says which', async () => {
      const [r, fm, n] = await segments.fullestCell();
      expect(n).toBeGreaterThan(0);
      await segments.heatCell(r, fm).click();
      await expect(segments.heatCell(r, fm)).toHaveAttribute('aria-pressed', 'true');
      await expect(segments.listTable()).toBeVisible();
      expect(await segments.listTotal()).toBe(n);
      await expect(segments.listTable().locator('tbody tr')).toHaveCount(Math.min(n, 200));
      expect(app.hash()).toBe(`#/segments?cell=${r}-${fm}`);
      // The accessible name states the count and the segment.
      await expect(segments.heatCell(r, fm)).toHaveAccessibleName(new RegExp(`R ${r}, FM ${fm}: .+, ${n.toLocaleString('en-US')} customers?`));
    });

    await test.step('the bookmarked cell is listed again after a reload', async () => {
      const total = await segments.listTotal();
      await app.reload();
      await segments.waitForAnalysis();
      expect(await segments.listTotal()).toBe(total);
    });

    await test.step('opened again, the page takes the basis it shares with Customers and Lifecycle', async () => {
      const fullest = await segments.fullestCell();
      await app.goTo('en', 'customers');
      await app.goTo('en', 'segments');
      await segments.waitForAnalysis();
      await expect(page.locator('article.page-segments')).toHaveAttribute('data-computed-in', 'shared');
      expect(await segments.fullestCell()).toEqual(fullest);
    });

    await test.step('lowering the Diamond threshold makes more Diamond customers', async () => {
      const before = await segments.gradeCount('diamond');
      const gold = await segments.gradeCount('gold');
      expect(before + gold).toBeGreaterThan(0);
      await segments.diamondThreshold().fill('1');
      await expect.poll(() => segments.gradeCount('diamond')).toBeGreaterThan(before);
      await expect.poll(() => segments.gradeCount('gold')).toBe(0);
      await expect(page.getByTestId('segments-unsaved')).toBeVisible();
    });

    await test.step('tier thresholds re-classify, a bad one cannot be saved, a good one is saved', async () => {
      // The step before left Diamond below Gold: that alone cannot be saved.
      await expect(page.getByTestId('segments-problems')).toContainText('The Gold threshold must be below the Diamond threshold.');
      await expect(segments.saveButton()).toBeDisabled();
      await segments.diamondThreshold().fill('20000');
      await expect(page.getByTestId('segments-problems')).toBeHidden();

      const strategic = await segments.tierCount('strategic');
      // Everyone active is in the top value band and loyal enough: nobody is basic.
      await segments.field('Strategic tier: top share of buyers by value (%)').fill('100');
      await segments.field('Strategic and growth tiers: top share of buyers by value (%)').fill('100');
      await segments.field('Dormant tier: P(alive) below (%)').fill('0');
      await segments.field('High loyalty: P(alive) at least (%)').fill('1');
      await segments.field('High loyalty: F score at least').fill('1');
      await expect.poll(() => segments.tierCount('basic')).toBe(0);
      expect(await segments.tierCount('strategic')).toBeGreaterThan(strategic);

      await segments.field('High loyalty: F score at least').fill('6');
      await expect(page.getByTestId('segments-problems')).toContainText('The F score must be between 1 and 5.');
      await expect(segments.saveButton()).toBeDisabled();
      await segments.field('High loyalty: F score at least').fill('1');
      await expect(page.getByTestId('segments-problems')).toBeHidden();
      await page.getByLabel('Currency').selectOption('USD');
      await segments.saveButton().click();
      await expect(page.getByTestId('segments-unsaved')).toBeHidden({ timeout: 60_000 });
      await app.reload();
      await segments.waitForAnalysis();
      await expect(segments.field('High loyalty: F score at least')).toHaveValue('1');
      await expect(segments.diamondThreshold()).toHaveValue('20000');
      await expect(page.getByTestId('segments-summary')).toContainText('$');
      expect(await segments.tierCount('basic')).toBe(0);
    });

    await test.step('the Pareto figure and the model panel never show NaN', async () => {
      await expect(page.getByTestId('pareto-top20')).toHaveText(/^\d+(\.\d)?%$/);
      await expect(page.getByRole('main')).not.toContainText(/NaN|Infinity|inf\b/);
    });
  });
});
