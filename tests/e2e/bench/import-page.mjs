// The Import page driven as a user drives it, and the page-side timing
// helpers, shared by the side-by-side benchmark (compare.mjs) and the A/B
// comparison of two builds (ab.mjs --page).
import fs from 'node:fs';
import path from 'node:path';

// Long tasks of every page, from its start (buffered), as [start, duration].
export const LONG_TASKS = () => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task API: counted as null */ }
};
export const longTasksBetween = (page, t0, t1) => page.evaluate(([a, b]) => {
  const tasks = (window.__longTasks ?? []).filter(([s, d]) => s + d >= a && s <= b);
  return { count: tasks.length, maxMs: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
    totalMs: tasks.reduce((m, [, d]) => m + d, 0), tasks: tasks.map(([s, d]) => [Math.round(s), Math.round(d)]) };
}, [t0, t1]);
export const pageNow = (page) => page.evaluate(() => performance.now());
/** Waits until `predicate` holds in the page, polling every animation frame; returns performance.now() then. */
export async function waitInPage(page, predicate, arg, timeoutMin = 30) {
  const handle = await page.waitForFunction(predicate, arg, { polling: 'raf', timeout: timeoutMin * 60_000 });
  await handle.dispose();
  return pageNow(page);
}
// The harness's columns, mapped on the Import page: column → field.
export const CUSTOMER_MAPPING = { 0: 'customer_id', 1: 'name', 2: 'phone', 3: 'email', 4: 'city', 5: 'birthday', 6: 'signup', 7: 'store' };
export const TRANSACTION_MAPPING = { 0: '', 1: 'customer_id', 2: 'store', 3: 'date', 4: 'amount', 5: 'channel', 6: 'category' };

/** One file through the Import page: choose, map, check all rows, import. */
export async function importThroughPage(page, file, target, mapping) {
  await page.evaluate(() => { location.hash = '#/data'; });
  await page.locator('[data-testid="import-target"]').waitFor({ timeout: 60_000 });
  await page.selectOption('[data-testid="import-target"]', target);
  const t0 = await pageNow(page);
  await page.setInputFiles('[data-testid="import-file"]', file);
  const tRead = await waitInPage(page, (name) => (document.querySelector('[data-testid="import-facts"]')?.textContent ?? '').includes(name), path.basename(file));
  for (const [col, field] of Object.entries(mapping)) await page.selectOption(`[data-testid="map-${col}"]`, field);
  const rows = Number(await page.getAttribute('[data-testid="import-facts"]', 'data-rows'));
  const t1 = await page.evaluate(() => { const t = performance.now(); document.querySelector('[data-testid="import-validate"]').click(); return t; });
  const tValid = await waitInPage(page, () => !!document.querySelector('[data-testid="import-summary"]'));
  const valid = Number(await page.getAttribute('[data-testid="import-summary"]', 'data-valid'));
  const invalid = Number(await page.getAttribute('[data-testid="import-summary"]', 'data-invalid'));
  const t2 = await page.evaluate(() => { const t = performance.now(); document.querySelector('[data-testid="import-commit"]').click(); return t; });
  const tDone = await waitInPage(page, () => !!document.querySelector('[data-testid="import-done"], .banner-danger[role="alert"]'));
  const failed = await page.evaluate(() => document.querySelector('[data-testid="import-done"]') ? null : document.querySelector('.banner-danger[role="alert"]')?.textContent);
  if (failed) throw new Error(`import of ${path.basename(file)} failed: ${failed}`);
  const readMs = tRead - t0, validateMs = tValid - t1, commitMs = tDone - t2;
  const result = {
    file: path.basename(file), bytes: fs.statSync(file).size, rows, valid, invalid,
    readMs, validateMs, commitMs, totalMs: readMs + validateMs + commitMs,
    longTasks: {
      read: await longTasksBetween(page, t0, tRead),
      validate: await longTasksBetween(page, t1, tValid),
      commit: await longTasksBetween(page, t2, tDone),
    },
  };
  return result;
}
