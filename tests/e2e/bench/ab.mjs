// Two builds of the import code, compared in Chromium:
//
//   node tests/e2e/bench/ab.mjs --a <dist-bench of build A> --b <dist-bench of build B>
//        [--page] [--anchors .bench/anchors] [--rounds 4] [--reps 3] [--port 4191]
//
// Each dist must be built with `--features bench`. Rounds alternate A and B,
// each in a fresh browser profile, so a machine that slows down mid-run
// slows both (A first in even rounds, B first in odd ones). The data are the
// harness's customers.csv and transactions.csv (`bash .ci/bench --compare`
// writes them).
//
// By default, the check alone: per round, the page fetches both files and
// times the import's read and check of the 1M transactions `reps` times
// inside its wasm (`bench_import_check`, src/bench.rs), with no Import page,
// slices or IndexedDB; printed are the medians of the rounds' fastest reps.
//
// With --page, the whole import as a user does it: per round, both files go
// through the Import page of a fresh profile (choose, map, check, import;
// import-page.mjs, as compare.mjs does it), timing the transactions' read,
// check and write, and the long tasks (over 50 ms) of each phase; printed
// are the medians of the rounds.
//
// Both modes also print the median of the rounds' differences B − A, which
// a machine whose speed drifts blurs less. Judges nothing; the side-by-side
// benchmark of issue 9 is compare.mjs.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { serveFiles } from '../static-server.mjs';
import { LONG_TASKS, importThroughPage, CUSTOMER_MAPPING, TRANSACTION_MAPPING } from './import-page.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dists = { A: opt('a'), B: opt('b') };
if (!dists.A || !dists.B) {
  console.error('usage: node tests/e2e/bench/ab.mjs --a <dist> --b <dist> [--page] [--anchors dir] [--rounds N] [--reps N] [--port P]');
  process.exit(2);
}
const DATA = path.join(opt('anchors', '.bench/anchors'), 'data');
const throughPage = args.includes('--page');
const rounds = Number(opt('rounds', '4'));
const reps = Number(opt('reps', '3'));
const port = Number(opt('port', '4191'));

// The harness's columns as the Import page maps them, as field keys by column.
const fields = (mapping) => Object.keys(mapping).sort((a, b) => a - b).map((c) => mapping[c]);
const CUSTOMER_FIELDS = fields(CUSTOMER_MAPPING);
const TRANSACTION_FIELDS = fields(TRANSACTION_MAPPING);

const server = await serveFiles(port, (p) => {
  for (const [name, dir] of Object.entries(dists)) {
    const prefix = `/${name.toLowerCase()}/`;
    if (p === prefix) return path.join(dir, 'index.html');
    if (p.startsWith(prefix)) return path.join(dir, path.normalize(p.slice(prefix.length)));
  }
  if (p.startsWith('/data/')) return path.join(DATA, path.basename(p));
  return null;
});
// Each round in a fresh profile on disk, as a user's browser stores its
// data: in an in-memory (incognito) context IndexedDB behaves differently
// (two chunk puts under way made the write 50 ms faster there, and on disk
// only 10 ms faster, with one task of 120-150 ms).
const CHROMIUM = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
};

/** The read and check of the transactions inside the page's wasm, `reps` times. */
async function checkAlone(page) {
  await page.waitForFunction(() => typeof window.wasmBindings?.bench_import_check === 'function', null, { timeout: 180_000 });
  const r = await page.evaluate(async ([cf, tf, n]) => {
    const bytes = async (f) => new Uint8Array(await (await fetch(`/data/${f}`)).arrayBuffer());
    const [c, t] = [await bytes('customers.csv'), await bytes('transactions.csv')];
    return window.wasmBindings.bench_import_check(c, cf, t, tf, n);
  }, [CUSTOMER_FIELDS, TRANSACTION_FIELDS, reps]);
  return { figures: { read: r.readMinMs, check: r.checkMinMs },
    line: `read ${r.readMinMs.toFixed(0)} ms, check ${r.checkMinMs.toFixed(0)} ms (fastest of ${reps}); ${r.valid}/${r.rows} valid` };
}

/** Both files through the Import page; the transactions' figures. */
async function wholeImport(page) {
  await page.locator('[data-testid="overview-customers"]').waitFor({ timeout: 180_000 });
  await importThroughPage(page, path.join(DATA, 'customers.csv'), 'customers', CUSTOMER_MAPPING);
  const r = await importThroughPage(page, path.join(DATA, 'transactions.csv'), 'transactions', TRANSACTION_MAPPING);
  const long = ['read', 'validate', 'commit'].map((p) => r.longTasks[p].count).join('/');
  const longest = Math.max(...['read', 'validate', 'commit'].map((p) => r.longTasks[p].maxMs));
  return { figures: { read: r.readMs, check: r.validateMs, write: r.commitMs, total: r.totalMs },
    line: `read ${r.readMs.toFixed(0)}, check ${r.validateMs.toFixed(0)}, write ${r.commitMs.toFixed(0)}, total ${r.totalMs.toFixed(0)} ms; ${r.valid}/${r.rows} valid; long tasks ${long}, max ${longest.toFixed(0)} ms` };
}

const results = { A: [], B: [] };
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
try {
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
      const profile = await mkdtemp(path.join(tmpdir(), 'crm-ab-'));
      const context = await chromium.launchPersistentContext(profile, CHROMIUM);
      if (throughPage) await context.addInitScript(LONG_TASKS);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`http://127.0.0.1:${port}/${name.toLowerCase()}/`);
      const r = await (throughPage ? wholeImport(page) : checkAlone(page));
      results[name].push(r.figures);
      console.log(`round ${round + 1} ${name}: ${r.line}`);
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
} finally {
  server.close();
}
const keys = Object.keys(results.A[0] ?? {});
for (const name of ['A', 'B']) {
  const figures = keys.map((k) => `${k} ${median(results[name].map((f) => f[k])).toFixed(0)} ms`);
  console.log(`${name} (${dists[name]}), medians: ${figures.join(', ')}`);
}
// On a machine whose speed drifts, the paired difference of each round says
// more than the difference of the medians: the median of B − A, and in how
// many rounds B was the faster.
const diffs = keys.map((k) => {
  const d = results.A.map((a, i) => results.B[i][k] - a[k]);
  return `${k} ${median(d) > 0 ? '+' : ''}${median(d).toFixed(0)} ms (B faster in ${d.filter((x) => x < 0).length}/${d.length})`;
});
console.log(`B − A per round, median: ${diffs.join(', ')}`);
