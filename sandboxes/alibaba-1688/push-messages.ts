import type { InventoryChange, ProductEventType, WorldEvent } from './catalog-world';
import { stringifyWire } from './http-io';
import type { OrderEventType, SandboxOrder, SandboxPackage } from './orders';
import type { PushDispatcher } from './push-dispatcher';
import { formatPushTime } from './time-format';

/**
 * Turns world changes and order events into 1688 message envelopes
 * `{msgId, gmtBorn, type, bizKey, userInfo, data}`. Changes made in one tick (a bulk modify
 * touches thousands of offers) are batched the way 1688 batches them: up to 100 stock changes
 * per `PRODUCT_PRODUCT_INVENTORY_CHANGE`, up to 100 comma-separated `productIds` per product
 * message. Ids go out as JSON numbers, order ids included.
 */
export type PushEnvelope = { msgId: number; gmtBorn: number; type: string; bizKey: string; userInfo: string; data: Record<string, unknown> };

const BATCH = 100;

export class PushPublisher {
  private nextMsgId = 5_746_327_830;
  private inventory: InventoryChange[] = [];
  private products = new Map<ProductEventType, Set<string>>();
  private isFlushQueued = false;

  constructor(
    private readonly dispatcher: PushDispatcher,
    private readonly buyerMemberId: string,
    private readonly now: () => number = Date.now,
  ) {}

  world(event: WorldEvent): void {
    if (event.kind === 'inventory') this.inventory.push(...event.changes);
    else {
      const ids = this.products.get(event.type) ?? new Set<string>();
      for (const id of event.offerIds) ids.add(id);
      this.products.set(event.type, ids);
    }
    if (!this.isFlushQueued) {
      this.isFlushQueued = true;
      setImmediate(() => this.flush());
    }
  }

  order(order: SandboxOrder, type: OrderEventType): void {
    const data = {
      orderId: BigInt(order.id),
      currentStatus: order.status,
      buyerMemberId: this.buyerMemberId,
      sellerMemberId: order.seller.memberId,
      msgSendTime: formatPushTime(this.now()),
    };
    this.publish(type, order.id, data);
  }

  /**
   * `LOGISTICS_MAIL_NO_CHANGE` as 1688 documents it: `MailNoChangeModel` with the courier code and
   * waybill number before and after, and the order lines (`orderId`, `orderEntryId`) the parcel carries.
   */
  trackingChange(order: SandboxOrder, parcel: SandboxPackage, oldBillNo: string): void {
    const data = {
      MailNoChangeModel: {
        logisticsId: `BX${parcel.id}`,
        oldCpCode: parcel.companyNo,
        newCpCode: parcel.companyNo,
        oldMailNo: oldBillNo,
        newMailNo: parcel.billNo,
        eventTime: formatPushTime(this.now()),
        orderLogsItems: parcel.lineIndexes.map((k) => ({ orderId: BigInt(order.id), orderEntryId: BigInt(`${order.id}${String(k).padStart(2, '0')}`) })),
      },
    };
    this.publish('LOGISTICS_MAIL_NO_CHANGE', order.id, data);
  }

  private flush(): void {
    this.isFlushQueued = false;
    const changes = this.inventory;
    this.inventory = [];
    for (let i = 0; i < changes.length; i += BATCH) {
      const batch = changes.slice(i, i + BATCH);
      const list = batch.map((c) => ({
        offerId: Number(c.offerId),
        offerOnSale: c.offerOnSale,
        skuId: Number(c.skuId),
        skuOnSale: c.skuOnSale,
        quantity: c.quantity,
        bizTime: formatPushTime(c.at),
      }));
      this.publish('PRODUCT_PRODUCT_INVENTORY_CHANGE', (batch[0] as InventoryChange).offerId, { OfferInventoryChangeList: list });
    }
    const products = this.products;
    this.products = new Map();
    for (const [type, idSet] of products) {
      const ids = [...idSet];
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        this.publish(type, batch[0] as string, { productIds: batch.join(','), msgSendTime: formatPushTime(this.now()) });
      }
    }
  }

  private publish(type: string, bizKey: string, data: Record<string, unknown>): void {
    const envelope: PushEnvelope = { msgId: this.nextMsgId++, gmtBorn: this.now(), type, bizKey, userInfo: this.buyerMemberId, data };
    this.dispatcher.send(stringifyWire(envelope), { msgId: envelope.msgId, type });
  }
}
