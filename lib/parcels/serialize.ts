import type { ParcelDimsCm, ParcelRow } from '@/db/schema/parcels';

export type ParcelSettlementView = { action: 'none' | 'topup' | 'refund'; status: string; amount: { amountMinor: number; currency: string } } | null;

/** The settlement block of the open API and the CLI: null until packed. */
export function settlementView(parcel: Pick<ParcelRow, 'settlementAction' | 'settlementStatus' | 'settlementMinor' | 'currency'>): ParcelSettlementView {
  if (!parcel.settlementAction) return null;
  return { action: parcel.settlementAction, status: parcel.settlementStatus ?? 'none', amount: { amountMinor: parcel.settlementMinor ?? 0, currency: parcel.currency } };
}

/** `ferry parcel pack`'s answer (PRODUCT.md contract). */
export function packedView(parcel: ParcelRow) {
  const settlement = settlementView(parcel);
  return {
    parcelNumber: parcel.number,
    status: parcel.status,
    chargeableGrams: parcel.packedChargeableGrams,
    settlement: { action: settlement?.action ?? 'none', amount: settlement?.amount ?? { amountMinor: 0, currency: parcel.currency } },
  };
}

export type ParcelTracking = { number: string; carrier: string | null; status: string | null; events: { at: string; status: string; description: string; location: string | null }[] } | null;

/** `GET /api/v1/parcels/{n}` (PRODUCT.md contract); `tracking` is null until dispatch. */
export function parcelView(parcel: ParcelRow, items: { itemId: number; orderNumber: string; status: string; declaredValueCnyMinor: number }[], tracking: ParcelTracking = null) {
  return {
    parcelNumber: parcel.number,
    status: parcel.status,
    lineId: parcel.lineId,
    items: items.map((item) => ({ itemId: item.itemId, orderNumber: item.orderNumber, status: item.status, declaredValue: { amountMinor: item.declaredValueCnyMinor, currency: 'CNY' } })),
    services: parcel.services,
    estimate: { chargeableGrams: parcel.estimateChargeableGrams, amountMinor: parcel.chargeMinor, currency: parcel.currency, shippingMinor: parcel.estimateShippingMinor, rate: parcel.rate },
    packed: parcel.packedWeightGrams === null ? null : { weightGrams: parcel.packedWeightGrams, chargeableGrams: parcel.packedChargeableGrams, dims: parcel.packedDims as ParcelDimsCm | null },
    settlement: settlementView(parcel),
    tracking: tracking ?? (parcel.trackingNumber ? { number: parcel.trackingNumber, carrier: parcel.carrier, status: null, events: [] } : null),
  };
}
