import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders, type PurchaseOrderStatus } from '@/db/schema/purchasing';
import type { Actor } from '@/lib/audit/actor';
import { getConnector } from '@/lib/suppliers/registry';
import type { PurchasePreview, PurchaseRequest, SupplierConnector, SupplierPlatform, WarehouseAddress } from '@/lib/suppliers/types';
import { checkPreviewPrices } from './amounts';
import { completeOrders } from './complete-orders';
import { isLockConflict } from '@/lib/db/lock-conflict';
import { failPurchaseOrder } from './fail-purchase-order';
import { describeFailure } from './failure-reason';
import { mergePurchaseLines } from './group-lines';
import { loadPurchaseLines, type PurchaseLineRow } from './load-purchase-lines';
import { logPurchaseEvent, logPurchaseStep, purchasingWorker } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';
import { recordPriceRise } from './record-price-rise';
import { warehouseAddress } from './warehouse-address';

export type PurchaseDeps = {
  /** The platform's connector; the registry's (env-configured) one by default. */
  connectorFor?: (platform: SupplierPlatform) => SupplierConnector;
  address?: WarehouseAddress;
};

export type ProcessOutcome = 'placed' | 'awaiting_shopper' | 'failed' | 'cancelled' | 'skipped';

type Po = { id: number; reference: string; platform: string; sellerSourceId: string; status: PurchaseOrderStatus; version: number };

/**
 * Buys one claimed purchase order: preview → (price rise: ask the shoppers, stop) → `previewed →
 * placing` (compare-and-set: only one worker gets past this) → place upstream with the reference
 * as outside id → `placed`, lines `purchased`, orders whose lines are all bought `purchased`.
 * A failure marks it `failed` with its reason; one during the create call is an unknown outcome.
 * `skipped` means another worker or a staff member moved it first: this call changed nothing.
 */
export async function processPurchaseOrder(db: Database, redis: Redis | null, purchaseOrderId: number, actor: Actor = purchasingWorker, deps: PurchaseDeps = {}): Promise<ProcessOutcome> {
  const [po] = await db
    .select({ id: purchaseOrders.id, reference: purchaseOrders.reference, platform: purchaseOrders.platform, sellerSourceId: purchaseOrders.sellerSourceId, status: purchaseOrders.status, version: purchaseOrders.version })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.id, purchaseOrderId));
  if (!po || (po.status !== 'claimed' && po.status !== 'previewed')) return 'skipped';

  const lines = await loadPurchaseLines(db, po.id);
  if (lines.length === 0) return (await cancelEmpty(db, po, actor)) ? 'cancelled' : 'skipped';

  let connector: SupplierConnector;
  let request: PurchaseRequest;
  let preview: PurchasePreview;
  try {
    connector = (deps.connectorFor ?? getConnector)(po.platform as SupplierPlatform);
    request = purchaseRequest(po, lines, deps.address ?? warehouseAddress());
    preview = await connector.previewPurchase(request);
  } catch (error) {
    return (await failPurchaseOrder(db, po, describeFailure('preview', error, po.reference), actor)) ? 'failed' : 'skipped';
  }

  const check = checkPreviewPrices(lines, preview);
  if (check.unpriced.length > 0 || (preview.goodsMinor > check.paidGoodsMinor && !check.isRise)) {
    const message = check.unpriced.length
      ? `the preview did not price ${check.unpriced.map((l) => `${l.offerId}/${l.sourceSkuId}`).join(', ')}`
      : `the upstream asks ${preview.goodsMinor} for goods paid ${check.paidGoodsMinor}, but no line rose`;
    return (await failPurchaseOrder(db, po, { stage: 'check', code: check.unpriced.length ? 'unpriced' : 'mismatch', message }, actor)) ? 'failed' : 'skipped';
  }
  if (check.isRise) return (await recordPriceRise(db, po, preview, check, actor)) ? 'awaiting_shopper' : 'skipped';

  // Two compare-and-sets on the version: the preview is recorded (`previewed`), then exactly one
  // caller moves `previewed → placing` and may send the create call.
  const previewed = await advance(db, po, 'previewed', actor, {
    set: { previewGoodsMinor: preview.goodsMinor, previewFreightMinor: preview.freightMinor },
    details: { goodsMinor: preview.goodsMinor, freightMinor: preview.freightMinor, totalMinor: preview.totalMinor, paidGoodsMinor: check.paidGoodsMinor },
  });
  const placingPo = previewed && (await advance(db, previewed, 'placing', actor, { details: { lines: request.lines.length, externalRef: po.reference } }));
  if (!placingPo) return 'skipped';

  let placed;
  try {
    placed = await connector.placePurchase(request);
  } catch (error) {
    return (await failPurchaseOrder(db, placingPo, describeFailure('place', error, po.reference), actor)) ? 'failed' : 'skipped';
  }
  // The goods are bought: recording that must not be lost to a deadlock with a claim or a sweep.
  for (let attempt = 0; ; attempt++) {
    try {
      return (await recordPlaced(db, redis, placingPo, placed, actor)) ? 'placed' : 'skipped';
    } catch (error) {
      if (!isLockConflict(error) || attempt === 2) throw error;
    }
  }
}

