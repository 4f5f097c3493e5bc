// The side-by-side benchmark of issue 9 (`bash .ci/bench --compare`): the
// reference harness's anchors (../shared/perf: Dexie, raw chunked IndexedDB,
// DuckDB-wasm, plain JS RFM) and the app's own figures, in ONE headless
// Chromium session (one fresh profile, one browser launch) on the SAME data:
// the harness's deterministic CSVs (100,000 customers, 1,000,000
// transactions, 300 stores).
//
// One static server on 127.0.0.1 (gzip level 6, no-store, like the
// harness's) serves the harness at / and the `--features bench` release
// build of the app at /app/. Steps, in this order, in one page:
//   anchors  gen → [Dexie bulkPut] → chunk write → reload → chunk cold read →
//            plain JS RFM ×3 → DuckDB init → DuckDB CSV load → DuckDB RFM ×3
//   app      open /app/ → import customers.csv then transactions.csv through
//            the Import page (file input, mapping, "check", "import"), with a
//            PerformanceObserver counting long tasks (> 50 ms) → reload until
//            the dashboard shows the 100k customers (cold start) → memory →
//            open Customers, Segments and Lifecycle from the dashboard (long tasks until
//            each page's analysis is shown) → customer search per keystroke (painted), and the same typing into a
//            page that only echoes it (the frame floor, in a second tab) → cold load + RFM,
//            segments, tiers, lifecycle stages (bench exports) → BG/NBD fit on
//            23,570 customers (CDNOW ×10) → page weight of the plain release build.
// Prints one table: figure, app, anchor, ratio, target, met/missed.
//
// Options: --anchors DIR (a prepared copy of the harness; .ci/bench makes it),
// --dist DIR (bench build), --plain DIR (release build for page weight),
// --port P, --no-dexie (skip the ~4 min Dexie bulkPut anchor), --json FILE.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveFiles } from '../static-server.mjs';
import {
  LONG_TASKS, longTasksBetween, waitInPage, importThroughPage, CUSTOMER_MAPPING, TRANSACTION_MAPPING,
} from './import-page.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');

