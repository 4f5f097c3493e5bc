// axe-core on every page in both languages (WCAG 2.0 A/AA and 2.1 AA rules).
// Every violation found is printed; only serious and critical ones fail.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { CrmApp, PAGES, NAV_NAMES, type Lang } from '../pages/crm-app';

const LOCALES: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`accessibility in ${lang}`, () => {
    test.use({ locale: LOCALES[lang] });

    test(`every page has no serious or critical axe violation (${lang})`, async ({ page }) => {
      const app = new CrmApp(page);
      await app.open();
      await app.waitForDemo();
      await app.expectLanguage(lang);

      const blocking: string[] = [];
      // Home last, so that every page is reached by a route change.
      const order = [...PAGES.filter((key) => key !== 'home'), 'home' as const];
      for (const key of order) {
        await app.goTo(lang, key);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        for (const v of results.violations) {
          const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ');
          const line = `[${lang}] ${NAV_NAMES[lang][key]}: ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} nodes: ${where})`;
          console.log(line);
          if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
        }
      }
      // Import & backup (#/data), not in the shared PAGES list: reached from its nav link.
      const exchangeName = lang === 'en' ? 'Import & backup' : '导入与备份';
      await app.nav().getByRole('link', { name: exchangeName, exact: true }).click();
      await expect(page.getByRole('main').getByRole('heading', { level: 1, name: exchangeName })).toBeVisible();
      const exchange = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      for (const v of exchange.violations) {
        const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ');
        const line = `[${lang}] ${exchangeName}: ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} nodes: ${where})`;
        console.log(line);
        if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
      }
      expect(blocking, 'serious or critical axe violations').toEqual([]);
    });
  });
}
