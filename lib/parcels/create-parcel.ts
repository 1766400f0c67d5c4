import 'server-only';
import { randomBytes } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders, type ShippingAddress } from '@/db/schema/orders';
import { parcelItems, parcels, parcelServices, type ParcelRow, type ParcelService } from '@/db/schema/parcels';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { getLatestRates } from '@/lib/fx/store';
import { minorUnits, type CurrencyCode } from '@/lib/money';
import { getSettings } from '@/lib/settings/read-settings';
import { loadLine } from '@/lib/shipping/load-lines';
import { quoteRate } from '@/lib/shipping/quote-shipping';
import { moveItem } from '@/lib/warehouse/item-machine';
import { lockOrder } from '@/lib/warehouse/derive-order-status';
import { declaredValues } from './declared-values';
import type { ParcelOwner } from './owner';
import { goodsOfItems } from './parcel-goods';
import { newParcelNumber } from './parcel-number';
import { quoteParcel } from './quote-parcel';
import { priceParcel } from './service-prices';

export const MAX_PARCEL_ITEMS = 100;

export type CreateParcelInput = {
  owner: ParcelOwner;
  itemIds: readonly number[];
  lineId: number;
  address: ShippingAddress;
  services: readonly ParcelService[];
  /** Per item (the shopper's screen) or one total (the open API, in `currency` or CNY); never below what was paid. */
  declaredValues?: readonly { itemId: number; cnyMinor: number }[];
  declaredTotal?: { amountMinor: number; currency: string };
  currency: CurrencyCode;
  /** The card gateway the parcel is paid through (PAYMENT_GATEWAY). */
  gateway: string;
  actor: Actor;
  locale?: string;
};

const unavailable = () => new AppError('items_unavailable', 'Some of these items cannot go into a parcel: each must be yours, accepted after QC, in the warehouse and in no other parcel');

/**
 * Consolidation: a parcel of the owner's accepted items on one line, priced by the one quote function
 * at the rate pinned now. In one transaction the items' orders and then the items are locked, checked
 * (the owner's, `accepted`), moved `accepted → in_parcel` and tied to the parcel (`active_item_id`
 * unique: an item is in at most one live parcel even against a concurrent create). A line that cannot
 * take the parcel is `line_unavailable` (422) with the quote's reason; nothing is written then.
 * With the rehearsal service the parcel waits for its rehearsal (`awaiting_rehearsal`): nothing can
 * be paid until the warehouse has packed it and priced it at its real weight (packParcel).
 */
