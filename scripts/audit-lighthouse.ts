/**
 * Lighthouse audit of the storefront: `npm run audit:lighthouse -- [--no-build] [--runs 5]` (tsx with
 * the react-server condition, as lib/env is server-only).
 *
 * Serves the .next-bench build exactly like the load benchmark (scripts/bench/server.ts: 127.0.0.1,
 * port 3300 or BENCH_PORT), warms the pages, then runs Lighthouse with mobile defaults in Debian's
 * Chromium on the home, a category and a product page. Prints the four category scores and, for any
 * category under its target, the failing audits; appends the results to docs/benchmarks.md and saves
 * each page's full report (var/bench/lighthouse-<page>.json, open in the Lighthouse viewer); exits
 * non-zero when a target is missed. Needs no network.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureDemoCatalog, pickBenchPaths } from './bench/demo-data';
import { primePaths } from './bench/load';
import { auditPage, categoryIds, categoryTargets, chromiumPath, type PageAudit, startChromium, summarize } from './bench/lighthouse-run';
import { appendBenchmarkSection, describeMachine, machineLines, markdownTable, stamp, verdict } from './bench/report';
import { benchDistDir, buildForBench, cleanupAll, ensureServices, startBenchServer } from './bench/server';

const reportDir = 'var/bench';
const log = (line: string) => process.stderr.write(`[audit] ${line}\n`);

function readOptions() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean', default: false } }, strict: true });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new Error('--runs must be a whole number from 1 to 9');
  return { runs, noBuild: values['no-build'] === true };
}

function failingLines(page: PageAudit): string[] {
  return categoryIds.flatMap((id) => {
    const audits = page.failing[id];
    if (!audits) return [];
    const head = `- ${page.name} — ${id} ${page.scores[id]} < ${categoryTargets[id]}:`;
    if (audits.length === 0) return [head, '  - (no single audit under 0.9; the weighted total is just short)'];
    return [head, ...audits.flatMap((a) => [`  - \`${a.id}\` ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`, ...a.items.map((i) => `    - ${i.replace(/\|/g, '\\|')}`)])];
  });
}

async function main(): Promise<number> {
  const options = readOptions();
  const startedAt = new Date();
  const machine = describeMachine();
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run FERRY_NEED_CHROMIUM=1 bash scripts/ensure-services.sh`);

  log('services');
  await ensureServices();
  await ensureDemoCatalog();
  const paths = await pickBenchPaths(1);
  log(`build into ${benchDistDir}`);
  await buildForBench(options.noBuild);
  const server = await startBenchServer();
  log(`next start (PID ${server.pid}) on ${server.baseUrl}`);

  const pages = [
    { name: 'home', path: paths.home },
    { name: 'category', path: paths.category },
    { name: 'product', path: paths.products[0]! },
  ];
  // Shoppers mostly get cached pages: render each once so Lighthouse measures the served page.
  await primePaths(server.baseUrl, pages.map((p) => p.path), {}, 2);

  mkdirSync(reportDir, { recursive: true });
  const chrome = await startChromium();
  const audits: PageAudit[] = [];
  try {
    for (const page of pages) {
      log(`lighthouse ${page.name} (${page.path}), ${options.runs} run(s)`);
      const lhr = await auditPage(chrome, `${server.baseUrl}${page.path}`, options.runs);
      writeFileSync(`${reportDir}/lighthouse-${page.name}.json`, JSON.stringify(lhr));
      const audit = summarize(page.name, lhr);
      if (audit.runtimeError) throw new Error(`Lighthouse could not audit ${page.path}: ${audit.runtimeError}`);
      log(`  ${categoryIds.map((id) => `${id} ${audit.scores[id]}`).join(', ')}`);
      audits.push(audit);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }

  const header = ['page', 'URL', ...categoryIds, 'FCP', 'LCP', 'TBT', 'CLS', 'SI'];
  const table = markdownTable(
    header,
    audits.map((a) => [a.name, `\`${new URL(a.url).pathname}\``, ...categoryIds.map((id) => a.scores[id]), a.metrics.fcp, a.metrics.lcp, a.metrics.tbt, a.metrics.cls, a.metrics.si]),
  );
  const verdicts = categoryIds.map((id) => {
    const worst = Math.min(...audits.map((a) => a.scores[id]));
    return `- ${verdict(worst >= categoryTargets[id])} — ${id} ≥ ${categoryTargets[id]} on every page (lowest ${worst})`;
  });
  const failing = audits.flatMap(failingLines);
  const warnings = [...new Set(audits.flatMap((a) => a.warnings))];

  process.stdout.write(`\n${table.join('\n')}\n\nTargets:\n${verdicts.join('\n')}\n`);
  if (failing.length > 0) process.stdout.write(`\nFailing audits:\n${failing.join('\n')}\n`);
  if (warnings.length > 0) process.stdout.write(`\nLighthouse warnings:\n${warnings.map((w) => `- ${w}`).join('\n')}\n`);

  appendBenchmarkSection([
    `## ${stamp(startedAt)} — Lighthouse on ${audits.length} storefront pages (mobile, median of ${options.runs} run${options.runs === 1 ? '' : 's'})`,
    '',
    `- Command: \`npx tsx --conditions=react-server scripts/audit-lighthouse.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\` (server: \`next start\` of \`${benchDistDir}\` on 127.0.0.1)`,
    ...machineLines(machine),
    `- Browser: ${chromiumPath} (headless, offline); Lighthouse mobile defaults (simulated slow 4G, 4× CPU slowdown)`,
    '',
    ...table,
    '',
    ...verdicts,
    ...(failing.length > 0 ? ['', 'Failing audits:', ...failing] : []),
    ...(warnings.length > 0 ? ['', 'Lighthouse warnings:', ...warnings.map((w) => `- ${w.replace(/\n/g, ' ')}`)] : []),
  ]);
  log('appended to docs/benchmarks.md');
  return verdicts.some((v) => v.startsWith('- FAIL')) ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`[audit] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
