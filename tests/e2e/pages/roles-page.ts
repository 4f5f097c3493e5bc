// Page object for staff roles (English interface): the PIN form in
// Settings, the sign-in form, the role line in the header, and the privacy
// actions on a customer's profile.
import { expect, type Locator, type Page } from '@playwright/test';

export type RoleName = 'Front desk' | 'Manager' | 'Administrator';

export class RolesPage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('roles-settings');
  }

  /** Sets PINs in Settings (roles off or signed in as administrator). */
  async setPins(pins: Partial<Record<RoleName, string>>): Promise<void> {
    for (const [role, pin] of Object.entries(pins)) {
      await this.page.getByLabel(`New PIN for ${role}`).fill(pin);
    }
    await this.page.getByRole('button', { name: 'Save PINs' }).click();
  }

  signIn(): Locator {
    return this.page.getByTestId('sign-in');
  }

  signInMessage(): Locator {
    return this.page.getByTestId('sign-in-message');
  }

  async signInAs(role: RoleName, pin: string): Promise<void> {
    await expect(this.signIn()).toBeVisible({ timeout: 60_000 });
    await this.signIn().getByRole('radio', { name: role, exact: true }).check();
    await this.signIn().getByLabel('PIN').fill(pin);
    await this.signIn().getByRole('button', { name: 'Sign in' }).click();
  }

  currentRole(): Locator {
    return this.page.getByTestId('current-role');
  }

  async switchRole(role: RoleName, pin: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Switch role' }).click();
    await this.signInAs(role, pin);
    await expect(this.currentRole()).toHaveText(`Signed in as: ${role}`, { timeout: 60_000 });
  }

  privacy(): Locator {
    return this.page.getByTestId('privacy-actions');
  }
}
