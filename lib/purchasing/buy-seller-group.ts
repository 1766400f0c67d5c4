import 'server-only';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { claimSellerGroup } from './claim-purchase-group';
import { processPurchaseOrder, type ProcessOutcome, type PurchaseDeps } from './process-purchase-order';

export type StaffPurchaseResult = { purchaseOrderId: number; outcome: ProcessOutcome };

/**
 * The board's "Buy now": claims the seller's queued lines (the same compare-and-set as the worker,
 * so a double click or a worker running at that moment cannot make a second purchase) and buys them.
 */
export async function buySellerGroup(db: Database, redis: Redis | null, sellerId: number, actor: Actor, deps: PurchaseDeps = {}): Promise<StaffPurchaseResult> {
  const claimed = await claimSellerGroup(db, sellerId, actor);
  if (!claimed) throw new AppError('conflict', 'Nothing of this seller is waiting to be bought any more; the board will refresh');
  return { purchaseOrderId: claimed.id, outcome: await processPurchaseOrder(db, redis, claimed.id, actor, deps) };
}
