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
      expect(blocking, 'serious or critical axe violations').toEqual([]);
    });
  });
}

// The Lifecycle page's views beyond the first (issue 5), reached by their
// sub-navigation links, in both languages.
const LIFECYCLE_VIEWS: Record<Lang, { nav: string; views: string[] }> = {
  'zh-CN': { nav: '生命周期视图', views: ['保持与流失率', '流失预警', '保持任务', '挽救决策', '预警回测'] },
  en: { nav: 'Lifecycle views', views: ['Retention and churn', 'Churn warnings', 'Retention tasks', 'Win-back', 'Back-test'] },
};

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`lifecycle accessibility in ${lang}`, () => {
    test.use({ locale: LOCALES[lang] });

    test(`every lifecycle view has no serious or critical axe violation (${lang})`, async ({ page }) => {
      const app = new CrmApp(page);
      await app.open();
      await app.waitForDemo();
      await app.goTo(lang, 'lifecycle');
      const { nav, views } = LIFECYCLE_VIEWS[lang];
      const blocking: string[] = [];
      for (const name of views) {
        const link = page.getByRole('main').getByRole('navigation', { name: nav }).getByRole('link', { name, exact: true });
        await link.click();
        await expect(link).toHaveAttribute('aria-current', 'page');
        await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        for (const v of results.violations) {
          const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ');
          const line = `[${lang}] ${NAV_NAMES[lang].lifecycle} / ${name}: ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} nodes: ${where})`;
          console.log(line);
          if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
        }
      }
      expect(blocking, 'serious or critical axe violations').toEqual([]);
    });
  });
}
