// Runs the benchmarks: builds every test/bench/*.bench.html page with Vite in
// production mode, opens each in headless Chromium, collects the results the
// page reports (see harness.ts), then measures the gzip size of the built
// library in dist/ and of each element bundled alone with the provider.
// Prints one table and exits 0 when all is within budget, 1 when a result is
// over budget, 2 when a page or step failed.
//
// Usage: node test/bench/run.mjs [--filter <substring>] [--json <file>]
//   --filter  runs only the pages whose file name contains the substring;
//             "bundle" selects the bundle sizes.
//   --json    also writes the results and errors to a file.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROME_ARGS, findChrome } from '../support/find-chrome.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_DIR = join(ROOT, 'test', 'bench');
// A folder per run, so two runs at once do not build over each other's pages.
const OUT_DIR = join(ROOT, 'dist-bench', `run-${process.pid}`);
const DIST_DIR = join(ROOT, 'dist');
const BUNDLE = join(DIST_DIR, 'dealkit.bundle.js');
const BUNDLE_BUDGET_KB = 45;
const PAGE_TIMEOUT_MS = 120_000;
const CONTENT_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Builds the pages into dist-bench/, minified, as a user would get them. */
async function buildPages(pages) {
  await build({
    configFile: false,
    root: BENCH_DIR,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      rolldownOptions: { input: Object.fromEntries(pages.map((page) => [pageName(page), join(BENCH_DIR, page)])) },
    },
  });
}

const pageName = (file) => file.replace(/\.bench\.html$/, '');

/** A static file server for dist-bench/ on 127.0.0.1 and a free port. */
function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir + sep)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Opens one page and returns what it reported; throws on a page error or timeout. */
async function runPage(browser, origin, file) {
  const page = await browser.newPage();
  try {
    // An uncaught error (a failed import, say) would otherwise only show as a timeout.
    const crashed = new Promise((_, reject) => page.on('pageerror', reject));
    crashed.catch(() => {});
    await page.goto(`${origin}/${file}`);
    const reported = page
      .waitForFunction(() => window.__benchResults ?? window.__benchError, null, { timeout: PAGE_TIMEOUT_MS, polling: 250 })
      .then(
        (handle) => handle.jsonValue(),
        (error) => {
          if (error.name !== 'TimeoutError') throw error;
          throw new Error(`reported nothing within ${PAGE_TIMEOUT_MS / 1000} s (no window.__benchResults or __benchError).`);
        },
      );
    const outcome = await Promise.race([reported, crashed]);
    if (typeof outcome === 'string') throw new Error(outcome);
    if (!Array.isArray(outcome) || !outcome.every(isResult)) throw new Error('window.__benchResults is not a list of results.');
    return outcome;
  } finally {
    await page.close();
  }
}

const isResult = (r) => typeof r?.name === 'string' && Number.isFinite(r.value) && ['ms', 'KB', 'MB', 'count'].includes(r.unit);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function runCommand(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

/** The gzip size of each built library file; dist/dealkit.bundle.js has a budget. */
async function bundleSizes() {
  if (!existsSync(DIST_DIR)) {
    console.log('dist/ is missing: running "npm run build" first.');
    const code = await runCommand('npm', ['run', 'build']);
    if (code !== 0) throw new Error(`"npm run build" failed (exit ${code}); fix the build, then run the benchmarks again.`);
  }
  // dist/ is measured as it is: say when it was built, in case it is stale.
  console.log(`measuring dist/ as built at ${statSync(DIST_DIR).mtime.toISOString()}`);
  return filesUnder(DIST_DIR)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const kb = gzipSync(readFileSync(file), { level: 9 }).length / 1024;
      const result = { name: `gzip ${relative(ROOT, file).split(sep).join('/')}`, value: Number(kb.toFixed(1)), unit: 'KB' };
      return file === BUNDLE ? { ...result, budget: BUNDLE_BUDGET_KB, note: 'whole kit with lit, d3, idb, zod' } : result;
    });
}

