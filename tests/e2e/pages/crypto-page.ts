// Encryption at rest: the Settings section (turn on, change, turn off, lock)
// and the lock screen shown while encrypted data is locked.
import { expect, type Locator, type Page } from '@playwright/test';

export class CryptoPage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('crypto-section');
  }

  status(): Locator {
    return this.page.getByTestId('crypto-status');
  }

  lockScreen(): Locator {
    return this.page.getByTestId('lock-screen');
  }

  /** Turns encryption on with `passphrase` (Settings must be open, encryption off). */
  async turnOn(passphrase: string): Promise<void> {
    const section = this.section();
    await section.getByLabel('New passphrase', { exact: true }).fill(passphrase);
    await section.getByLabel('New passphrase again', { exact: true }).fill(passphrase);
    await section.getByRole('button', { name: 'Turn on encryption' }).click();
    await expect(section.getByText('Encryption is on.')).toBeVisible({ timeout: 60_000 });
  }

  /** Changes the passphrase (Settings open, encryption on). */
  async change(current: string, next: string): Promise<void> {
    const form = this.page.getByTestId('crypto-new-form');
    await form.getByLabel('Current passphrase', { exact: true }).fill(current);
    await form.getByLabel('New passphrase', { exact: true }).fill(next);
    await form.getByLabel('New passphrase again', { exact: true }).fill(next);
    await form.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(this.section().getByText('The passphrase was changed')).toBeVisible({ timeout: 60_000 });
  }

  async unlock(passphrase: string): Promise<void> {
    await this.lockScreen().getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.lockScreen().getByRole('button', { name: 'Unlock' }).click();
  }
}
