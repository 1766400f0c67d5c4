import { z } from 'zod';
import { isSupplierError, SupplierError, type PlacedPurchase, type PurchasePreview, type PurchaseRequest } from '../types';
import type { Alibaba1688Client } from './client';
import { DecimalError, yuanToFen } from './decimal';
import { listOrders } from './orders';
import { wireId } from './product-schema';
import { addressParam, cargoParamList, checkLines, resolveCargo } from './purchase-cargo';

/**
 * Buying from one seller: `alibaba.createOrder.preview` to see today's prices and freight, then
 * `alibaba.trade.createCrossOrder` (with Ferry's reference as `outOrderId`) and the no-password
 * `alibaba.trade.pay.protocolPay.preparePay`.
 */
const previewSchema = z.object({
  orderPreviewResuslt: z // sic: 1688's spelling
    .array(
      z.object({
        sumPayment: z.coerce.number().int().min(0),
        sumCarriage: z.coerce.number().int().min(0),
        sumPaymentNoCarriage: z.coerce.number().int().min(0),
        cargoList: z.array(z.object({ offerId: wireId, skuId: wireId.optional(), specId: z.string().nullish(), amount: z.union([z.number(), z.string()]), finalUnitPrice: z.union([z.number(), z.string()]) })).default([]),
      }),
    )
    .min(1),
});

export async function previewPurchase(client: Alibaba1688Client, request: PurchaseRequest): Promise<PurchasePreview> {
  const cargo = await resolveCargo(client, request);
  const body = await client.call('com.alibaba.trade', 'alibaba.createOrder.preview', { addressParam: addressParam(request.address), cargoParamList: cargoParamList(cargo), flow: 'general' });
  const parsed = previewSchema.safeParse(body);
  if (!parsed.success) throw new SupplierError('invalid', `1688 order preview does not fit: ${parsed.error.issues[0]?.message ?? ''}`);
  try {
    // 1688 may split one request into several orders; Ferry pays the sum, so it previews the sum.
    const previews = parsed.data.orderPreviewResuslt;
    const lines = previews.flatMap((p) => p.cargoList).map((line) => {
      const match = cargo.find((c) => c.offerId === line.offerId && (line.specId ? c.specId === line.specId : c.sourceSkuId === line.skuId));
      return {
        offerId: line.offerId,
        sourceSkuId: match?.sourceSkuId ?? line.skuId ?? line.offerId,
        quantity: match?.quantity ?? 0,
        unitPriceMinor: yuanToFen(line.finalUnitPrice),
        amountMinor: yuanToFen(line.amount),
      };
    });
    const sum = (pick: (p: (typeof previews)[number]) => number) => previews.reduce((total, p) => total + pick(p), 0);
    return { goodsMinor: sum((p) => p.sumPaymentNoCarriage), freightMinor: sum((p) => p.sumCarriage), totalMinor: sum((p) => p.sumPayment), lines };
  } catch (error) {
    if (error instanceof DecimalError) throw new SupplierError('invalid', `1688 order preview: ${error.message}`);
    throw error;
  }
}

const createSchema = z.object({ result: z.object({ orderId: wireId, totalSuccessAmount: z.coerce.number().int().min(0), postFee: z.coerce.number().int().min(0).default(0) }) });
const PAY_ATTEMPTS = 3;

/**
 * Places and pays one upstream order. `externalRef` travels as 1688's `outOrderId`, and an order
 * already carrying it is returned (and paid if still unpaid) instead of buying twice — a
 * retried purchase after a lost answer must not double the goods.
 */
export async function placePurchase(client: Alibaba1688Client, request: PurchaseRequest): Promise<PlacedPurchase> {
  checkLines(request); // an impossible order is refused before any call
  const earlier = (await listOrders(client, { outOrderId: request.externalRef })).find((o) => o.outOrderId === request.externalRef && o.order.status !== 'cancelled');
  if (earlier) {
    if (earlier.order.status === 'awaiting_payment') await pay(client, earlier.order.upstreamOrderId);
    return { upstreamOrderId: earlier.order.upstreamOrderId, totalMinor: earlier.order.totalMinor, freightMinor: earlier.freightMinor };
  }
  const cargo = await resolveCargo(client, request);
  const body = await client.call('com.alibaba.trade', 'alibaba.trade.createCrossOrder', {
    flow: 'general',
    addressParam: addressParam(request.address),
    cargoParamList: cargoParamList(cargo),
    outOrderId: request.externalRef,
    message: request.message ?? request.externalRef,
  });
  const created = createSchema.safeParse(body);
  if (!created.success) throw new SupplierError('invalid', `1688 createCrossOrder answer does not fit: ${created.error.issues[0]?.message ?? ''}`);
  const { orderId, totalSuccessAmount, postFee } = created.data.result;
  await pay(client, orderId);
  return { upstreamOrderId: orderId, totalMinor: totalSuccessAmount, freightMinor: postFee };
}

/**
 * Protocol pay, retried a few times on transient trouble as 1688 advises. If it still fails the
 * order stays unpaid upstream and is returned anyway: throwing would invite a retry that buys a
 * second time, while an unpaid order shows up as `awaiting_payment` for staff to settle.
 */
async function pay(client: Alibaba1688Client, orderId: string): Promise<void> {
  for (let attempt = 1; attempt <= PAY_ATTEMPTS; attempt++) {
    try {
      await client.call('com.alibaba.trade', 'alibaba.trade.pay.protocolPay.preparePay', { tradeWithholdPreparePayParam: `{"orderId":${orderId}}` });
      return;
    } catch (error) {
      if (!isSupplierError(error) || !error.isTransient || attempt === PAY_ATTEMPTS) {
        console.warn(`[1688] order ${orderId} placed but not paid: ${(error as Error).message}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