function parseArgs(argv) {
  const o = {
    anchors: path.join(repo, '.bench', 'anchors'),
    dist: path.join(repo, 'dist-bench'),
    plain: path.join(repo, 'dist'),
    port: 4186,
    dexie: true,
    json: path.join(repo, '.bench', 'compare.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--anchors': o.anchors = path.resolve(value()); break;
      case '--dist': o.dist = path.resolve(value()); break;
      case '--plain': o.plain = path.resolve(value()); break;
      case '--port': o.port = Number(value()); break;
      case '--json': o.json = path.resolve(value()); break;
      case '--no-dexie': o.dexie = false; break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const DATA = path.join(opts.anchors, 'data');
const DUCK_DIST = path.join(opts.anchors, 'node_modules/@duckdb/duckdb-wasm/dist');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info', '--js-flags=--expose-gc'];
const SETTLE_MS = 5000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(new Date().toISOString().slice(11, 19), ...a);

// ---------- the harness's bundles and data ----------
const anchorsRequire = createRequire(path.join(opts.anchors, 'package.json'));
const esbuild = anchorsRequire('esbuild');
for (const [entry, out] of [['src/dexie-entry.js', 'www/lib/dexie.js'], ['src/duckdb-entry.js', 'www/lib/duckdb.js']]) {
  await esbuild.build({ entryPoints: [path.join(opts.anchors, entry)], outfile: path.join(opts.anchors, out), bundle: true,
    minify: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'warning' });
}
const manifest = JSON.parse(fs.readFileSync(path.join(DATA, 'manifest.json'), 'utf8'));
const NC = manifest.nCustomers;
const { generate, checksum } = await import(pathToFileURL(path.join(opts.anchors, 'gen.mjs')).href);
if (checksum(generate()) !== manifest.checksum) throw new Error('the harness generator differs from its manifest');

// ---------- one server: harness at /, the app at /app/ ----------
function resolveFile(p) {
  if (p === '/app' || p === '/app/') return path.join(opts.dist, 'index.html');
  if (p.startsWith('/app/')) return path.join(opts.dist, path.normalize(p.slice(5)));
  if (p === '/' || p === '/index.html') return path.join(opts.anchors, 'www/index.html');
  if (p === '/gen.mjs') return path.join(opts.anchors, 'gen.mjs');
  if (p.startsWith('/duckdb/')) return path.join(DUCK_DIST, path.basename(p));
  if (p.startsWith('/data/')) return path.join(DATA, path.basename(p));
  return path.join(opts.anchors, 'www', path.normalize(p));
}
const server = await serveFiles(opts.port, resolveFile);
const BASE = `http://127.0.0.1:${opts.port}`;
log('serving the harness at', `${BASE}/`, 'and the app at', `${BASE}/app/`);

// ---------- in-page helpers ----------
const harness = (page, fn, arg) => page.evaluate(([f, a]) => window.bench[f](a), [fn, arg ?? {}]);
async function harnessReady(page) { await page.waitForFunction(() => window.benchReady === true, null, { timeout: 120_000 }); }
async function appReady(page) {
  await page.waitForFunction(() => typeof window.wasmBindings?.bench_load_app === 'function', null, { timeout: 180_000 });
}
const overviewCustomers = () => {
  const el = document.querySelector('[data-testid="overview-customers"]');
  return el ? Number((el.textContent ?? '').replace(/[^\d]/g, '')) : 0;
};
async function gcTwice(page) {
  for (let i = 0; i < 2; i++) { await page.evaluate(() => window.gc?.()); await sleep(500); }
}

// The analysis pages, each with what says its analysis is on screen.
const PAGES = [
  ['customers', () => { const s = document.querySelector('[data-testid="filter-stage"]'); return !!s && !s.disabled && !!document.querySelector('[data-testid="customer-row"]'); }],
  ['segments', () => !!document.querySelector('[data-testid="segments-summary"]')],
  ['lifecycle', () => document.querySelector('[data-testid="stage-counts"]')?.getAttribute('data-counted') === 'used'
    && !!document.querySelector('[data-testid="flow-table"]')
    && document.querySelectorAll('[data-testid="cohort-table"] tbody tr').length > 0],
  // The Lifecycle page's other views that read the whole history, each opened from the dashboard.
  ['lifecycle?view=rates', () => !!document.querySelector('[data-testid="rates-trend"]')],
  ['lifecycle?view=warnings', () => !!document.querySelector('[data-testid="warning-count"]')],
  ['lifecycle?view=winback', () => !!document.querySelector('[data-testid="winback-candidates"]')],
  ['lifecycle?view=backtest', () => !!document.querySelector('[data-testid="bt-curve"]')],
  // Surveys scores every customer for its by-segment table.
  ['surveys', () => !!document.querySelector('.page-surveys .survey-table')
    && !document.querySelector('[data-testid="surveys-segments-computing"]')],
];
/** `lifecycle?view=rates` → `Lifecycle (rates)`. */
const pageTitle = (name) => {
  const [route, query] = name.split('?');
  const view = new URLSearchParams(query ?? '').get('view');
  return `${route[0].toUpperCase()}${route.slice(1)}${view ? ` (${view})` : ''}`;
};
/** Opens #/`name` from the dashboard; the time until `ready` holds, and the long tasks until then. */
async function openPage(page, name, ready) {
  await page.evaluate(() => { location.hash = '#/'; });
  await page.locator('[data-testid="overview-customers"]').waitFor({ timeout: 120_000 });
  await sleep(2000);
  const t0 = await page.evaluate((n) => { const t = performance.now(); location.hash = `#/${n}`; return t; }, name);
  const t1 = await waitInPage(page, ready, null, 5);
  await sleep(300);
  return { readyMs: t1 - t0, longTasks: await longTasksBetween(page, t0, t1 + 300) };
}

/** Types `queries` into the customer search one character at a time; per keystroke the time until the
 * next frame after the list re-rendered has been painted (input event → rAF → task after paint). */
async function searchLatency(page, queries) {
  await page.evaluate(() => { location.hash = '#/customers'; });
  await page.locator('[data-testid="customer-search"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 120_000 });
  // The page's own analysis done (its long tasks are measured apart, `openPage`).
  await waitInPage(page, PAGES[0][1], null, 5);
  await sleep(500);
  return typingLatency(page, queries);
}

/** The floor of that measurement: the same typing into a page whose input handler only writes the
 * query into one text node. The frames of headless Chromium come at most every 16.7 ms and the next
 * key is typed right after a paint, so most keystrokes wait about one frame whatever the page does
 * (the first of each query, after a pause, does not): this page's median is about 16 ms. */
async function frameFloor(context, queries) {
  const page = await context.newPage();
  try {
    await page.setContent('<input data-testid="customer-search"><p id="echo">-</p>');
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid="customer-search"]');
      const echo = document.getElementById('echo');
      input.addEventListener('input', () => { echo.textContent = input.value || '-'; });
    });
    return await typingLatency(page, queries);
  } finally {
    await page.close();
  }
}

async function typingLatency(page, queries) {
  return page.evaluate(async (qs) => {
    const input = document.querySelector('[data-testid="customer-search"]');
    const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now()); ch.port2.postMessage(0);
    }));
    const times = [];
    const counts = [];
    for (const q of qs) {
      for (let i = 1; i <= q.length; i++) {
        const t0 = performance.now();
        input.value = q.slice(0, i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        times.push((await afterPaint()) - t0);
        counts.push(document.querySelector('[data-testid="customers-count"]')?.getAttribute('data-count'));
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await afterPaint();
      await new Promise((r) => setTimeout(r, 50));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const pick = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return { keystrokes: times.length, medianMs: pick(0.5), p95Ms: pick(0.95), maxMs: sorted[sorted.length - 1], times, counts };
  }, queries);
}

