import autocannon, { type Request } from 'autocannon';
import { serverQueryCount } from './server';
import type { TreeRssSampler } from './proc-memory';

/*
 * One load run with autocannon's programmatic API, plus what the server did meanwhile: its peak
 * summed RSS (sampled from /proc) and the SQL statements it sent.
 */

export type LoadSpec = {
  name: string;
  /** One path, or several served round-robin (each connection moves on to the next path). */
  paths: string[];
};

export type LoadResult = {
  name: string;
  label: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  peakRssBytes: number;
  sqlQueries: number | null;
  /** Body size of one answer to the first path (uncompressed HTML). */
  pageBytes: number;
};

export type LoadOptions = { baseUrl: string; connections: number; durationSeconds: number; headers: Record<string, string> };

function requestsFor(paths: string[]): Request[] | undefined {
  if (paths.length === 1) return undefined;
  let next = 0;
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }];
}

/** Drives load without recording anything (JIT, connection pools and caches settle). */
export async function warmLoad(spec: LoadSpec, options: LoadOptions): Promise<void> {
  await autocannon({
    url: `${options.baseUrl}${spec.paths[0]}`,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: requestsFor(spec.paths),
  });
}

async function bodyBytes(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return (await response.arrayBuffer()).byteLength;
}

export async function runLoad(spec: LoadSpec, options: LoadOptions, memory: TreeRssSampler): Promise<LoadResult> {
  const pageBytes = await bodyBytes(`${options.baseUrl}${spec.paths[0]}`, options.headers);
  const queriesBefore = await serverQueryCount(options.baseUrl);
  memory.beginWindow();
  const result = await autocannon({
    url: `${options.baseUrl}${spec.paths[0]}`,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    headers: options.headers,
    requests: requestsFor(spec.paths),
    title: spec.name,
  });
  const peakRssBytes = memory.endWindow();
  const queriesAfter = await serverQueryCount(options.baseUrl);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  return {
    name: spec.name,
    label: spec.paths.length === 1 ? spec.paths[0]! : `${spec.paths.length} product URLs, round-robin`,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    peakRssBytes,
    sqlQueries: queriesBefore === null || queriesAfter === null ? null : queriesAfter - queriesBefore,
    pageBytes,
  };
}

/** Fetches each path once (or `times`) and fails unless every answer is a 200; returns the ISR cache headers seen. */
export async function primePaths(baseUrl: string, paths: string[], headers: Record<string, string>, times = 1): Promise<Map<string, string>> {
  const cacheStatus = new Map<string, string>();
  for (let round = 0; round < times; round++) {
    for (const path of paths) {
      const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`warm-up: GET ${path} answered ${response.status}, expected 200`);
      cacheStatus.set(path, response.headers.get('x-nextjs-cache') ?? '-');
    }
  }
  return cacheStatus;
}
