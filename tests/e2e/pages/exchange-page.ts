// Page object for Import & backup (导入与备份, #/data), in the English interface.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export class ExchangePage {
  constructor(readonly page: Page) {}

  /** Opens the page from the navigation and waits for its heading. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation').first().getByRole('link', { name: 'Import & backup', exact: true }).click();
    await expect(this.page.getByRole('main').getByRole('heading', { level: 1, name: 'Import & backup' })).toBeVisible();
  }

  importFile(): Locator {
    return this.page.getByLabel('Choose a file (.csv, .txt or .xlsx)');
  }

  async chooseImport(name: string, content: string | Buffer): Promise<void> {
    await this.importFile().setInputFiles({
      name,
      mimeType: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
    await expect(this.page.getByTestId('import-facts')).toBeVisible();
  }

  /** The field select for a column, by the column's header. */
  mappingFor(column: string): Locator {
    return this.page.getByLabel(`Field for “${column}”`);
  }

  checkButton(): Locator {
    return this.page.getByRole('button', { name: 'Check all rows' });
  }

  summary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  errorTable(): Locator {
    return this.page.getByTestId('import-errors');
  }

  /** The error report's rows as [row, column, value, reason]. */
  async errorRows(): Promise<string[][]> {
    const rows = this.errorTable().locator('tbody tr');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      out.push(await rows.nth(i).locator('th, td').allTextContents());
    }
    return out;
  }

  commitButton(): Locator {
    return this.page.getByRole('button', { name: /^Import [\d,]+ valid rows?$/ });
  }

  done(): Locator {
    return this.page.getByTestId('import-done');
  }

  /** Clicks a button that downloads a file and returns the file's bytes and name. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer; download: Download }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path), download };
  }

  /** Computes and reads the current data's checksum. */
  async checksum(): Promise<string> {
    await this.page.getByRole('button', { name: "Compute the current data's checksum" }).click();
    const code = this.page.getByTestId('data-checksum');
    await expect(code).toHaveText(/^[0-9a-f]{64}$/, { timeout: 60_000 });
    return (await code.textContent()) ?? '';
  }

  restoreFile(): Locator {
    return this.page.getByLabel('Choose a backup file');
  }
}
