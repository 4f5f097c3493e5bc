// Encryption at rest and encrypted backups (issue 10): set a passphrase,
// reload into the lock screen, a wrong passphrase is refused, the right one
// shows the data; change the passphrase, reload, unlock with the new one;
// an encrypted backup restores only with its passphrase; axe finds nothing
// serious on the lock screen in either language.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures';
import { CryptoPage } from '../pages/crypto-page';
import { ExchangePage } from '../pages/exchange-page';

test.use({ locale: 'en-US' });

const FIRST = 'Harbour lights 2026!';
const SECOND = '海港灯火 second passphrase';

test('encrypt, lock, unlock, change the passphrase, encrypted backup round trip', async ({ app, page }) => {
  const crypto = new CryptoPage(page);
  const exchange = new ExchangePage(page);
  await app.open();
  await app.waitForDemo();
  const customers = await app.customerCount();

  await test.step('turn encryption on in Settings, with the lost-passphrase warning', async () => {
    await app.goTo('en', 'settings');
    await expect(crypto.status()).toContainText('Off');
    await expect(crypto.section()).toContainText('if the passphrase is lost, the data is lost for good');
    await crypto.section().getByLabel('New passphrase', { exact: true }).fill('short');
    await expect(crypto.section()).toContainText('Strength: too short');
    await crypto.section().getByLabel('New passphrase', { exact: true }).fill(FIRST);
    await expect(crypto.section()).toContainText(/Strength: (fair|strong)/);
    await crypto.section().getByLabel('New passphrase again', { exact: true }).fill('not the same passphrase');
    await crypto.section().getByRole('button', { name: 'Turn on encryption' }).click();
    await expect(crypto.section().getByRole('alert')).toContainText('differ');
    await crypto.turnOn(FIRST);
    await expect(crypto.status()).toContainText('On');
  });

  await test.step('reload: the lock screen, a wrong passphrase is refused, the right one shows the data', async () => {
    await app.reload();
    await expect(crypto.lockScreen()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await crypto.unlock('wrong passphrase 123');
    await expect(page.getByTestId('unlock-error')).toHaveText('Wrong passphrase. Nothing was unlocked.', { timeout: 60_000 });
    await expect(crypto.lockScreen()).toBeVisible();
    await crypto.unlock(FIRST);
    await expect(crypto.lockScreen()).toHaveCount(0, { timeout: 60_000 });
    await app.goTo('en', 'home');
    await expect.poll(() => app.customerCount(), { timeout: 60_000 }).toBe(customers);
  });

  await test.step('change the passphrase, reload, unlock with the new one', async () => {
    await app.goTo('en', 'settings');
    await crypto.change(FIRST, SECOND);
    await app.reload();
    await expect(crypto.lockScreen()).toBeVisible({ timeout: 60_000 });
    await crypto.unlock(FIRST);
    await expect(page.getByTestId('unlock-error')).toBeVisible({ timeout: 60_000 });
    await crypto.unlock(SECOND);
    await expect(crypto.lockScreen()).toHaveCount(0, { timeout: 60_000 });
    await app.goTo('en', 'home');
    await expect.poll(() => app.customerCount(), { timeout: 60_000 }).toBe(customers);
  });

  await test.step('an encrypted backup restores only with its passphrase', async () => {
    await exchange.open();
    const checksum = await exchange.checksum();
    await page.getByLabel('Backup passphrase (optional: fill it in to encrypt the backup file)').fill('backup passphrase 77');
    await page.getByLabel('Backup passphrase again').fill('backup passphrase 77');
    const file = await exchange.download(page.getByRole('button', { name: 'Download a full backup' }));
    const envelope = JSON.parse(file.bytes.toString('utf8'));
    expect(envelope.format).toBe('crm-backup-encrypted');
    expect(envelope.kdf).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 600000 });
    expect(file.bytes.includes(Buffer.from('"customers"'))).toBe(false);

    await exchange.restoreFile().setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
    await expect(page.getByTestId('restore-encrypted')).toBeVisible();
    await page.getByLabel('Backup passphrase', { exact: true }).fill('not the backup passphrase');
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await expect(page.getByTestId('restore-wrong')).toHaveText('Wrong backup passphrase. Nothing was restored.', { timeout: 60_000 });
    await page.getByLabel('Backup passphrase', { exact: true }).fill('backup passphrase 77');
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await expect(page.getByTestId('restore-valid')).toContainText(checksum, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByTestId('restore-done')).toBeVisible({ timeout: 60_000 });
    expect(await exchange.checksum()).toBe(checksum);
  });

  await test.step('turn encryption off: the next reload opens without a lock screen', async () => {
    await app.goTo('en', 'settings');
    await page.getByTestId('crypto-off-form').getByLabel('Current passphrase', { exact: true }).fill(SECOND);
    await page.getByRole('button', { name: 'Turn off encryption' }).click();
    await expect(crypto.section().getByText('Encryption is off; the data is decrypted.')).toBeVisible({ timeout: 60_000 });
    await app.reload();
    await expect(crypto.lockScreen()).toHaveCount(0);
    await app.goTo('en', 'home');
    await expect.poll(() => app.customerCount(), { timeout: 60_000 }).toBe(customers);
  });
});

for (const [lang, locale, heading] of [
  ['zh-CN', 'zh-CN', '数据已加密'],
  ['en', 'en-US', 'The data is encrypted'],
] as const) {
  test.describe(`lock screen accessibility in ${lang}`, () => {
    test.use({ locale });
    test(`the lock screen has no serious or critical axe violation (${lang})`, async ({ app, page }) => {
      const crypto = new CryptoPage(page);
      await app.open();
      await app.waitForDemo();
      // Turn encryption on in English, then scan in the test's language.
      if (lang === 'zh-CN') await app.switchLanguage('en');
      await app.goTo('en', 'settings');
      await crypto.turnOn(FIRST);
      if (lang === 'zh-CN') await app.switchLanguage('zh-CN');
      await app.reload();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 60_000 });
      // A wrong passphrase's message is part of what is scanned.
      await page.locator('#unlock-passphrase').fill('wrong passphrase 123');
      await page.locator('#unlock-passphrase').press('Enter');
      await expect(page.getByTestId('unlock-error')).toBeVisible({ timeout: 60_000 });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      const blocking = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`);
      expect(blocking).toEqual([]);
    });
  });
}