export async function createParcel(db: Database, input: CreateParcelInput): Promise<ParcelRow> {
  const itemIds = [...new Set(input.itemIds)].sort((a, b) => a - b);
  if (itemIds.length === 0 || itemIds.length !== input.itemIds.length || itemIds.length > MAX_PARCEL_ITEMS || !itemIds.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new AppError('validation_failed', `Choose 1 to ${MAX_PARCEL_ITEMS} different items`, { field: 'items' });
  }
  const services = [...new Set(input.services)];
  if (!services.every((s) => (parcelServices as readonly string[]).includes(s))) throw new AppError('validation_failed', 'Unknown service', { field: 'services' });
  const line = await loadLine(db, input.lineId);
  if (!line || !line.isActive) throw new AppError('line_unavailable', 'This shipping line is not available', { reason: 'line_not_available' });
  const [settings, rates] = await Promise.all([getSettings(db), getLatestRates(db)]);
  const pinned = quoteRate(rates, input.currency);

  return db.transaction(async (tx) => {
    const found = await tx.select({ orderId: orderItems.orderId }).from(orderItems).where(inArray(orderItems.id, itemIds));
    for (const orderId of [...new Set(found.map((f) => f.orderId))].sort((a, b) => a - b)) await lockOrder(tx, orderId);
    const items = await tx
      .select({
        id: orderItems.id,
        orderId: orderItems.orderId,
        status: orderItems.fulfilmentStatus,
        quantity: orderItems.quantity,
        unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
        weightGrams: orderItems.weightGrams,
        lengthMm: orderItems.lengthMm,
        widthMm: orderItems.widthMm,
        heightMm: orderItems.heightMm,
        userId: orders.userId,
        partnerKeyId: orders.partnerKeyId,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(inArray(orderItems.id, itemIds))
      .orderBy(asc(orderItems.id))
      .for('update');
    const isOwners = (item: (typeof items)[number]) => (input.owner.type === 'user' ? item.userId === input.owner.userId : item.partnerKeyId === input.owner.partnerKeyId);
    if (items.length !== itemIds.length || !items.every((item) => isOwners(item) && item.status === 'accepted')) throw unavailable();

    const totalCny =
      input.declaredTotal === undefined
        ? undefined
        : input.declaredTotal.currency === 'CNY'
          ? input.declaredTotal.amountMinor
          : input.declaredTotal.currency === input.currency
            ? // Back to CNY at the pinned rate, rounded down: a value is never raised by the conversion.
              Math.floor((input.declaredTotal.amountMinor * 100) / 10 ** minorUnits(input.currency) / Number(pinned.rate))
            : (() => {
                throw new AppError('validation_failed', 'The declared value must be in CNY or in the parcel currency', { field: 'declaredValue' });
              })();
    const declared = declaredValues(
      items.map((item) => ({ itemId: item.id, paidCnyMinor: item.unitPriceCnyMinor * item.quantity })),
      { perItem: input.declaredValues, totalCny },
    );
    const declaredCny = [...declared.values()].reduce((a, b) => a + b, 0);

    const { parcel: goods } = await goodsOfItems(tx, itemIds);
    const { grams, dims, result } = await quoteParcel(
      db,
      { items, country: input.address.country, currency: input.currency, declaredValueCny: declaredCny, goods, locale: input.locale },
      { lines: [line], rates },
    );
    const quote = result.quotes[0];
    if (!quote) {
      const why = result.unavailable[0];
      throw new AppError('line_unavailable', why ? `${line.name} cannot take this parcel (${why.reason}): ${why.message}` : `${line.name} cannot take this parcel`, { reason: why?.reason ?? 'line_not_available', reasons: why?.reasons ?? [] });
    }
    if (services.includes('insurance') && !quote.insuranceCny) {
      throw new AppError('line_unavailable', `${line.name} does not offer insurance`, { reason: 'insurance_not_offered' });
    }
    const price = priceParcel(quote, services, settings, input.currency, pinned.rate);

    const number = newParcelNumber();
    const [inserted] = await tx.insert(parcels).values({
      number,
      // Rehearsal packing: the warehouse packs and photographs it first; the shopper pays the packed price after seeing it.
      status: services.includes('rehearsal') ? 'awaiting_rehearsal' : 'awaiting_payment',
      userId: input.owner.type === 'user' ? input.owner.userId : null,
      partnerKeyId: input.owner.type === 'partner' ? input.owner.partnerKeyId : null,
      lineId: line.id,
      lineCode: line.code,
      shippingAddress: input.address,
      services,
      goods,
      currency: input.currency,
      rate: pinned.rate,
      rateSource: pinned.source,
      rateCapturedAt: new Date(pinned.capturedAt),
      declaredValueCnyMinor: declaredCny,
      estimateGrams: grams,
      estimateDims: dims,
      estimateChargeableGrams: quote.chargeableGrams,
      estimateShippingCnyMinor: price.shippingCny,
      estimateShippingMinor: price.shipping.amountMinor,
      insuranceCnyMinor: price.insuranceCny,
      servicesCnyMinor: price.servicesCny,
      totalCnyMinor: price.totalCny,
      chargeMinor: price.charge.amountMinor,
      gateway: input.gateway,
      payToken: randomBytes(16).toString('hex'),
    });
    const parcelId = Number(inserted.insertId);
    try {
      await tx.insert(parcelItems).values(items.map((item) => ({ parcelId, orderItemId: item.id, declaredValueCnyMinor: declared.get(item.id)!, activeItemId: item.id })));
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_DUP_ENTRY' || String((error as Error).message).includes('Duplicate entry')) throw unavailable();
      throw error;
    }
    for (const item of items) {
      const moved = await moveItem(tx, { id: item.id, from: 'accepted', to: 'in_parcel', actor: input.actor, payload: { orderId: item.orderId, parcelId, parcelNumber: number } });
      if (!moved) throw unavailable();
    }
    await recordAudit(tx, input.actor, 'parcel.created', { type: 'parcel', id: parcelId }, { number, items: itemIds, lineId: line.id, chargeMinor: price.charge.amountMinor, currency: input.currency });
    const [row] = await tx.select().from(parcels).where(eq(parcels.id, parcelId));
    return row!;
  });
}

