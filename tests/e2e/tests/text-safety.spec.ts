// Text safety (issue 10): names and notes holding HTML or script, imported
// from a file or typed in, are shown as text on every page that shows them
// (list, profile, complaint, surveys), never run; and exported spreadsheets
// (CSV and .xlsx) neutralise formula-like cells (=, +, -, @).
import { test, expect } from '../fixtures';
import { inflateRawSync } from 'node:zlib';
import { ExchangePage } from '../pages/exchange-page';
import { CustomersPage } from '../pages/customers-page';
import { ComplaintsPage } from '../pages/complaints-page';
import { SurveysPage } from '../pages/health-page';

test.use({ locale: 'en-US' });

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const NOTE = '<b>bold?</b><script>alert(3)</script>';
const PHONE = '13712345678';

const CSV = [
  'name,phone,email,notes',
  `"${IMG}",${PHONE},xss-a@safety.test,"${NOTE}"`,
  `"${SCRIPT}脚本",13712345679,xss-b@safety.test,plain`,
  '"=HYPERLINK(""http://evil.test"",""x"")",13712345680,,"+1+2"',
  '"@SUM(A1)",13712345681,,"-3"',
].join('\n');

/** One file out of a zip archive (enough of the format for an .xlsx). Sizes
 * are read from the central directory, because writers may defer them in
 * the local headers to a data descriptor. */
function unzip(zip: Buffer, name: string): string {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 64 KiB.
  let end = zip.length - 22;
  while (end >= Math.max(0, zip.length - 22 - 0xffff) && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0 || zip.readUInt32LE(end) !== 0x06054b50) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const fileName = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (fileName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not found in the archive`);
}

test('HTML and script in names and notes are shown as text, and exports neutralise formulas', async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.open();
  await app.waitForDemo();
  const exchange = new ExchangePage(page);
  await exchange.open();
  await exchange.chooseImport('xss.csv', CSV);
  await exchange.checkButton().click();
  await expect(exchange.summary()).toHaveAttribute('data-valid', '4');
  await exchange.commitButton().click();
  await expect(exchange.done()).toHaveAttribute('data-customers', '4');

  const customers = new CustomersPage(page);
  await test.step('the customer list shows the names as text', async () => {
    await app.goTo('en', 'customers');
    await customers.searchFor('1371234567');
    await expect(customers.rowLink(IMG)).toBeVisible();
    await expect(customers.rowLink(`${SCRIPT}脚本`)).toBeVisible();
  });

  await test.step('the profile shows the name and the notes as text', async () => {
    await customers.rowLink(IMG).click();
    await expect(customers.profileName()).toHaveText(IMG);
    await expect(page.getByRole('main')).toContainText(NOTE);
  });

  await test.step('a complaint about the customer shows name and description as text', async () => {
    const complaints = new ComplaintsPage(page);
    await app.goTo('en', 'complaints');
    await complaints.actAs(1);
    await complaints.openView('File a complaint');
    await complaints.searchBox().fill(PHONE);
    const results = page.getByRole('main').getByRole('list', { name: 'Search results' }).getByRole('button');
    await expect(results.first()).toContainText(IMG);
    await results.first().click();
    await expect(page.getByTestId('intake-chosen')).toContainText(IMG);
    await page.getByLabel('Channel').selectOption({ label: 'In person at the desk' });
    await page.getByLabel('Complaint category').selectOption({ index: 1 });
    await page.getByLabel('Severity (P1 most urgent)').selectOption({ label: 'P2 major' });
    await page.getByLabel('What happened').fill(`${SCRIPT} ${IMG}`);
    await page.getByRole('button', { name: 'File the complaint and open it' }).click();
    await expect(page.getByRole('heading', { name: /^Complaint #\d+$/ })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(IMG);
    await expect(page.getByRole('main')).toContainText(`${SCRIPT} ${IMG}`);
  });

  await test.step('a survey comment and the customer on the Surveys page are text', async () => {
    await app.goTo('en', 'surveys');
    const surveys = new SurveysPage(page);
    const chosen = await surveys.chooseCustomer([PHONE]);
    expect(chosen).toContain(IMG);
    await surveys.record({ nps: 0, csat: 1, comment: `${IMG} ${SCRIPT}` });
    await app.goTo('en', 'surveys');
    await expect(page.getByRole('main').getByText(`${IMG} ${SCRIPT}`).first()).toBeVisible();
  });

  // Nothing was turned into markup anywhere: no injected image or script ran.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('main script, main b').count()).toBe(0);
  expect(dialogs).toEqual([]);

  await test.step('CSV and .xlsx exports neutralise formula-like cells', async () => {
    await exchange.open();
    const csv = (await exchange.download(page.getByRole('button', { name: 'Export all customers (CSV)' }))).bytes.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csv).toContain(",'+1+2");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain(",'-3");
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
    const xlsx = (await exchange.download(page.getByRole('button', { name: 'Export all customers (Excel)' }))).bytes;
    const sheet = unzip(xlsx, 'xl/worksheets/sheet1.xml') + unzip(xlsx, 'xl/sharedStrings.xml');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain("'=HYPERLINK(");
    expect(sheet).toContain("'+1+2");
    expect(sheet).toContain("'@SUM(A1)");
    expect(sheet).toContain("'-3");
    expect(sheet).not.toMatch(/<t[^>]*>[=+@-]/);
  });
});
