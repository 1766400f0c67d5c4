import 'server-only';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import type { StaffPurchaseResult } from './buy-seller-group';
import { processPurchaseOrder, type PurchaseDeps } from './process-purchase-order';
import { reopenFailedOrder } from './reopen-failed-order';

/** "Retry" on a failed purchase order: back to work at the version the purchaser saw, then bought. */
export async function retryPurchaseOrder(
  db: Database,
  redis: Redis | null,
  purchaseOrderId: number,
  expectedVersion: number,
  actor: Actor,
  deps: PurchaseDeps = {},
): Promise<StaffPurchaseResult> {
  if (!(await reopenFailedOrder(db, purchaseOrderId, expectedVersion, actor, 'retried'))) {
    throw new AppError('invalid_transition', 'This purchase order changed meanwhile (retried, cancelled or bought); reload and try again');
  }
  return { purchaseOrderId, outcome: await processPurchaseOrder(db, redis, purchaseOrderId, actor, deps) };
}
