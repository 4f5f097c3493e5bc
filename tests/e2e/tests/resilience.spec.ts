// Resilience (issue 10): a page killed in the middle of an import, a restore
// or a merge leaves the data exactly as before; a full storage quota and a
// refused IndexedDB give a clear message and lose nothing already stored; a
// newer tab's schema upgrade makes an older tab let go of the database with
// a message.
//
// "In the middle" is made exact, not left to timing: an init script wraps
// IDBObjectStore.prototype.put, and once armed, at the Nth put of the next
// write it sends a synchronous request to a crash-point address. That holds
// the page's only thread inside the write, so the rest of that
// transaction's puts are never issued and it cannot commit. The test sees
// the request (page.route) and kills every renderer process with SIGKILL,
// as the operating system would. The service worker is blocked in these
// tests so that the request reaches page.route.
import { test, expect } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { CrmApp } from '../pages/crm-app';
import { ExchangePage } from '../pages/exchange-page';
import { CustomersPage } from '../pages/customers-page';

test.use({ locale: 'en-US' });

const CRASH_POINT = '/__crm-e2e-crash-point';

/** Installed before any page script: the armed put wrapper. */
function armablePuts(crashPoint: string): void {
  const w = window as unknown as { __crmCrashAtPut?: number; __crmPuts?: number };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
    const request = put.apply(this, args);
    if (w.__crmCrashAtPut) {
      w.__crmPuts = (w.__crmPuts ?? 0) + 1;
      if (w.__crmPuts === w.__crmCrashAtPut) {
        // Never answered: the renderer is killed while this waits.
        const xhr = new XMLHttpRequest();
        xhr.open('GET', crashPoint, false);
        try {
          xhr.send();
        } catch {
          // Only if the kill is late; the test then fails on its wait.
        }
      }
    }
    return request;
  } as typeof put;
}

/** Arms the wrapper: the page is killed at the `n`th put from now on. The
 * returned function waits for the crash. (A function, not a promise: an
 * async function returning a promise would wait for it before returning.) */
async function armCrash(page: Page, n: number): Promise<() => Promise<void>> {
  const crashed = page.waitForEvent('crash', { timeout: 120_000 }).then(() => undefined);
  await page.route(`**${CRASH_POINT}`, async () => {
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser to find the renderer in');
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    for (const p of processInfo) {
      if (p.type === 'renderer') process.kill(p.id, 'SIGKILL');
    }
    await cdp.detach();
  });
  await page.evaluate((n) => {
    const w = window as unknown as { __crmCrashAtPut?: number; __crmPuts?: number };
    w.__crmPuts = 0;
    w.__crmCrashAtPut = n;
  }, n);
  return () => crashed;
}

async function settingsCounts(app: CrmApp): Promise<Record<string, string>> {
  await app.goTo('en', 'settings');
  const counts: Record<string, string> = {};
  const cells = app.page.locator('[data-testid^="count-"]');
  await expect(cells.first()).toBeVisible();
  for (let i = 0; i < (await cells.count()); i++) {
    const id = (await cells.nth(i).getAttribute('data-testid')) ?? '';
    counts[id] = ((await cells.nth(i).textContent()) ?? '').trim();
  }
  return counts;
}

/** What a data set is: every count on Settings and the checksum of data and audit log. */
async function fingerprint(app: CrmApp): Promise<{ counts: Record<string, string>; checksum: string }> {
  const counts = await settingsCounts(app);
  const exchange = new ExchangePage(app.page);
  await exchange.open();
  return { counts, checksum: await exchange.checksum() };
}

