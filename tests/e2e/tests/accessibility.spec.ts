// axe-core on every page in both languages (WCAG 2.0 A/AA and 2.1 AA rules).
// Every violation found is printed; only serious and critical ones fail.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { CrmApp, PAGES, NAV_NAMES, type Lang } from '../pages/crm-app';

const LOCALES: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** Views that no navigation link leads to directly, scanned after the pages. */
const VIEWS = [
  '#/complaints?view=new',
  '#/complaints?view=dashboard',
  '#/complaints?view=improvements',
  '#/complaints?view=settings',
  '#/complaints?id=1',
  '#/segments?segment=champions',
  '#/loyalty?view=members',
  '#/loyalty?view=enrol',
  '#/loyalty?view=rewards',
  '#/loyalty?view=care',
  '#/loyalty?view=settings',
  '#/loyalty?member=1',
];

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
      const scan = async (where: string) => {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        for (const v of results.violations) {
          const nodes = v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ');
          const line = `[${lang}] ${where}: ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} nodes: ${nodes})`;
          console.log(line);
          if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
        }
      };
      for (const key of order) {
        await app.goTo(lang, key);
        await scan(NAV_NAMES[lang][key]);
      }
      // Views inside pages, reached by their address (forms, dashboards, details).
      for (const hash of VIEWS) {
        await app.goToHash(hash);
        await scan(hash);
      }
      expect(blocking, 'serious or critical axe violations').toEqual([]);
    });
  });
}
