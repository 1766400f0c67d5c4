import type { Answer, ShopLoad } from './shop-load';

/** What one fault did to the load, for docs/benchmarks.md (var/faults-report.json and a Markdown table). */
export type Measurement = {
  fault: string;
  requests: number;
  placed: number;
  refusedOutOfStock: number;
  answered503: number;
  degraded201: number;
  webhooksAcknowledged: number;
  webhookRetries: number;
  paymentsFlagged: number;
  lost: number;
  countersCompared: number;
  retriedTo201: number;
  committedThough503: number;
  downMs: number;
  firstRefusalMs: number | null;
  recoverMs: number;
  last503AfterBackMs: number | null;
  /** Answers per second relative to the fault (request start), orders and payments apart: `{"-3": {"order 201": 5}, …}`. */
  timeline: Record<string, Record<string, number>>;
};

export const byEnd = (a: Answer, b: Answer) => a.at + a.ms - (b.at + b.ms);

export function timeline(load: ShopLoad, down: number): Record<string, Record<string, number>> {
  const buckets: Record<string, Record<string, number>> = {};
  const add = (kind: string, a: Answer) => {
    const second = String(Math.floor((a.at - down) / 1000));
    const label = `${kind} ${a.status}`;
    buckets[second] = { ...buckets[second], [label]: (buckets[second]?.[label] ?? 0) + 1 };
  };
  for (const attempt of load.attempts) for (const a of attempt.answers) add('order', a);
  for (const delivery of load.deliveries) for (const a of delivery.answers) add('payment', a);
  return Object.fromEntries(Object.entries(buckets).sort(([a], [b]) => Number(a) - Number(b)));
}

export function markdown(rows: Measurement[], skuCount: number): string {
  const head = '| fault | requests | orders 201 | 409 out_of_stock | 503 | 201 degraded | 503 then 201 on retry (committed during the 503) | payments acked (non-2xx before) | flagged | lost | Redis = MySQL (counters) | down | first 503 after fault | recover (first 2xx after back) | last 503 after back |';
  const line = '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.fault} | ${r.requests} | ${r.placed} | ${r.refusedOutOfStock} | ${r.answered503} | ${r.degraded201} | ${r.retriedTo201} (${r.committedThough503}) | ${r.webhooksAcknowledged} (${r.webhookRetries}) | ${r.paymentsFlagged} | ${r.lost} | ${r.countersCompared}/${skuCount} | ${(r.downMs / 1000).toFixed(1)} s | ${r.firstRefusalMs === null ? '—' : `${r.firstRefusalMs} ms`} | ${r.recoverMs} ms | ${r.last503AfterBackMs === null ? '—' : `${r.last503AfterBackMs} ms`} |`,
  );
  return [head, line, ...body].join('\n');
}
