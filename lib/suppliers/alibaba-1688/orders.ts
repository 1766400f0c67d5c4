import { z } from 'zod';
import { SupplierError, type UpstreamOrder, type UpstreamShipment } from '../types';
import type { Alibaba1688Client } from './client';
import { DecimalError, yuanToFen } from './decimal';
import { mapOrderStatus } from './order-status';
import { wireId } from './product-schema';
import { format1688Time, parse1688Time } from './time';

/**
 * Reading orders back: one by id (`alibaba.trade.get.buyerView`) and all modified in a window
 * (`alibaba.trade.getBuyerOrderList`, paged), which is what the compensating poll runs.
 */
const LIST_PAGE_SIZE = 50;
/** 50 × 200 orders changed in one poll window is far past anything real; stop rather than loop. */
const MAX_LIST_PAGES = 200;

const tradeInfoSchema = z.object({
  baseInfo: z.object({
    id: wireId.optional(),
    idOfStr: z.string().regex(/^\d+$/).optional(),
    status: z.string().min(1),
    totalAmount: z.union([z.number(), z.string()]),
    shippingFee: z.union([z.number(), z.string()]).optional(),
    sellerID: z.string().min(1),
    modifyTime: z.string(),
    outOrderId: z.string().optional(),
    allDeliveredTime: z.string().nullish(),
  }),
  nativeLogistics: z
    .object({
      logisticsItems: z
        .array(
          z.object({
            logisticsBillNo: z.string().nullish(),
            logisticsCompanyName: z.string().nullish(),
            logisticsCompanyNo: z.string().nullish(),
            deliveredTime: z.string().nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});
type TradeInfo = z.infer<typeof tradeInfoSchema>;

/** The order, plus what placing one needs to report again when it finds an earlier attempt. */
export type ReadOrder = { order: UpstreamOrder; freightMinor: number; outOrderId: string | null };

export function reshapeOrder(raw: unknown): ReadOrder {
  const parsed = tradeInfoSchema.safeParse(raw);
  if (!parsed.success) throw new SupplierError('invalid', `1688 order does not fit: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  const { baseInfo, nativeLogistics }: TradeInfo = parsed.data;
  const id = baseInfo.idOfStr ?? baseInfo.id;
  if (!id) throw new SupplierError('invalid', '1688 order without an id');
  const status = mapOrderStatus(baseInfo.status);
  // Guessing an unknown state could tell purchasing that goods shipped when they did not.
  if (!status) throw new SupplierError('invalid', `1688 order ${id} is in a state Ferry does not know: ${baseInfo.status}`, baseInfo.status);
  const modifiedAt = parse1688Time(baseInfo.modifyTime);
  if (!modifiedAt) throw new SupplierError('invalid', `1688 order ${id} has an unreadable modifyTime`);
  try {
    const shipments = reshapeShipments(nativeLogistics?.logisticsItems ?? [], parse1688Time(baseInfo.allDeliveredTime));
    const order: UpstreamOrder = {
      upstreamOrderId: id,
      status,
      rawStatus: baseInfo.status,
      totalMinor: yuanToFen(baseInfo.totalAmount),
      sellerSourceId: baseInfo.sellerID,
      modifiedAt,
      trackingNumbers: shipments.map((s) => s.trackingNumber),
      shipments,
    };
    return { order, freightMinor: baseInfo.shippingFee === undefined ? 0 : yuanToFen(baseInfo.shippingFee), outOrderId: baseInfo.outOrderId ?? null };
  } catch (error) {
    if (error instanceof DecimalError) throw new SupplierError('invalid', `1688 order ${id}: ${error.message}`);
    throw error;
  }
}

type LogisticsItem = NonNullable<NonNullable<TradeInfo['nativeLogistics']>['logisticsItems']>[number];

/**
 * The order's waybills (`nativeLogistics.logisticsItems`, one per parcel the seller sent), one per
 * tracking number: 1688 may list a waybill twice (a reshipment under the same number), and an
 * item without a number (sent without logistics) is not a parcel anyone can expect. Spaces typed
 * into a number by the seller are dropped; a waybill without its own time takes the order's.
 */
export function reshapeShipments(items: readonly LogisticsItem[], orderShippedAt: Date | null): UpstreamShipment[] {
  const byNumber = new Map<string, UpstreamShipment>();
  for (const item of items) {
    const trackingNumber = (item.logisticsBillNo ?? '').replace(/\s+/g, '');
    if (trackingNumber === '' || byNumber.has(trackingNumber)) continue;
    byNumber.set(trackingNumber, {
      trackingNumber,
      carrierName: item.logisticsCompanyName?.trim() || null,
      carrierCode: item.logisticsCompanyNo?.trim().toUpperCase() || null,
      shippedAt: parse1688Time(item.deliveredTime) ?? orderShippedAt,
    });
  }
  return [...byNumber.values()];
}

export async function getOrder(client: Alibaba1688Client, upstreamOrderId: string): Promise<UpstreamOrder> {
  if (!/^\d{1,30}$/.test(upstreamOrderId)) throw new SupplierError('invalid', `not a 1688 order id: ${JSON.stringify(upstreamOrderId)}`);
  const body = (await client.call('com.alibaba.trade', 'alibaba.trade.get.buyerView', { orderId: upstreamOrderId, webSite: '1688', includeFields: 'NativeLogistics' })) as { result?: unknown };
  return reshapeOrder(body.result).order;
}

const listSchema = z.object({ result: z.array(z.unknown()).default([]), totalRecord: z.coerce.number().int().min(0).default(0) });

/** Every order matching `filter`, all pages. */
export async function listOrders(client: Alibaba1688Client, filter: Record<string, string>): Promise<ReadOrder[]> {
  const orders: ReadOrder[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const body = await client.call('com.alibaba.trade', 'alibaba.trade.getBuyerOrderList', { ...filter, page, pageSize: LIST_PAGE_SIZE });
    const parsed = listSchema.safeParse(body);
    if (!parsed.success) throw new SupplierError('invalid', '1688 getBuyerOrderList answer does not fit');
    orders.push(...parsed.data.result.map(reshapeOrder));
    if (parsed.data.result.length < LIST_PAGE_SIZE || orders.length >= parsed.data.totalRecord) break;
  }
  return orders;
}

/** Orders modified in [from, to); 1688's window is inclusive at both ends, so the end is trimmed here. */
export async function listOrdersModified(client: Alibaba1688Client, from: Date, to: Date): Promise<UpstreamOrder[]> {
  if (!(from.getTime() < to.getTime())) return [];
  const found = await listOrders(client, { modifyStartTime: format1688Time(from), modifyEndTime: format1688Time(to) });
  // Pages can shift while being read (newest first): an order may show up twice.
  const byId = new Map<string, UpstreamOrder>();
  for (const { order } of found) {
    if (order.modifiedAt.getTime() >= from.getTime() && order.modifiedAt.getTime() < to.getTime()) byId.set(order.upstreamOrderId, order);
  }
  return [...byId.values()];
}