/** A new page in the same profile, i.e. the browser reopened on the same data. */
async function reopen(context: BrowserContext): Promise<CrmApp> {
  const again = new CrmApp(await context.newPage());
  again.watchErrors();
  await again.open();
  await expect(again.page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible({ timeout: 120_000 });
  return again;
}

function customersCsv(rows: number, tag: string): string {
  const lines = ['姓名,手机,邮箱,城市,备注'];
  for (let i = 0; i < rows; i++) {
    const phone = `139${String(10_000_000 + i).slice(-8)}`;
    // The e-mail's local part in ASCII: the import refuses others.
    lines.push(`${tag}客户${i},${phone},k${tag.codePointAt(0)}-${i}@kill.test,上海,第 ${i} 行`);
  }
  return lines.join('\n');
}

test.describe('killed midway', () => {
  test.use({ serviceWorkers: 'block' });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(armablePuts, CRASH_POINT);
  });

  test('a large import killed during its write leaves the data as before', async ({ app, page, context }) => {
    await app.open();
    await app.waitForDemo();
    const before = await fingerprint(app);
    const exchange = new ExchangePage(page);
    await exchange.chooseImport('big.csv', customersCsv(10_000, '杀'));
    await exchange.checkButton().click();
    await expect(exchange.summary()).toHaveAttribute('data-valid', '10000', { timeout: 120_000 });
    const crashed = await armCrash(page, 3);
    await exchange.commitButton().click();
    await crashed();

    const again = await reopen(context);
    expect(await fingerprint(again)).toEqual(before);
    expect(again.errors).toEqual([]);
  });

  test('a restore killed during its write leaves the data as before', async ({ app, page, context }) => {
    await app.open();
    await app.waitForDemo();
    const exchange = new ExchangePage(page);
    await exchange.open();
    const backup = await exchange.download(page.getByRole('button', { name: 'Download a full backup' }));
    // Change the data, so the backup is not what is stored.
    await exchange.chooseImport('few.csv', customersCsv(3, '新'));
    await exchange.checkButton().click();
    await exchange.commitButton().click();
    await expect(exchange.done()).toHaveAttribute('data-customers', '3');
    const before = await fingerprint(app);

    await exchange.restoreFile().setInputFiles({ name: 'b.crmbackup', mimeType: 'application/octet-stream', buffer: backup.bytes });
    await expect(page.getByTestId('restore-valid')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    const crashed = await armCrash(page, 4);
    await app.dialog().getByRole('button', { name: 'Restore', exact: true }).click();
    await crashed();

    const again = await reopen(context);
    expect(await fingerprint(again)).toEqual(before);
    expect(again.errors).toEqual([]);
  });

  test('a merge killed during its write leaves both customers as they were', async ({ app, page, context }) => {
    await app.open();
    await app.waitForDemo();
    const before = await fingerprint(app);
    const customers = new CustomersPage(page);
    await app.goTo('en', 'customers');
    await customers.openView('Duplicates');
    const pair = customers.duplicateRows().first();
    await expect(pair).toBeVisible({ timeout: 60_000 });
    await pair.getByRole('link', { name: /^Merge / }).click();
    await expect(page.getByTestId('merge-view')).toBeVisible();
    const crashed = await armCrash(page, 1);
    await page.getByTestId('merge-submit').click();
    await crashed();

    const again = await reopen(context);
    expect(await fingerprint(again)).toEqual(before);
    expect(again.errors).toEqual([]);
  });
});

/** Installed before any page script: once `__crmQuotaFull` is set, every
 * read-write commit fails the way Chromium fails one over quota: the
 * transaction aborts and its `error` is a QuotaExceededError. (CDP's
 * Storage.overrideQuotaForOrigin does not limit IndexedDB writes in this
 * Chromium, so the failure is made at the same point by hand.) */
function quotaAtCommit(): void {
  const w = window as unknown as { __crmQuotaFull?: boolean };
  const commit = IDBTransaction.prototype.commit;
  IDBTransaction.prototype.commit = function (this: IDBTransaction) {
    if (w.__crmQuotaFull && this.mode === 'readwrite') {
      const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      Object.defineProperty(this, 'error', { get: () => error });
      this.abort();
      return;
    }
    commit.call(this);
  };
}

