// Storage benchmark driver (`bash .ci/bench` runs it after building dist-bench/).
//
// Serves the `--features bench` build on 127.0.0.1 and, in headless system
// Chromium with a fresh profile per round, calls the page's `window.crmBench`
// (the wasm exports of src/bench.rs):
//   1. generate the large retail demo (100,000 customers, 1,000,000 transactions)
//      and write it into IndexedDB "crm-bench" with IdbStorage::replace;
//   2. reload the page; cold load (IdbStorage::open + load);
//   3. memory with the data set held: JS heap + wasm linear memory, and the
//      browser's storage estimate.
// Timings are measured inside the page with performance.now(). Prints one
// table: each round and the median. Options: --rounds N (default 3),
// --dist DIR (default ../../dist-bench), --port P (default 4180),
// --json FILE (raw figures; default ../../.bench/last.json).

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, mkdir, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');

function parseArgs(argv) {
  const options = {
    rounds: 3,
    dist: path.join(repo, 'dist-bench'),
    port: 4180,
    json: path.join(repo, '.bench', 'last.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--rounds': options.rounds = Number(value()); break;
      case '--dist': options.dist = path.resolve(value()); break;
      case '--port': options.port = Number(value()); break;
      case '--json': options.json = path.resolve(value()); break;
      case '-h':
      case '--help':
        console.log('usage: node run.mjs [--rounds N] [--dist DIR] [--port P] [--json FILE]');
        process.exit(0);
      default:
        throw new Error(`unknown option ${argv[i]} (try --help)`);
    }
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new Error('--rounds must be a whole number ≥ 1');
  if (!Number.isInteger(options.port) || options.port < 1) throw new Error('--port must be a port number');
  return options;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Unquantised performance.memory, and gc() so memory is measured after a collection.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServer(dist, port) {
  await access(path.join(dist, 'index.html')).catch(() => {
    throw new Error(`${dist}/index.html is missing: build it with trunk build --release --features bench --dist dist-bench`);
  });
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`the static server stopped: ${stderr.trim()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { server, url };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  server.kill();
  throw new Error(`the static server did not answer on ${url}`);
}

/** Waits for the wasm module and exposes its bench exports as window.crmBench. */
async function attachBench(page) {
  await page.waitForFunction(() => typeof window.wasmBindings?.bench_cold_load === 'function', null, {
    timeout: 180_000,
  });
  await page.evaluate(() => {
    const b = window.wasmBindings;
    window.crmBench = {
      generateAndWrite: () => b.bench_generate_and_write(),
      coldLoad: () => b.bench_cold_load(),
      memory: () => b.bench_memory(),
      release: () => b.bench_release(),
    };
  });
}

/** Lets the app finish its own start-up (it loads its hotel demo into "crm" on first open). */
async function letAppSettle(page) {
  const settled = await page
    .waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="overview-customers"]');
        return !!el && Number((el.textContent ?? '').replace(/[^\d]/g, '')) > 0;
      },
      null,
      { timeout: 60_000 },
    )
    .then(() => true)
    .catch(() => false);
  await sleep(1000);
  return settled;
}

/** Memory after garbage collection: one gc() right after an await still finds the
 * last call's buffers reachable, so collect twice with a pause between. */
async function measureMemory(page) {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => window.gc?.());
    await sleep(500);
  }
  return page.evaluate(() => window.crmBench.memory());
}

/** A wasm panic leaves the awaited promise pending for ever: fail on a page error or after `minutes`. */
function call(page, fn, label, minutes = 20) {
  let onError;
  let timer;
  const failure = new Promise((_, reject) => {
    onError = (e) => reject(new Error(`${label}: page error: ${e.message}`));
    page.on('pageerror', onError);
    timer = setTimeout(() => reject(new Error(`${label}: no answer after ${minutes} minutes`)), minutes * 60_000);
  });
  return Promise.race([page.evaluate(fn), failure]).finally(() => {
    page.off('pageerror', onError);
    clearTimeout(timer);
  });
}

async function runRound(url, round, rounds) {
  const profile = await mkdtemp(path.join(tmpdir(), 'crm-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const errors = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
    const log = (message) => console.log(`  round ${round}/${rounds}: ${message}`);

    await page.goto(url);
    await attachBench(page);
    const appSettled = await letAppSettle(page);
    log(appSettled ? 'app started (its own demo is loaded)' : 'app start not confirmed (no overview figure); going on');
    const before = await measureMemory(page);

    log('generating 100,000 customers + 1,000,000 transactions and writing them to "crm-bench"…');
    const write = await call(page, () => window.crmBench.generateAndWrite(), 'generate and write');
    log(`generate ${fmtMs(write.generateMs)}, write ${fmtMs(write.writeMs)}`);
    const afterWrite = await measureMemory(page);

    await page.reload();
    await attachBench(page);
    await letAppSettle(page);
    log('cold load after reload…');
    const cold = await call(page, () => window.crmBench.coldLoad(), 'cold load');
    log(`open ${fmtMs(cold.openMs)}, load ${fmtMs(cold.loadMs)}`);
    const afterLoad = await measureMemory(page);

    return { round, appSettled, write, cold, before, afterWrite, afterLoad, errors };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function fmtMs(ms) {
  if (typeof ms !== 'number') return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms).toLocaleString('en-US')} ms`;
}

function fmtBytes(bytes) {
  if (typeof bytes !== 'number') return 'n/a';
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function fmtCount(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : 'n/a';
}

function diff(a, b) {
  return typeof a === 'number' && typeof b === 'number' ? a - b : null;
}

function printTable(results) {
  const rows = [
    ['customers generated', (r) => r.write.customers, fmtCount],
    ['transactions generated', (r) => r.write.transactions, fmtCount],
    ['generate (Rust, in page)', (r) => r.write.generateMs, fmtMs],
    ['open "crm-bench" (empty)', (r) => r.write.openMs, fmtMs],
    ['bulk write (IdbStorage::replace)', (r) => r.write.writeMs, fmtMs],
    ['cold open after reload', (r) => r.cold.openMs, fmtMs],
    ['cold load (IdbStorage::load)', (r) => r.cold.loadMs, fmtMs],
    ['cold open + load', (r) => r.cold.openMs + r.cold.loadMs, fmtMs],
    ['transactions loaded', (r) => r.cold.transactions, fmtCount],
    ['JS heap after load', (r) => r.afterLoad.jsHeapBytes, fmtBytes],
    ['wasm memory after load', (r) => r.afterLoad.wasmMemoryBytes, fmtBytes],
    ['JS heap + wasm after load', (r) => (r.afterLoad.jsHeapBytes ?? 0) + r.afterLoad.wasmMemoryBytes, fmtBytes],
    ['storage usage after write', (r) => r.afterWrite.storageUsageBytes, fmtBytes],
    ['  of which IndexedDB', (r) => r.afterWrite.indexedDbBytes, fmtBytes],
    ['  growth from the bench write', (r) => diff(r.afterWrite.storageUsageBytes, r.before.storageUsageBytes), fmtBytes],
  ];
  const header = ['measure', ...results.map((r) => `round ${r.round}`), `median of ${results.length}`];
  const body = rows.map(([label, get, fmt]) => {
    const values = results.map((r) => {
      try {
        return get(r);
      } catch {
        return null;
      }
    });
    return [label, ...values.map(fmt), fmt(median(values))];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of body) console.log(line(row));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { server, url } = await startServer(options.dist, options.port);
  console.log(`bench: serving ${options.dist} at ${url}; ${options.rounds} round(s), a fresh Chromium profile each`);
  const results = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      results.push(await runRound(url, round, options.rounds));
    }
  } finally {
    server.kill();
  }

  await mkdir(path.dirname(options.json), { recursive: true });
  await writeFile(options.json, JSON.stringify({ date: new Date().toISOString(), options, results }, null, 2));

  console.log(`\nStorage benchmark: retail demo, large (100,000 customers + 1,000,000 transactions), IndexedDB "crm-bench"`);
  console.log(`Chromium ${(await chromiumVersion()) ?? '?'}, headless; times measured in the page with performance.now()\n`);
  printTable(results);
  const errors = results.flatMap((r) => r.errors.map((e) => `round ${r.round}: ${e}`));
  if (errors.length > 0) {
    console.log(`\nErrors in the page during the benchmark:\n  ${errors.join('\n  ')}`);
  }
  console.log(`\nraw figures: ${path.relative(process.cwd(), options.json)}`);
  console.log(`driver time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function chromiumVersion() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench: ${error?.stack ?? error}`);
  process.exit(1);
});
