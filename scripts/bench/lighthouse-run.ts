import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { onCleanup } from './server';

/*
 * Lighthouse (mobile defaults: Moto G Power emulation, simulated slow 4G and 4× CPU) in Debian's
 * Chromium, fully offline: the flags below switch off Chromium's background services and resolve no
 * host name but the server's; Lighthouse itself only talks to Chrome and to the page's own origin.
 */

export const chromiumPath = '/usr/bin/chromium';
const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Even with the flags above Chromium still looks up accounts.google.com, clients2.google.com and
  // update.googleapis.com (harmless failures offline). Resolving every name but the server's to
  // NOTFOUND makes the audit offline by construction: Chromium sends no DNS query at all.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export const categoryTargets = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 100 } as const;
export type CategoryId = keyof typeof categoryTargets;
export const categoryIds = Object.keys(categoryTargets) as CategoryId[];

export type FailingAudit = { id: string; title: string; displayValue: string; items: string[] };
export type PageAudit = {
  name: string;
  url: string;
  scores: Record<CategoryId, number>;
  metrics: { fcp: string; lcp: string; tbt: string; cls: string; si: string };
  failing: Partial<Record<CategoryId, FailingAudit[]>>;
  warnings: string[];
  runtimeError: string | null;
};

export async function startChromium(): Promise<LaunchedChrome> {
  // handleSIGINT off: Ctrl-C goes through the shared cleanup, which also stops the server.
  const chrome = await launch({ chromePath: chromiumPath, chromeFlags, handleSIGINT: false, logLevel: 'silent' });
  const unregister = onCleanup(async () => chrome.kill());
  const kill = chrome.kill.bind(chrome);
  chrome.kill = () => {
    unregister();
    kill();
  };
  return chrome;
}

/** A short, printable description of the elements or resources an audit flagged. */
function itemsOf(audit: Result['audits'][string]): string[] {
  const details = audit.details as { type?: string; items?: Record<string, unknown>[] } | undefined;
  if (!details?.items) return [];
  return details.items.slice(0, 6).flatMap((item) => {
    const node = item.node as { selector?: string; snippet?: string; explanation?: string } | undefined;
    if (node) return [[node.selector, node.explanation?.split('\n')[0] ?? node.snippet].filter(Boolean).join(' — ')];
    if (typeof item.url === 'string') return [item.url];
    if (typeof item.groupLabel === 'string') return [`${item.groupLabel}: ${Math.round(Number(item.duration))} ms`];
    return []; // trees and sections: see the saved report
  });
}

function failingAudits(lhr: Result, category: CategoryId): FailingAudit[] {
  return lhr.categories[category]!.auditRefs.flatMap((ref) => {
    const audit = lhr.audits[ref.id]!;
    const isScored = audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric' || audit.scoreDisplayMode === 'metricSavings';
    if (!isScored || audit.score === null || audit.score >= 0.9) return [];
    return [{ id: audit.id, title: audit.title, displayValue: audit.displayValue ?? '', items: itemsOf(audit) }];
  });
}

export function summarize(name: string, lhr: Result): PageAudit {
  const scores = Object.fromEntries(categoryIds.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<CategoryId, number>;
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  const failing: PageAudit['failing'] = {};
  for (const id of categoryIds) if (scores[id] < categoryTargets[id]) failing[id] = failingAudits(lhr, id);
  return {
    name,
    url: lhr.finalDisplayedUrl,
    scores,
    metrics: { fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'), si: metric('speed-index') },
    failing,
    warnings: lhr.runWarnings,
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
  };
}

/** Runs Lighthouse `runs` times on `url` and keeps the run with the median performance score. */
export async function auditPage(chrome: LaunchedChrome, url: string, runs: number): Promise<Result> {
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) {
    const outcome = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categoryIds] });
    if (!outcome) throw new Error(`Lighthouse returned nothing for ${url}`);
    results.push(outcome.lhr);
  }
  results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return results[Math.floor(results.length / 2)]!;
}
