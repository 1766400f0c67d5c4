import type { DemoSeller } from '../../lib/catalog/demo';
import type { Cargo } from './cargo';
import type { CatalogWorld } from './catalog-world';

/**
 * Orders the sandbox buyer placed, with 1688's buyer-view states. Every order is kept (tests count
 * them to prove Ferry never buys twice); creating one takes its units off the SKUs' on-sale
 * quantity, cancelling before shipment puts them back.
 */
export type OrderStatus = 'waitbuyerpay' | 'waitsellersend' | 'waitbuyerreceive' | 'confirm_goods' | 'success' | 'cancel';
export type OrderEventType =
  | 'ORDER_BUYER_VIEW_BUYER_MAKE'
  | 'ORDER_BUYER_VIEW_ORDER_PAY'
  | 'ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS'
  | 'ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS'
  | 'ORDER_BUYER_VIEW_ORDER_SUCCESS'
  | 'ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE';

export type OrderLine = {
  offerId: string; offerIndex: number; skuId: string; specId: string; quantity: number; unitPriceFen: number; amountFen: number;
  subject: string; skuAttributes: { name: string; value: string }[]; unit: string; imageUrl: string | null;
};

export type SandboxOrder = {
  id: string; outOrderId: string | null; message: string | null; flow: string; status: OrderStatus; seller: DemoSeller;
  lines: OrderLine[]; goodsFen: number; freightFen: number; totalFen: number; address: Record<string, string>;
  createdAt: number; modifiedAt: number; paidAt: number | null; shippedAt: number | null; receivedAt: number | null; completedAt: number | null; closedAt: number | null;
  /** The parcels the seller sent, each under its own courier and tracking number (1688's logisticsItems). */
  packages: SandboxPackage[];
};

/** One parcel the seller sent: 1688 lists one logistics item per waybill, with the lines it carries. */
export type SandboxPackage = { id: number; companyName: string; companyNo: string; companyId: number; billNo: string; shippedAt: number; lineIndexes: number[] };

/** Couriers sellers commonly use, as 1688 names and codes them. */
const couriers = [
  { companyName: '圆通速递', companyNo: 'YTO', companyId: 8, prefix: 'YT' },
  { companyName: '中通快递', companyNo: 'ZTO', companyId: 3, prefix: '7' },
  { companyName: '韵达快递', companyNo: 'YUNDA', companyId: 5, prefix: '43' },
  { companyName: '申通快递', companyNo: 'STO', companyId: 2, prefix: '77' },
  { companyName: '顺丰速运', companyNo: 'SF', companyId: 7, prefix: 'SF' },
] as const;
export const MAX_PACKAGES = couriers.length;
/** How the seller ships: `packages` parcels (1 by default). */
export type ShipOptions = { packages?: number };

export class OrderStateError extends Error {}

const transitions: Record<'pay' | 'ship' | 'receive' | 'complete' | 'cancel', { from: OrderStatus[]; to: OrderStatus; event: OrderEventType }> = {
  pay: { from: ['waitbuyerpay'], to: 'waitsellersend', event: 'ORDER_BUYER_VIEW_ORDER_PAY' },
  ship: { from: ['waitsellersend'], to: 'waitbuyerreceive', event: 'ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS' },
  receive: { from: ['waitbuyerreceive'], to: 'confirm_goods', event: 'ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS' },
  complete: { from: ['waitbuyerreceive', 'confirm_goods'], to: 'success', event: 'ORDER_BUYER_VIEW_ORDER_SUCCESS' },
  cancel: { from: ['waitbuyerpay', 'waitsellersend'], to: 'cancel', event: 'ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE' },
};
export type OrderAction = keyof typeof transitions;
export const orderActions = Object.keys(transitions) as OrderAction[];

export class OrderBook {
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly listeners = new Set<(order: SandboxOrder, type: OrderEventType) => void>();
  private readonly trackingListeners = new Set<(order: SandboxOrder, parcel: SandboxPackage, oldBillNo: string) => void>();
  private sequence = 0;

  constructor(
    private readonly world: CatalogWorld,
    private readonly now: () => number = Date.now,
  ) {}

