// axe-core on every page in both languages (WCAG 2.0 A/AA and 2.1 AA rules).
// Every violation found is printed; only serious and critical ones fail.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { CrmApp, PAGES, NAV_NAMES, type Lang } from '../pages/crm-app';
import { RolesPage } from '../pages/roles-page';

const LOCALES: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** Views that no navigation link leads to directly, scanned after the pages. */
const VIEWS = [
  '#/complaints?view=new',
  '#/complaints?view=dashboard',
  '#/complaints?view=improvements',
  '#/complaints?view=settings',
  '#/complaints?id=1',
  '#/segments?segment=champions',
  '#/lifecycle?view=rates',
  '#/lifecycle?view=warnings',
  '#/lifecycle?view=tasks',
  '#/lifecycle?view=winback',
  '#/lifecycle?view=backtest',
  '#/lifecycle?view=settings',
  '#/customers?stage=at-risk',
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

// The customer-health pages in the states a scan of the plain page misses:
// Home with its thresholds form open, Surveys with search results, the
// complaint picker and an import error report, Today with its list, and the
// loyalty settings with new campaign and holiday rows and their errors.
test.describe('accessibility of the health pages in use', () => {
  test.use({ locale: 'en-US' });

  test('Home, Surveys and Today have no serious or critical axe violation when in use', async ({ page }) => {
    const app = new CrmApp(page);
    await app.open();
    await app.waitForDemo();
    const blocking: string[] = [];
    const scan = async (where: string) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      for (const v of results.violations) {
        const line = `${where}: ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} nodes)`;
        console.log(line);
        if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
      }
    };
    await page.getByRole('main').getByText('Warning thresholds', { exact: true }).click();
    await expect(page.getByLabel('Net Promoter Score (NPS)', { exact: true })).toBeVisible();
    await scan('Home, thresholds open');

    await app.goTo('en', 'surveys');
    await page.getByLabel('Find the customer (name or phone)').fill('wang');
    await page.getByLabel('The survey follows').selectOption({ label: 'A complaint' });
    await expect(page.getByLabel('Which complaint')).toBeVisible();
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'surveys.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('phone,date,nps\n123,2026-13-01,11\n'),
    });
    await expect(page.getByTestId('import-errors')).toBeVisible();
    await scan('Surveys, search and import errors');

    await app.goTo('en', 'today');
    await scan('Today');

    // Loyalty settings with a new campaign and holiday row, and their errors.
    await app.goToHash('#/loyalty?view=settings');
    await page.getByRole('button', { name: 'Add a campaign' }).click();
    await page.getByRole('button', { name: 'Add a holiday' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('settings-error')).toBeVisible();
    await scan('Loyalty settings, new rows with errors');
    expect(blocking, 'serious or critical axe violations').toEqual([]);
  });
});

// The Customers page's other views: a profile, the form, the follow-up list,
// the duplicates and the merge view.
for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`accessibility of the customer views in ${lang}`, () => {
    test.use({ locale: LOCALES[lang] });

    test(`customer views have no serious or critical axe violation (${lang})`, async ({ page }) => {
      const app = new CrmApp(page);
      await app.open();
      await app.waitForDemo();
      await app.goTo(lang, 'customers');
      await expect(page.getByTestId('customer-row').first()).toBeVisible();
      await page.goto('/#/customers?view=duplicates');
      const pair = page.getByTestId('duplicate-row').first();
      await expect(pair).toBeVisible();
      const merge = `/#/customers?view=merge&a=${await pair.getAttribute('data-a')}&b=${await pair.getAttribute('data-b')}`;
      const views: [string, string][] = [
        ['list', '/#/customers'],
        ['profile', '/#/customers?id=1'],
        ['edit', '/#/customers?id=1&edit=1'],
        ['new', '/#/customers?view=new'],
        ['follow-ups', '/#/customers?view=follow-ups'],
        ['duplicates', '/#/customers?view=duplicates'],
        ['merge', merge],
      ];
      const blocking: string[] = [];
      for (const [name, url] of views) {
        await page.goto(url);
        await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
        if (name === 'profile') await expect(page.getByTestId('history-table').or(page.getByTestId('history-empty'))).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        for (const v of results.violations) {
          const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ');
          const line = `[${lang}] customers ${name}: ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} nodes: ${where})`;
          console.log(line);
          if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
        }
      }
      expect(blocking, 'serious or critical axe violations').toEqual([]);
    });
  });
}

// Staff roles: the PIN form in Settings, the sign-in form, the header's role
// line, and the privacy actions with the erase confirmation open.
test.describe('accessibility of staff roles and privacy actions', () => {
  test.use({ locale: 'en-US' });

  test('roles and privacy views have no serious or critical axe violation', async ({ page }) => {
    test.setTimeout(180_000);
    const app = new CrmApp(page);
    const roles = new RolesPage(page);
    await app.open();
    await app.waitForDemo();
    const blocking: string[] = [];
    const scan = async (where: string) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      for (const v of results.violations) {
        const line = `roles ${where}: ${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length} nodes)`;
        console.log(line);
        if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
      }
    };
    await app.goTo('en', 'settings');
    await expect(roles.section()).toBeVisible();
    await scan('settings');
    await roles.setPins({ Administrator: '9999' });
    await expect(roles.signIn()).toBeVisible({ timeout: 60_000 });
    await scan('sign-in');
    await roles.signInAs('Administrator', '1234');
    await expect(roles.signInMessage()).toContainText('Wrong PIN', { timeout: 60_000 });
    await scan('sign-in, wrong PIN');
    await roles.signInAs('Administrator', '9999');
    await expect(roles.currentRole()).toBeVisible({ timeout: 60_000 });
    await page.goto('/#/customers?id=1');
    await expect(roles.privacy()).toBeVisible();
    await scan('profile with privacy actions');
    await page.getByRole('button', { name: 'Erase personal data (anonymise)' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan('erase confirmation');
    await page.keyboard.press('Escape');
    expect(blocking, 'serious or critical axe violations').toEqual([]);
  });
});
