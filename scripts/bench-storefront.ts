/**
 * Storefront load benchmark: `npm run bench:storefront [-- --duration 15] [-- --no-build]`.
 *
 * Makes sure MariaDB/Redis run and the demo catalog is seeded, builds into .next-bench (reused with
 * --no-build), serves it with `next start` on 127.0.0.1:3300 (BENCH_PORT), warms it, then loads each
 * page with autocannon (50 connections) while sampling the server's RSS from /proc. Prints PASS/FAIL
 * per target, appends a section to docs/benchmarks.md, exits non-zero on errors or a missed target.
 */
import { parseArgs } from 'node:util';
import { ensureDemoCatalog, pickBenchPaths } from './bench/demo-data';
import { type LoadOptions, type LoadResult, type LoadSpec, primePaths, runLoad, warmLoad } from './bench/load';
import { type CpuShare, startCpuWindow } from './bench/cpu-share';
import { TreeRssSampler } from './bench/proc-memory';
import { appendBenchmarkSection, describeMachine, machineLines, markdownTable, mib, stamp, verdict } from './bench/report';
import { benchDistDir, buildForBench, cleanupAll, ensureServices, startBenchServer } from './bench/server';
import { baselineCommit, baselineTolerance, storefrontBaseline } from './bench/storefront-baseline';

const connections = 50;
const memoryLimitBytes = 1024 ** 3;
const productP99LimitMs = 150;
const listingP99LimitMs = 300;
const viewMinReqPerSec = 200;
const viewP99LimitMs = 500;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type Target = { name: string; pass: boolean; detail: string };

function readOptions() {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '15' }, 'no-build': { type: 'boolean', default: false } }, strict: true });
  const duration = Number(values.duration);
  if (!Number.isInteger(duration) || duration < 1 || duration > 600) throw new Error('--duration must be whole seconds from 1 to 600');
  return { duration, noBuild: values['no-build'] === true };
}

function checkTargets(results: LoadResult[], peakRssBytes: number): Target[] {
  const byName = (name: string) => results.find((r) => r.name === name)!;
  const about = byName('prerendered');
  const product = byName('product');
  const targets: Target[] = [];
  for (const p of results.filter((r) => r.name.startsWith('product'))) {
    const ratio = p.reqPerSec / about.reqPerSec;
    targets.push({ name: `${p.name}: req/s ≥ 0.5 × prerendered`, pass: ratio >= 0.5, detail: `${p.reqPerSec.toFixed(0)} vs ${about.reqPerSec.toFixed(0)} req/s (×${ratio.toFixed(2)})` });
    targets.push({ name: `${p.name}: p99 < ${productP99LimitMs} ms`, pass: p.p99Ms < productP99LimitMs, detail: `p99 ${p.p99Ms} ms` });
  }
  // Plain listing pages are where search engines and promotions land: cached like products.
  for (const listing of results.filter((r) => r.name === 'category' || r.name === 'category-page-2')) {
    const ratio = listing.reqPerSec / product.reqPerSec;
    targets.push({ name: `${listing.name}: req/s ≥ 0.5 × product`, pass: ratio >= 0.5, detail: `${listing.reqPerSec.toFixed(0)} vs ${product.reqPerSec.toFixed(0)} req/s (×${ratio.toFixed(2)})` });
    targets.push({ name: `${listing.name}: p99 < ${listingP99LimitMs} ms`, pass: listing.p99Ms < listingP99LimitMs, detail: `p99 ${listing.p99Ms} ms` });
  }
  for (const view of results.filter((r) => r.name === 'category-filtered' || r.name === 'search')) {
    targets.push({ name: `${view.name}: req/s ≥ ${viewMinReqPerSec}`, pass: view.reqPerSec >= viewMinReqPerSec, detail: `${view.reqPerSec.toFixed(0)} req/s` });
    targets.push({ name: `${view.name}: p99 < ${viewP99LimitMs} ms`, pass: view.p99Ms < viewP99LimitMs, detail: `p99 ${view.p99Ms} ms` });
  }
  for (const r of results) {
    const before = storefrontBaseline[r.name];
    if (!before) continue;
    const ratio = r.reqPerSec / before.reqPerSec;
    targets.push({
      name: `${r.name}: not slower than before (req/s ≥ ${baselineTolerance} × ${baselineCommit})`,
      pass: ratio >= baselineTolerance,
      detail: `${r.reqPerSec.toFixed(0)} vs ${before.reqPerSec} req/s (×${ratio.toFixed(2)}); p99 ${r.p99Ms} vs ${before.p99Ms} ms`,
    });
  }
  targets.push({ name: 'server peak RSS < 1 GB', pass: peakRssBytes < memoryLimitBytes, detail: mib(peakRssBytes) });
  return targets;
}

function failedRequests(results: LoadResult[]): string[] {
  return results
    .filter((r) => r.errors + r.timeouts + r.non2xx > 0)
    .map((r) => `${r.name} (${r.label}): ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx; status codes ${JSON.stringify(r.statusCodes)}`);
}