function purchaseRequest(po: Po, lines: PurchaseLineRow[], address: WarehouseAddress): PurchaseRequest {
  // Only what a purchaser wrote in Chinese reaches the seller; a shopper's own words never do (lib/purchasing/buyer-notes).
  const remarks = [...new Set(lines.map((l) => l.sellerNote?.trim()).filter((r): r is string => Boolean(r)))];
  return {
    sellerSourceId: po.sellerSourceId,
    lines: mergePurchaseLines(lines.map((l) => ({ offerId: l.offerId, sourceSkuId: l.sourceSkuId, specId: l.specId, quantity: l.quantity }))),
    address,
    externalRef: po.reference,
    ...(remarks.length ? { message: remarks.join('; ').slice(0, 480) } : {}),
  };
}

async function recordPlaced(
  db: Database,
  redis: Redis | null,
  po: Po,
  placed: { upstreamOrderId: string; totalMinor: number; freightMinor: number },
  actor: Actor,
): Promise<boolean> {
  const outcome = await db.transaction(async (tx) => {
    const moved = await movePurchaseOrder(tx, {
      id: po.id,
      from: 'placing',
      to: 'placed',
      actor,
      expectedVersion: po.version,
      set: {
        upstreamOrderId: placed.upstreamOrderId,
        upstreamTotalMinor: placed.totalMinor,
        placedBy: actor.type === 'user' ? String(actor.id) : 'auto',
        placedAt: new Date(),
        lastError: null,
      },
      payload: { upstreamOrderId: placed.upstreamOrderId, totalMinor: placed.totalMinor, freightMinor: placed.freightMinor },
    });
    if (!moved) return null;
    const bought = await tx
      .select({ orderId: orderItems.orderId })
      .from(orderItems)
      .where(and(eq(orderItems.purchaseOrderId, po.id), eq(orderItems.purchaseStatus, 'purchasing')));
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'purchased' })
      .where(and(eq(orderItems.purchaseOrderId, po.id), eq(orderItems.purchaseStatus, 'purchasing')));
    await logPurchaseStep(tx, po.id, 'placed', actor, { upstreamOrderId: placed.upstreamOrderId, totalMinor: placed.totalMinor, freightMinor: placed.freightMinor, lines: bought.length });
    return bought.map((b) => b.orderId);
  });
  if (!outcome) {
    // Placed upstream, but the purchase order was moved meanwhile (a stale-placing sweep): say so loudly.
    console.error(`[purchasing] ${po.reference} was placed upstream as ${placed.upstreamOrderId} but had changed state; staff must reconcile`);
    await db.transaction((tx) => logPurchaseEvent(tx, po.id, 'placed_late', actor, { upstreamOrderId: placed.upstreamOrderId, totalMinor: placed.totalMinor }));
    return false;
  }
  await completeOrders(db, redis, outcome, actor, { purchaseOrder: po.reference });
  return true;
}

/** `po` (at its status and version) → `to`, version + 1, logged as the step `to`; null if it had moved. */
async function advance(
  db: Database,
  po: Po,
  to: 'previewed' | 'placing',
  actor: Actor,
  move: { set?: { previewGoodsMinor: number; previewFreightMinor: number }; details: Record<string, unknown> },
): Promise<Po | null> {
  return db.transaction(async (tx) => {
    if (!(await movePurchaseOrder(tx, { id: po.id, from: po.status, to, actor, expectedVersion: po.version, set: move.set, payload: move.details }))) return null;
    await logPurchaseStep(tx, po.id, to, actor, move.details);
    return { ...po, status: to, version: po.version + 1 };
  });
}

async function cancelEmpty(db: Database, po: Po, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const reason = 'no line left to buy';
    if (!(await movePurchaseOrder(tx, { id: po.id, from: po.status, to: 'cancelled', actor, expectedVersion: po.version, reason }))) return false;
    await logPurchaseStep(tx, po.id, 'cancelled', actor, { reason });
    return true;
  });
}