/** The elements a page can load alone (`dealkit/<element>`), each measured with the provider. */
const ELEMENTS = readdirSync(join(ROOT, 'src', 'define'))
  .filter((file) => file.endsWith('.ts') && file !== 'provider.ts')
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

/**
 * What a page that uses one element pays: that element's entry and
 * `<deal-provider>`, bundled and minified as dealkit.bundle.js is (with lit,
 * zod, idb, and d3 where the element uses it; lazily loaded locale chunks
 * not counted, as for the bundle). No budget: the issue's budget is for the
 * whole kit; these figures show what each element weighs on its own.
 */
async function elementBundleSizes() {
  const results = [];
  for (const element of ELEMENTS) {
    const entryId = '\0dealkit-element-entry';
    const outDir = join(OUT_DIR, 'entries', element);
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'bundle',
      logLevel: 'warn',
      plugins: [
        {
          name: 'dealkit-element-entry',
          resolveId: (id) => (id === entryId ? id : null),
          load: (id) =>
            id === entryId
              ? `import ${JSON.stringify(join(ROOT, 'src/define/provider.ts'))};\nimport ${JSON.stringify(join(ROOT, `src/define/${element}.ts`))};\n`
              : null,
        },
      ],
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, rolldownOptions: { input: entryId } },
    });
    const kb = gzipSync(readFileSync(join(outDir, 'dealkit.bundle.js')), { level: 9 }).length / 1024;
    results.push({ name: `gzip ${element} + provider, alone`, value: Number(kb.toFixed(1)), unit: 'KB', note: 'with lit, zod, idb (and d3 for the chart)' });
  }
  return results;
}

const statusOf = (r) => (r.budget === undefined ? '-' : r.value <= r.budget ? 'ok' : 'OVER');

function printTable(results) {
  const header = ['page', 'name', 'value', 'unit', 'budget', 'status', 'note'];
  const rows = results.map((r) => [r.page, r.name, String(r.value), r.unit, r.budget === undefined ? '-' : String(r.budget), statusOf(r), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 2 || i === 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

async function main() {
  const { values } = parseArgs({ options: { filter: { type: 'string' }, json: { type: 'string' } } });
  const selected = (name) => !values.filter || name.includes(values.filter);
  const results = [];
  const errors = [];
  const pages = readdirSync(BENCH_DIR).filter((file) => file.endsWith('.bench.html') && selected(file)).sort();
  let server;
  let browser;
  try {
    if (pages.length > 0) {
      await buildPages(pages);
      server = await serve(OUT_DIR);
      const origin = `http://127.0.0.1:${server.address().port}`;
      browser = await chromium.launch({
        executablePath: findChrome(),
        args: [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      });
      for (const file of pages) {
        console.log(`running ${file} ...`);
        try {
          for (const result of await runPage(browser, origin, file)) results.push({ page: pageName(file), ...result });
        } catch (error) {
          errors.push(`${file}: ${error.message}`);
        }
      }
    }
    if (selected('bundle')) {
      try {
        for (const result of await bundleSizes()) results.push({ page: 'bundle', ...result });
        for (const result of await elementBundleSizes()) results.push({ page: 'bundle', ...result });
        if (!existsSync(BUNDLE)) errors.push('bundle sizes: dist/dealkit.bundle.js was not built, so its size budget cannot be checked.');
      } catch (error) {
        errors.push(`bundle sizes: ${error.message}`);
      }
    }
  } catch (error) {
    errors.push(error.stack ?? String(error));
  } finally {
    await browser?.close();
    server?.close();
    rmSync(OUT_DIR, { recursive: true, force: true });
  }

  if (pages.length === 0 && !selected('bundle')) errors.push(`No benchmark matches --filter "${values.filter}".`);
  printTable(results);
  for (const error of errors) console.error(`ERROR ${error}`);
  const over = results.filter((r) => statusOf(r) === 'OVER').length;
  const within = results.filter((r) => statusOf(r) === 'ok').length;
  console.log(`bench: ${results.length} results, ${within} within budget, ${over} over budget, ${errors.length} errors`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ results, errors }, null, 2)}\n`);
  process.exitCode = errors.length > 0 ? 2 : over > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