  onEvent(listener: (order: SandboxOrder, type: OrderEventType) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A seller corrected a parcel's waybill number (1688 then pushes `LOGISTICS_MAIL_NO_CHANGE`). */
  onTrackingChange(listener: (order: SandboxOrder, parcel: SandboxPackage, oldBillNo: string) => void): () => void {
    this.trackingListeners.add(listener);
    return () => this.trackingListeners.delete(listener);
  }

  get(id: string): SandboxOrder | undefined {
    return this.orders.get(id);
  }

  all(): SandboxOrder[] {
    return [...this.orders.values()];
  }

  /** Places an order for already-checked cargo (see `resolveCargo`); synchronous, so check and take are atomic. */
  create(cargo: Cargo, input: { outOrderId: string | null; message: string | null; flow: string; address: Record<string, string> }): SandboxOrder {
    const at = this.now();
    // 18 digits like 1688's order ids: too big for a JS number, which is the point.
    const id = `1${String(at).padStart(13, '0')}${String(this.sequence++ % 10_000).padStart(4, '0')}`;
    const lines: OrderLine[] = cargo.lines.map(({ live, sku, quantity }) => ({
      offerId: live.offer.offerId, offerIndex: live.index, skuId: sku.skuId, specId: sku.specId, quantity,
      unitPriceFen: sku.priceFen, amountFen: sku.priceFen * quantity, subject: live.offer.subject, skuAttributes: sku.attributes,
      unit: live.offer.unit, imageUrl: live.offer.images[sku.imageIndex ?? 0] ?? null,
    }));
    const order: SandboxOrder = {
      id, ...input, status: 'waitbuyerpay', seller: cargo.seller, lines, goodsFen: cargo.goodsFen, freightFen: cargo.freightFen,
      totalFen: cargo.goodsFen + cargo.freightFen, createdAt: at, modifiedAt: at, paidAt: null, shippedAt: null, receivedAt: null,
      completedAt: null, closedAt: null, packages: [],
    };
    this.orders.set(id, order);
    this.moveStock(order, -1);
    this.emit(order, 'ORDER_BUYER_VIEW_BUYER_MAKE');
    return order;
  }

  advance(id: string, action: OrderAction, options: ShipOptions = {}): SandboxOrder {
    const order = this.orders.get(id);
    if (!order) throw new OrderStateError(`order ${id} does not exist`);
    const step = transitions[action];
    if (!step.from.includes(order.status)) throw new OrderStateError(`cannot ${action} order ${id} in status ${order.status}`);
    const at = this.now();
    order.status = step.to;
    order.modifiedAt = at;
    if (action === 'pay') order.paidAt = at;
    if (action === 'ship') {
      order.shippedAt = at;
      order.packages = this.pack(order, at, options.packages ?? 1);
    }
    if (action === 'receive') order.receivedAt = at;
    if (action === 'complete') order.completedAt = at;
    if (action === 'cancel') {
      order.closedAt = at;
      this.moveStock(order, +1);
    }
    this.emit(order, step.event);
    return order;
  }

  /**
   * Changes the waybill number of a shipped order's parcel (the `index`th, 0 by default) to
   * `billNo`, or to a new number of the same courier; the order views list the new number.
   */
  changeTracking(id: string, options: { index?: number; billNo?: string } = {}): SandboxOrder {
    const order = this.orders.get(id);
    if (!order) throw new OrderStateError(`order ${id} does not exist`);
    const index = options.index ?? 0;
    const parcel = order.packages[index];
    if (!parcel) throw new OrderStateError(`order ${id} has no parcel ${index} (status ${order.status})`);
    const at = this.now();
    const oldBillNo = parcel.billNo;
    const courier = couriers.find((c) => c.companyNo === parcel.companyNo) ?? couriers[0];
    parcel.billNo = options.billNo ?? `${courier.prefix}${String(at).slice(-10)}${order.id.slice(-3)}${index}R${this.sequence++ % 100}`;
    if (parcel.billNo === oldBillNo) throw new OrderStateError(`parcel ${index} of order ${id} already has number ${oldBillNo}`);
    order.modifiedAt = at;
    for (const listener of this.trackingListeners) listener(order, parcel, oldBillNo);
    return order;
  }

  private pack(order: SandboxOrder, at: number, count: number): SandboxPackage[] {
    const n = Math.max(1, Math.min(count, MAX_PACKAGES));
    return Array.from({ length: n }, (_, k) => {
      const courier = couriers[k % couriers.length]!;
      return {
        id: Number(`${String(at).slice(-9)}${k}`),
        companyName: courier.companyName,
        companyNo: courier.companyNo,
        companyId: courier.companyId,
        billNo: `${courier.prefix}${String(at).slice(-10)}${order.id.slice(-3)}${k}`,
        shippedAt: at,
        // Lines dealt round-robin; with more parcels than lines, a line's units are split across several.
        lineIndexes: order.lines.length >= n ? order.lines.map((_, i) => i).filter((i) => i % n === k) : [k % order.lines.length],
      };
    });
  }

  private moveStock(order: SandboxOrder, sign: 1 | -1): void {
    const byOffer = new Map<number, Map<string, number>>();
    for (const line of order.lines) {
      const skus = byOffer.get(line.offerIndex) ?? new Map<string, number>();
      skus.set(line.skuId, (skus.get(line.skuId) ?? 0) + sign * line.quantity);
      byOffer.set(line.offerIndex, skus);
    }
    for (const [index, deltas] of byOffer) {
      const { offer } = this.world.live(index);
      const changes = [...deltas].map(([skuId, delta]) => ({ skuId, stock: Math.max(0, (offer.skus.find((s) => s.skuId === skuId)?.amountOnSale ?? 0) + delta) }));
      this.world.changeSkus(index, changes);
    }
  }

  private emit(order: SandboxOrder, type: OrderEventType): void {
    for (const listener of this.listeners) listener(order, type);
  }
}