test('a full storage quota: the import says so in plain words and nothing stored is lost', async ({ app, page }) => {
  await page.addInitScript(quotaAtCommit);
  await app.open();
  await app.waitForDemo();
  const before = await fingerprint(app);
  const exchange = new ExchangePage(page);
  await exchange.chooseImport('big.csv', customersCsv(10_000, '满'));
  await exchange.checkButton().click();
  await expect(exchange.summary()).toHaveAttribute('data-valid', '10000', { timeout: 120_000 });

  await page.evaluate(() => ((window as unknown as { __crmQuotaFull?: boolean }).__crmQuotaFull = true));
  await exchange.commitButton().click();
  await expect(page.getByRole('alert').filter({ hasText: "The browser's storage is full, so nothing of this change was saved." })).toBeVisible({
    timeout: 60_000,
  });
  await page.evaluate(() => ((window as unknown as { __crmQuotaFull?: boolean }).__crmQuotaFull = false));

  expect(await fingerprint(app)).toEqual(before);
  await app.reload();
  expect(await fingerprint(app)).toEqual(before);
});

test('IndexedDB refused (private mode): a warning in the user\'s language, and the stored data is untouched', async ({ app, page, context }) => {
  await app.open();
  await app.waitForDemo();
  const before = await fingerprint(app);

  for (const [locale, words] of [
    ['en', 'does not let the page use IndexedDB'],
    ['zh-CN', '此浏览器不允许本网页使用 IndexedDB 存储'],
  ] as const) {
    const refused = await context.newPage();
    await refused.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await refused.addInitScript((locale) => localStorage.setItem('crm.locale', locale), locale);
    const errors: string[] = [];
    refused.on('pageerror', (e) => errors.push(e.message));
    await refused.goto('/');
    const warning = refused.getByTestId('memory-warning');
    await expect(warning).toBeVisible({ timeout: 120_000 });
    await expect(warning).toContainText(words);
    expect(errors).toEqual([]);
    await refused.close();
  }

  // The language is remembered per browser: back to English for the check.
  await page.evaluate(() => localStorage.setItem('crm.locale', 'en'));
  const again = await reopen(context);
  await expect(again.page.getByTestId('memory-warning')).toHaveCount(0);
  expect(await fingerprint(again)).toEqual(before);
});

test('a newer tab\'s schema upgrade: the older tab lets go of the database and says why', async ({ app, page, context }) => {
  await app.open();
  await app.waitForDemo();
  const before = await fingerprint(app);

  // Another tab opens the database at a higher version, as a newer release
  // of the app would. It aborts its upgrade, so the data stays at the
  // current version for the rest of the test.
  const newer = await context.newPage();
  await newer.goto('/manifest.webmanifest');
  const outcome = await newer.evaluate(async () => {
    const dbs = await indexedDB.databases();
    const name = dbs[0]?.name ?? '';
    const version = dbs[0]?.version ?? 0;
    return new Promise<string>((resolve) => {
      const request = indexedDB.open(name, version + 1);
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onblocked = () => resolve('blocked');
      request.onerror = () => resolve(`upgraded: ${request.error?.name}`);
      request.onsuccess = () => {
        request.result.close();
        resolve('opened');
      };
    });
  });
  // Not blocked: the old tab closed its connection when asked.
  expect(outcome).toBe('upgraded: AbortError');

  const banner = page.getByTestId('closed-for-upgrade');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Another tab opened a newer version of this app');
  // A save in the old tab now explains itself instead of failing obscurely.
  const exchange = new ExchangePage(page);
  await exchange.open();
  await exchange.chooseImport('one.csv', customersCsv(1, '旧'));
  await exchange.checkButton().click();
  await exchange.commitButton().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was written' }).or(page.getByRole('alert').filter({ hasText: 'reload this tab to go on' })).first()).toBeVisible();

  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(banner).toHaveCount(0, { timeout: 60_000 });
  expect(await fingerprint(app)).toEqual(before);
  await newer.close();
});
