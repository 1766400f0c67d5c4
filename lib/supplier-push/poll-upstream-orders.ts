import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { purchaseOrders } from '@/db/schema';
import { applyUpstreamOrderStatus, type UpstreamOrderOutcome } from '@/lib/purchasing/apply-upstream-order-status';
import { getConnector, hasConnector } from '@/lib/suppliers/registry';
import { supplierPlatforms, type SupplierConnector } from '@/lib/suppliers/types';

/** How far back each poll looks: six polls overlap every change, so one failed poll loses nothing. */
export const POLL_WINDOW_MINUTES = 30;

export type PollOptions = { now?: Date; windowMinutes?: number; connectors?: SupplierConnector[] };
export type PlatformPoll = { platform: string; seen: number; known: number; outcomes: Partial<Record<UpstreamOrderOutcome, number>>; error?: string };

/**
 * The compensating poll: reads every upstream order modified in the last 30 minutes and applies
 * its status through the same forward-only function as the pushes, so whatever a push missed
 * (lost, never sent, rejected) is caught and whatever a push already did is left alone.
 * Orders Ferry did not place are skipped without a transaction. A platform that fails is
 * reported and the others still run.
 */
export async function pollUpstreamOrders(db: Database, options: PollOptions = {}): Promise<PlatformPoll[]> {
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - (options.windowMinutes ?? POLL_WINDOW_MINUTES) * 60_000);
  const sources = options.connectors?.map((c) => ({ platform: c.platform, connector: () => c })) ??
    supplierPlatforms.filter(hasConnector).map((platform) => ({ platform, connector: () => getConnector(platform) }));
  const results: PlatformPoll[] = [];
  for (const source of sources) {
    const result: PlatformPoll = { platform: source.platform, seen: 0, known: 0, outcomes: {} };
    results.push(result);
    try {
      // Inside the try: a platform whose settings are wrong (not_configured) must not stop the others.
      const connector = source.connector();
      const upstream = await connector.listOrdersModified(from, now);
      result.seen = upstream.length;
      const known = await knownOrderIds(db, connector.platform, upstream.map((o) => o.upstreamOrderId));
      for (const order of upstream) {
        if (!known.has(order.upstreamOrderId)) continue;
        result.known++;
        const outcome = await db.transaction((tx) =>
          applyUpstreamOrderStatus(tx, {
            platform: connector.platform,
            upstreamOrderId: order.upstreamOrderId,
            status: order.status,
            rawStatus: order.rawStatus,
            modifiedAt: order.modifiedAt,
            via: 'poll',
            trackingNumbers: order.trackingNumbers,
          }),
        );
        result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
      }
    } catch (error) {
      result.error = (error as Error).message;
      console.warn(`[push] compensating poll of ${source.platform} failed: ${result.error}`);
    }
  }
  return results;
}

async function knownOrderIds(db: Database, platform: string, ids: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: purchaseOrders.upstreamOrderId })
      .from(purchaseOrders)
      .where(and(eq(purchaseOrders.platform, platform), inArray(purchaseOrders.upstreamOrderId, ids.slice(i, i + 1000))));
    for (const row of rows) if (row.id) known.add(row.id);
  }
  return known;
}
