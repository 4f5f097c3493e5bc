// Customer health end to end, as a manager and a front-desk employee of the
// hotel demo would do it: read NPS on Home, set the NPS warning threshold just
// below it, record a detractor's survey for a guest found by search, see NPS
// fall on Home and the warning appear, then find the call-back on the Today
// list and log it, which takes it off the list.
import { test, expect } from '../fixtures';
import { HomeHealth, SurveysPage, TodayPage } from '../pages/health-page';

test.use({ locale: 'en-US' });

test('a detractor lowers NPS past its threshold on Home and is called back from Today', async ({ app }) => {
  const page = app.page;
  const home = new HomeHealth(page);
  const surveys = new SurveysPage(page);
  const today = new TodayPage(page);
  await app.open();
  await app.waitForDemo();

  const before = await test.step('read NPS on Home', async () => {
    const nps = await home.value('nps');
    expect(Number.isFinite(nps)).toBe(true);
    // The analytics worker fits the CLV model on the stored demo and adds its prediction.
    await expect(page.getByTestId('health-clv-predicted')).toHaveText(/Predicted average CLV: ¥[\d,]+/, { timeout: 60_000 });
    return nps;
  });

  await test.step('set the NPS threshold just below the current NPS: no warning yet', async () => {
    // NPS is shown with one decimal, so the true value is at least before − 0.05.
    const threshold = (Math.round(before * 10) - 1) / 10;
    await home.setThreshold('Net Promoter Score (NPS)', threshold.toFixed(1));
    await expect(home.figure('nps')).toContainText(`Warning below ${threshold.toFixed(1)}`);
    await expect(home.figure('nps')).toHaveAttribute('data-status', 'ok');
    await expect(home.warning('nps')).toHaveCount(0);
  });

  const { survey, guest } = await test.step('record a detractor score for a demo guest', async () => {
    await app.goTo('en', 'surveys');
    const guest = await surveys.chooseCustomer(['wang', 'li', 'zhang', 'liu', 'chen']);
    expect(guest).not.toBe('');
    // After a complaint, the survey must name which one: refused without.
    await surveys.follows('A complaint');
    await page.getByRole('button', { name: 'Save the survey' }).click();
    await expect(page.getByText('Choose the complaint this survey follows.')).toBeVisible();
    await surveys.follows('A stay');
    await expect(page.getByLabel('Which complaint')).toHaveCount(0);
    const survey = await surveys.record({ nps: 0, csat: 1, comment: 'The room was not cleaned.' });
    await expect(page.getByTestId(`detractor-${survey}`)).toContainText('The room was not cleaned.');
    return { survey, guest };
  });

  await test.step('Home shows NPS lower and past its threshold', async () => {
    await app.goTo('en', 'home');
    await expect.poll(() => home.value('nps')).toBeLessThan(before);
    await expect(home.figure('nps')).toHaveAttribute('data-status', 'warning');
    await expect(home.warning('nps')).toHaveText(/Past threshold/);
    await expect(page.getByTestId('health-warnings')).toBeVisible();
  });

  await test.step('Today lists the call-back, and logging it completes it', async () => {
    await app.goTo('en', 'today');
    const item = today.callBack(survey);
    await expect(item).toContainText('Detractor call-back (scored 0)');
    await expect(item).toContainText(guest);
    await expect(item).toContainText('The room was not cleaned.');
    await today.logCallBack(survey, 'Positive');
    await expect(item).toHaveCount(0);
  });

  await test.step('the Surveys page shows the detractor as called back', async () => {
    await app.goTo('en', 'surveys');
    await expect(page.getByTestId(`detractor-${survey}`)).toContainText('Called back');
  });
});