function gzipSizes(dir) {
  const files = fs.readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js');
  const out = { main: 0, worker: 0, workbook: 0, files: {} };
  for (const f of files) {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
    out.files[f] = gz;
    if (f.startsWith('worker')) out.worker += gz;
    else if (f.startsWith('workbook')) out.workbook += gz;
    else out.main += gz;
  }
  return out;
}

// ---------- the session ----------
const profile = await mkdtemp(path.join(tmpdir(), 'crm-compare-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
await context.addInitScript(LONG_TASKS);
const errors = [];
const R = { date: new Date().toISOString(), loadavgStart: fs.readFileSync('/proc/loadavg', 'utf8').trim(), anchors: {}, app: {} };
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text().slice(0, 300)}`); });
  R.browser = context.browser()?.version() ?? null;

  // --- anchors (the harness's own functions) ---
  await page.goto(`${BASE}/`);
  await harnessReady(page);
  const gen = await harness(page, 'gen');
  if (gen.checksum !== manifest.checksum) throw new Error(`in-page generator checksum ${gen.checksum} != ${manifest.checksum}`);
  if (opts.dexie) {
    R.anchors.dexieWrite = await harness(page, 'dexieWrite', { batch: 50000 });
    log('anchor Dexie bulkPut 1M', fmtMs(R.anchors.dexieWrite.txMs));
    await sleep(SETTLE_MS);
  }
  R.anchors.chunkWrite = await harness(page, 'chunkWrite', { chunkRows: 65536 });
  await sleep(SETTLE_MS);
  await page.reload(); await harnessReady(page);
  R.anchors.chunkReadAll = await harness(page, 'chunkReadAll', { keep: true });
  log('anchor chunk cold read', fmtMs(R.anchors.chunkReadAll.totalMs));
  R.anchors.rfmJS = await harness(page, 'rfmJS', { nCustomers: NC, reps: 3 });
  R.anchors.duckInit = await harness(page, 'duckInit', { bundle: 'eh' });
  R.anchors.duckLoadCSV = await harness(page, 'duckLoadCSV');
  log('anchor DuckDB CSV load', fmtMs(R.anchors.duckLoadCSV.ms));
  R.anchors.duckRFM = await harness(page, 'duckRFM', { table: 'tx_csv', reps: 3, nCustomers: NC });
  log('anchor DuckDB RFM warm', R.anchors.duckRFM.warmMs.map(fmtMs).join(', '), 'JS RFM warm', R.anchors.rfmJS.warmMs.map(fmtMs).join(', '));

  // --- the app ---
  await page.goto(`${BASE}/app/`);
  await appReady(page);
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="overview-customers"]');
    return !!el;
  }, null, { timeout: 120_000 });
  await sleep(1000);
  for (const [key, file, target, mapping] of [
    ['customersImport', 'customers.csv', 'customers', CUSTOMER_MAPPING],
    ['transactionsImport', 'transactions.csv', 'transactions', TRANSACTION_MAPPING],
  ]) {
    const r = await importThroughPage(page, path.join(DATA, file), target, mapping);
    log(`import ${r.file}: read ${fmtMs(r.readMs)}, check ${fmtMs(r.validateMs)}, write ${fmtMs(r.commitMs)}; ${r.valid} valid, ${r.invalid} invalid`);
    R.app[key] = r;
  }
  await sleep(SETTLE_MS);

  // cold start: reload on the dashboard, open the database, load, overview and health figures painted.
  // The dashboard is shown once before, as a returning user saw it: the app then knows its data set
  // is large and gives the worker a head start at the next open.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForFunction((n) => {
    const el = document.querySelector('[data-testid="overview-customers"]');
    return !!el && Number((el.textContent ?? '').replace(/[^\d]/g, '')) >= n;
  }, NC, { timeout: 120_000 });
  await page.reload();
  const tOverview = await waitInPage(page, (n) => {
    const el = document.querySelector('[data-testid="overview-customers"]');
    return !!el && Number((el.textContent ?? '').replace(/[^\d]/g, '')) >= n;
  }, NC, 10);
  // The health figures: on a data set this size they come from the
  // analytics worker, after the overview; the dashboard is ready when both are painted.
  const tReady = await waitInPage(page, () => !!document.querySelector('[data-testid="health-nps"]'), null, 10);
  R.app.coldStart = { readyMs: tReady, overviewMs: tOverview, longTasks: await longTasksBetween(page, 0, tReady), customersShown: await page.evaluate(overviewCustomers) };
  log('app cold start', fmtMs(tReady));
  await appReady(page);
  await sleep(2000);
  await gcTwice(page);
  R.app.memory = await page.evaluate(() => window.wasmBindings.bench_memory());

  // Opening the pages that analyse the whole chain, as a user does after a cold start: each page's
  // long tasks from the click until its analysis is shown (Customers: the lifecycle stages, which
  // come last; the basis then is shared with Lifecycle; Segments prepares its own).
  R.app.pages = {};
  for (const [name, ready] of PAGES) R.app.pages[name] = await openPage(page, name, ready);
  log('pages opened', Object.entries(R.app.pages).map(([n, r]) => `${n} ${fmtMs(r.readyMs)} (${r.longTasks.count} long, max ${fmtMs(r.longTasks.maxMs)})`).join(', '));

  const queries = ['muller', 'barbara', '660932', 'donald.m'];
  R.app.search = await searchLatency(page, queries);
  log('app search median', fmtMs(R.app.search.medianMs), 'p95', fmtMs(R.app.search.p95Ms));
  R.anchors.frameFloor = await frameFloor(context, queries);
  await page.bringToFront();
  log('frame floor median', fmtMs(R.anchors.frameFloor.medianMs), 'p95', fmtMs(R.anchors.frameFloor.p95Ms));

  R.app.load = await page.evaluate(() => window.wasmBindings.bench_load_app());
  // Before bench_analytics, which records a sale in the loaded copy: the worker loads what is stored.
  R.app.workerDashboard = await page.evaluate(() => window.wasmBindings.bench_worker_dashboard(3));
  log('app home dashboard in the worker', JSON.stringify(R.app.workerDashboard));
  R.app.analytics = await page.evaluate(() => window.wasmBindings.bench_analytics(3));
  log('app analytics', JSON.stringify(R.app.analytics));
  const cdnow = fs.readFileSync(path.join(repo, 'tests/fixtures/cdnow_sample.txt'), 'utf8');
  R.app.bgnbd = await page.evaluate((text) => window.wasmBindings.bench_bgnbd(text, 10, 5), cdnow);
  log('app BG/NBD', JSON.stringify(R.app.bgnbd));
  await page.evaluate(() => window.wasmBindings.bench_release());
} catch (e) {
  // Keep what was measured: the raw figures so far, then fail.
  R.failure = String(e?.stack ?? e);
  R.errors = errors;
  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  fs.writeFileSync(opts.json, JSON.stringify(R, null, 1));
  console.error(`compare: ${R.failure}\npartial figures: ${opts.json}`);
  process.exitCode = 1;
  throw e;
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
R.pageWeight = { plain: fs.existsSync(path.join(opts.plain, 'index.html')) ? gzipSizes(opts.plain) : null, bench: gzipSizes(opts.dist) };
R.loadavgEnd = fs.readFileSync('/proc/loadavg', 'utf8').trim();
R.errors = errors;
fs.mkdirSync(path.dirname(opts.json), { recursive: true });
fs.writeFileSync(opts.json, JSON.stringify(R, null, 1));

// ---------- the table ----------
function fmtMs(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${ms.toFixed(1)} ms`;
}
const med = (xs) => { const v = [...xs].sort((a, b) => a - b); return v[v.length >> 1]; };
const A = R.anchors, P = R.app;
const tx = P.transactionsImport, cu = P.customersImport;
const mib = (b) => (typeof b === 'number' ? `${(b / 1048576).toFixed(0)} MiB` : 'n/a');
const kb = (b) => (typeof b === 'number' ? `${Math.round(b / 1024)} KB` : 'n/a');
const ratio = (x) => (typeof x === 'number' && Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×` : 'n/a');
const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'met' : 'MISSED');
const txLong = tx.longTasks.read.count + tx.longTasks.validate.count + tx.longTasks.commit.count;
const txLongMax = Math.max(tx.longTasks.read.maxMs, tx.longTasks.validate.maxMs, tx.longTasks.commit.maxMs);
const duckRfm = med(A.duckRFM.warmMs), jsRfm = med(A.rfmJS.warmMs);
const weight = R.pageWeight.plain ?? R.pageWeight.bench;
const rows = [
  ['Import 1M tx CSV (read+check+write), total', fmtMs(tx.totalMs), `DuckDB CSV load ${fmtMs(A.duckLoadCSV.ms)}`,
    ratio(A.duckLoadCSV.ms / tx.totalMs), '≥ 1× (as fast as DuckDB)', verdict(tx.totalMs <= A.duckLoadCSV.ms)],
  ['  same, vs Dexie bulkPut 1M', fmtMs(tx.totalMs), A.dexieWrite ? `Dexie ${fmtMs(A.dexieWrite.txMs)}` : 'skipped (--no-dexie)',
    A.dexieWrite ? ratio(A.dexieWrite.txMs / tx.totalMs) : 'n/a', '≥ 100×', A.dexieWrite ? verdict(A.dexieWrite.txMs / tx.totalMs >= 100) : 'n/a'],
  ['  read file (parse)', fmtMs(tx.readMs), '', '', '', ''],
  ['  check all rows (validate)', fmtMs(tx.validateMs), '', '', '', ''],
  ['  import (atomic write + in-memory)', fmtMs(tx.commitMs), '', '', '', ''],
  ['  throughput', `${Math.round(tx.rows / (tx.totalMs / 1000)).toLocaleString('en-US')} rows/s`, '', '', '', ''],
  ['  long tasks > 50 ms (read/check/write)', `${tx.longTasks.read.count}/${tx.longTasks.validate.count}/${tx.longTasks.commit.count}, max ${fmtMs(txLongMax)}`, '', '', '0', verdict(txLong === 0)],
  ['Import 100k customers CSV, total', fmtMs(cu.totalMs), '', '', '', ''],
  ['  throughput; long tasks (read/check/write)', `${Math.round(cu.rows / (cu.totalMs / 1000)).toLocaleString('en-US')} rows/s; ${cu.longTasks.read.count}/${cu.longTasks.validate.count}/${cu.longTasks.commit.count}`, '', '', '0 long tasks', verdict(cu.longTasks.read.count + cu.longTasks.validate.count + cu.longTasks.commit.count === 0)],
  ['Cold start: reload → dashboard painted', fmtMs(P.coldStart.readyMs), `chunk cold read ${fmtMs(A.chunkReadAll.totalMs)}`,
    ratio(P.coldStart.readyMs / A.chunkReadAll.totalMs), '≤ 1.5×', verdict(P.coldStart.readyMs <= 1.5 * A.chunkReadAll.totalMs)],
  ['  the data overview painted (data set loaded) at', fmtMs(P.coldStart.overviewMs ?? NaN), '', '', '', ''],
  ['  of which open + load (wasm, IndexedDB)', fmtMs(P.load.openMs + P.load.loadMs), `chunk cold read ${fmtMs(A.chunkReadAll.totalMs)}`,
    ratio((P.load.openMs + P.load.loadMs) / A.chunkReadAll.totalMs), '≤ 1.5×', verdict(P.load.openMs + P.load.loadMs <= 1.5 * A.chunkReadAll.totalMs)],
  ['  long tasks during cold start', `${P.coldStart.longTasks.count}, max ${fmtMs(P.coldStart.longTasks.maxMs)}`, '', '', '0', verdict(P.coldStart.longTasks.count === 0)],
  ...Object.entries(P.pages ?? {}).map(([name, r]) => [`Opening ${pageTitle(name)} on the chain: long tasks`,
    `${r.longTasks.count}, max ${fmtMs(r.longTasks.maxMs)}; shown in ${fmtMs(r.readyMs)}`, '', '', '0', verdict(r.longTasks.count === 0)]),
  ['RFM + segments + tiers + lifecycle (1M tx), data unchanged', fmtMs(P.analytics.totalMs), `DuckDB RFM warm ${fmtMs(duckRfm)}`,
    ratio(duckRfm / P.analytics.totalMs), '≥ 3× faster', verdict(duckRfm / P.analytics.totalMs >= 3)],
  ['  same, vs plain JS RFM', fmtMs(P.analytics.totalMs), `JS RFM warm ${fmtMs(jsRfm)}`,
    ratio(jsRfm / P.analytics.totalMs), '≥ 1× (no slower)', verdict(P.analytics.totalMs <= jsRfm)],
  ['  same, right after a sale (history regrouped)', fmtMs(P.analytics.coldMs), `DuckDB RFM first ${fmtMs(A.duckRFM.firstMs)}`,
    ratio(A.duckRFM.firstMs / P.analytics.coldMs), '', ''],
  ['  same, right after a sale, vs DuckDB warm', fmtMs(P.analytics.coldMs), `DuckDB RFM warm ${fmtMs(duckRfm)}`,
    ratio(duckRfm / P.analytics.coldMs), '', ''],
  ['  grouping the purchase history (once per change)', fmtMs(P.analytics.historyMs), '', '', '', ''],
  ['  RFM scores alone; lifecycle alone', `${fmtMs(P.analytics.rfmMs)}; ${fmtMs(P.analytics.lifecycleMs)}`, '', '', '', ''],
  ['  prepare with BG/NBD + Gamma-Gamma', fmtMs(P.analytics.prepareWithModelsMs), '', '', '(in the worker)', ''],
  ['  home dashboard in the analytics worker (start, load, compute, reply)', fmtMs(P.workerDashboard?.medianMs), '', '', '', ''],
  [`BG/NBD fit, ${P.bgnbd.customers.toLocaleString('en-US')} customers (CDNOW ×10)`, fmtMs(P.bgnbd.fitMs), '', '', '< 100 ms', verdict(P.bgnbd.fitMs < 100)],
  ['Customer search over 100k, median / keystroke', fmtMs(P.search.medianMs), `frame floor ${fmtMs(A.frameFloor.medianMs)}`,
    ratio(A.frameFloor.medianMs / P.search.medianMs), '≤ 16 ms', verdict(P.search.medianMs <= 16)],
  ['Customer search over 100k, p95 / keystroke', fmtMs(P.search.p95Ms), `frame floor ${fmtMs(A.frameFloor.p95Ms)}`,
    ratio(A.frameFloor.p95Ms / P.search.p95Ms), '≤ 33 ms', verdict(P.search.p95Ms <= 33)],
  ['Memory: JS heap + wasm, full data set', mib((P.memory.jsHeapBytes ?? 0) + P.memory.wasmMemoryBytes), '', '', '< 400 MB', verdict((P.memory.jsHeapBytes ?? 0) + P.memory.wasmMemoryBytes < 400e6)],
  [`Page weight: wasm + JS + CSS gzip -9 (${R.pageWeight.plain ? 'release' : 'bench build'})`, kb(weight.main), 'harness page ≈ 8 MB', '', '≤ 400 KB', verdict(weight.main <= 400 * 1024)],
  ['  + the analytics worker (loaded on demand)', kb(weight.worker), '', '', '', ''],
  ['  + the workbook worker (loaded for .xlsx only)', kb(weight.workbook), '', '', '', ''],
];
const header = ['figure', 'app', 'anchor', 'anchor ÷ app', 'target', 'met?'];
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`\nSide-by-side benchmark (issue 9), one Chromium session (${R.browser ?? '?'}), one profile, harness data (checksum ${manifest.checksum}):`);
console.log(`${NC.toLocaleString('en-US')} customers, ${manifest.nTx.toLocaleString('en-US')} transactions, ${manifest.nStores} stores; load average ${R.loadavgStart} → ${R.loadavgEnd}; one round\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\nImported: customers ${cu.valid} valid / ${cu.invalid} invalid; transactions ${tx.valid} valid / ${tx.invalid} invalid. Analytics over ${P.analytics.customers} customers, ${P.analytics.transactions} transactions (the app's demo data included).`);
console.log(`BG/NBD estimate r=${P.bgnbd.r.toFixed(3)} α=${P.bgnbd.alpha.toFixed(3)} a=${P.bgnbd.a.toFixed(3)} b=${P.bgnbd.b.toFixed(3)} (published CDNOW: 0.243, 4.414, 0.793, 2.426)`);
if (errors.length) console.log(`\nPage errors:\n  ${errors.join('\n  ')}`);
console.log(`raw figures: ${path.relative(process.cwd(), opts.json)}`);