async function main(): Promise<number> {
  const options = readOptions();
  const startedAt = new Date();
  const machine = describeMachine();

  log('services');
  await ensureServices();
  const productCount = await ensureDemoCatalog();
  const paths = await pickBenchPaths(50);
  log(`demo catalog: ${productCount} products`);
  log(`build into ${benchDistDir}`);
  const build = await buildForBench(options.noBuild);

  const server = await startBenchServer();
  log(`next start (PID ${server.pid}) on ${server.baseUrl}, log ${server.logFile}`);
  const memory = new TreeRssSampler(server.pid, 200);
  memory.start();

  const headers = { cookie: 'ferry_currency=USD' };
  const specs: LoadSpec[] = [
    { name: 'prerendered', paths: [paths.about] },
    { name: 'product', paths: [paths.products[0]!] },
    { name: 'product-mix', paths: paths.products },
    { name: 'category', paths: [paths.category] },
    { name: 'category-page-2', paths: [paths.categoryPage2] },
    { name: 'category-filtered', paths: [paths.categoryFiltered] },
    { name: 'search', paths: [paths.search] },
  ];
  log('warm-up: every URL twice (first product visits render and fill the ISR cache)');
  const cache = await primePaths(server.baseUrl, [paths.about, ...paths.products, paths.category, paths.categoryPage2, paths.categoryFiltered, paths.search], headers, 2);
  const notCached = paths.products.filter((p) => cache.get(p) !== 'HIT');
  if (notCached.length > 0) log(`warning: ${notCached.length} product pages not served from the ISR cache after warm-up (x-nextjs-cache ${cache.get(notCached[0]!)})`);
  const loadOptions: LoadOptions = { baseUrl: server.baseUrl, connections, durationSeconds: options.duration, headers };
  for (const spec of specs) await warmLoad(spec, { ...loadOptions, durationSeconds: Math.min(3, options.duration) });

  const results: LoadResult[] = [];
  const cpu = new Map<string, CpuShare>();
  for (const spec of specs) {
    log(`load ${spec.name}: ${connections} connections × ${options.duration} s`);
    const window = startCpuWindow(server.pid);
    const result = await runLoad(spec, loadOptions, memory);
    const share = window.end();
    cpu.set(spec.name, share);
    log(`  ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${kib(result.pageBytes)}, peak RSS ${mib(result.peakRssBytes)}, SQL ${result.sqlQueries ?? '?'}`);
    log(`  CPU cores busy: server ${share.server.toFixed(2)}, autocannon ${share.loadGenerator.toFixed(2)}, other processes ${share.others.toFixed(2)}`);
    results.push(result);
  }
  const peaks = memory.stop();
  await server.stop();

  const failures = failedRequests(results);
  const targets = checkTargets(results, peaks.peakRssBytes);
  const cores = (name: string) => {
    const c = cpu.get(name)!;
    return `${c.server.toFixed(2)} / ${c.loadGenerator.toFixed(2)} / ${c.others.toFixed(2)}`;
  };
  const rows = results.map((r) => [
    r.name, `\`${r.label}\``, r.reqPerSec.toFixed(0), r.p50Ms, r.p99Ms, kib(r.pageBytes), r.requests, r.errors + r.timeouts, r.non2xx, mib(r.peakRssBytes), r.sqlQueries ?? '?', cores(r.name),
  ]);
  const header = ['page', 'URL', 'req/s (mean)', 'p50 ms', 'p99 ms', 'page size', 'requests', 'errors', 'non-2xx', 'peak RSS', 'SQL queries', 'CPU server / autocannon / others'];
  const table = markdownTable(header, rows);
  const busiest = Math.max(...[...cpu.values()].map((c) => c.others));
  const contention =
    busiest > 0.2
      ? `Other processes kept up to ${busiest.toFixed(2)} of ${machine.cpus} CPUs busy during a run: these numbers are lower than a quiet machine gives and not comparable with the baseline.`
      : `Other processes used at most ${busiest.toFixed(2)} CPUs during any run (quiet machine).`;
  const memoryLine = `Server peak RSS (summed over ${peaks.processes} process${peaks.processes === 1 ? '' : 'es'} of the \`next start\` tree, sampled every 200 ms): ${mib(peaks.peakRssBytes)}; sum of per-process VmHWM: ${peaks.hwmSumBytes === null ? 'unreadable' : mib(peaks.hwmSumBytes)}.`;
  const verdicts = targets.map((t) => `- ${verdict(t.pass)} — ${t.name}: ${t.detail}`);

  process.stdout.write(`\n${table.join('\n')}\n\n${memoryLine}\n${contention}\n\nTargets:\n${verdicts.join('\n')}\n`);
  if (failures.length > 0) process.stdout.write(`\nFAIL — requests failed:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);

  appendBenchmarkSection([
    `## ${stamp(startedAt)} — storefront load (next start, ${connections} connections × ${options.duration} s)`,
    '',
    `- Command: \`npm run bench:storefront${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (build ${build === 'built' ? 'made' : 'reused'} in \`${benchDistDir}\`)`,
    ...machineLines(machine),
    `- Requests: GET on 127.0.0.1, cookie \`ferry_currency=USD\`, no Accept-Encoding (uncompressed); every page fetched twice (cached pages filled) and loaded 3 s before its run; ${productCount} products in the catalog`,
    '',
    ...table,
    '',
    memoryLine,
    `CPU columns: average cores busy during the run (${machine.cpus} available). ${contention}`,
    '',
    ...verdicts,
    ...(failures.length > 0 ? ['', '**Requests failed:**', ...failures.map((f) => `- ${f}`)] : []),
  ]);
  log(`appended to docs/benchmarks.md`);
  return failures.length > 0 || targets.some((t) => !t.pass) ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`[bench] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
