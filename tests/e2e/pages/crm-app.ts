// Page object for 客户关系 CRM: how a person finds things on the screen (roles
// and accessible names first, data-testid only for figures), written once so
// the specs read as what a user does.
import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'zh-CN' | 'en';
export type PageKey =
  | 'home'
  | 'today'
  | 'customers'
  | 'segments'
  | 'lifecycle'
  | 'loyalty'
  | 'complaints'
  | 'surveys'
  | 'data'
  | 'settings';

/** Every page, in the order of the navigation. */
export const PAGES: PageKey[] = [
  'home',
  'today',
  'customers',
  'segments',
  'lifecycle',
  'loyalty',
  'complaints',
  'surveys',
  'data',
  'settings',
];

/** The navigation links' accessible names in each interface language. */
export const NAV_NAMES: Record<Lang, Record<PageKey, string>> = {
  'zh-CN': {
    home: '首页',
    today: '今日待办',
    customers: '客户',
    segments: '客户细分',
    lifecycle: '生命周期',
    loyalty: '会员忠诚度',
    complaints: '投诉处理',
    surveys: '满意度调查',
    data: '导入与备份',
    settings: '设置',
  },
  en: {
    home: 'Home',
    today: 'Today',
    customers: 'Customers',
    segments: 'Segments',
    lifecycle: 'Lifecycle',
    loyalty: 'Loyalty',
    complaints: 'Complaints',
    surveys: 'Surveys',
    data: 'Import & backup',
    settings: 'Settings',
  },
};

/** The language switch's buttons are named in their own language. */
export const LANGUAGE_BUTTONS: Record<Lang, string> = { 'zh-CN': '简体中文', en: 'English' };

/** What the demo banner says, in either language. */
const DEMO_WORDS = /演示|示例|demo/i;

export class CrmApp {
  /** Console errors and uncaught page errors seen since `watchErrors`. */
  readonly errors: string[] = [];
  /** Rejects at the first uncaught page error (a wasm panic leaves the app dead). */
  private readonly crashed: Promise<never>;

  constructor(readonly page: Page) {
    this.crashed = new Promise<never>((_, reject) => {
      page.on('pageerror', (error) => reject(new Error(`the page threw: ${error.message}`)));
    });
    this.crashed.catch(() => {}); // observed only by `failFast`
  }

  watchErrors(): void {
    this.page.on('console', (message) => {
      if (message.type() === 'error') {
        this.errors.push(`console.error: ${message.text()} (${message.location().url})`);
      }
    });
    this.page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /** Runs a long wait, but gives up as soon as the page throws instead of waiting out the timeout. */
  private failFast<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.crashed]);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  // ---- navigation ----

  nav(): Locator {
    return this.page.getByRole('navigation').first();
  }

  navLink(lang: Lang, key: PageKey): Locator {
    return this.nav().getByRole('link', { name: NAV_NAMES[lang][key], exact: true });
  }

  /** The page's own title: the level-1 heading inside <main>. */
  mainHeading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  hash(): string {
    return new URL(this.page.url()).hash;
  }

  /** Follows a nav link and waits until the route and the page's heading show it. */
  async goTo(lang: Lang, key: PageKey): Promise<void> {
    const before = this.hash();
    await this.navLink(lang, key).click();
    await expect.poll(() => this.hash(), { message: `hash route after clicking ${NAV_NAMES[lang][key]}` }).not.toBe(before);
    await expect(this.mainHeading()).toBeVisible();
    await expect(this.mainHeading()).not.toHaveText('');
  }

  /** Opens an address inside the app (e.g. `#/complaints?view=new`) and waits for its page. */
  async goToHash(hash: string): Promise<void> {
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await expect.poll(() => this.hash()).toBe(hash);
    await expect(this.mainHeading()).toBeVisible();
    await expect(this.mainHeading()).not.toHaveText('');
  }

  async expectNavIn(lang: Lang): Promise<void> {
    for (const key of PAGES) {
      await expect(this.navLink(lang, key)).toBeVisible();
    }
  }

  // ---- demo data ----

  overviewCustomers(): Locator {
    return this.page.getByTestId('overview-customers');
  }

  /** The number shown by the Home figure of customers ("2,000" → 2000). */
  async customerCount(): Promise<number> {
    const text = (await this.overviewCustomers().textContent()) ?? '';
    const digits = text.replace(/[^\d]/g, '');
    return digits === '' ? 0 : Number(digits);
  }

  demoBanner(): Locator {
    return this.page.getByRole('status').filter({ hasText: DEMO_WORDS }).first();
  }

  /** Waits on Home until a data set is loaded: its customers are counted. */
  async waitForData(): Promise<void> {
    await this.failFast(
      expect
        .poll(() => this.customerCount(), { message: 'Home figure overview-customers', timeout: 120_000 })
        .toBeGreaterThan(0),
    );
  }

  /** Waits on Home until the demo is loaded: customers counted and the banner says so. */
  async waitForDemo(): Promise<void> {
    await this.waitForData();
    await expect(this.demoBanner()).toBeVisible();
  }

  // ---- language ----

  languageButton(lang: Lang): Locator {
    return this.page.getByRole('button', { name: LANGUAGE_BUTTONS[lang], exact: true });
  }

  async switchLanguage(lang: Lang): Promise<void> {
    await this.languageButton(lang).click();
    await this.expectLanguage(lang);
  }

  async expectLanguage(lang: Lang): Promise<void> {
    const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
    await expect(this.languageButton(lang)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.languageButton(other)).toHaveAttribute('aria-pressed', 'false');
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang === 'en' ? /^en\b/ : /^zh\b/);
    await this.expectNavIn(lang);
  }

  // ---- settings: data set (English interface) ----

  /** The Settings section about the data set, found by its heading. */
  dataSetSection(): Locator {
    return this.page
      .getByRole('main')
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { name: /data ?set/i }) })
      .first();
  }

  /** Text in the data set section outside buttons (a button named "Load retail demo" says nothing about the data). */
  dataSetText(pattern: RegExp): Locator {
    return this.dataSetSection()
      .getByText(pattern)
      .and(this.page.locator(':not(button):not(button *)'))
      .first();
  }

  loadRetailDemoButton(): Locator {
    return this.page.getByRole('button', { name: 'Load retail demo' });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
