import 'server-only';
import type { Database } from '@/db/client';
import type { ParcelDimsCm, ParcelRow } from '@/db/schema/parcels';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { convert, money, type CurrencyCode } from '@/lib/money';
import { getSettings } from '@/lib/settings/read-settings';
import { readGoods } from '@/lib/shipping/goods';
import { loadLine } from '@/lib/shipping/load-lines';
import { quoteLines } from '@/lib/shipping/quote-lines';
import { creditWallet } from '@/lib/wallet/entries';
import { recordWalletLedger } from '@/lib/wallet/ledger';
import { parcelLedgerRates } from './ledger-rates';
import { lockParcel } from './mark-paid';
import { moveParcel } from './parcel-machine';
import { countParcelPhotos } from './parcel-photos';
import { priceParcel } from './service-prices';
import { decideSettlement } from './settlement';

export const MAX_PACKED_GRAMS = 100_000;
export const MAX_SIDE_CM = 300;

export type PackInput = { number: string; weightGrams: number; dims: ParcelDimsCm; actor: Actor; packedBy?: number | null };

/** Checks a pack form's numbers: whole grams and centimetres, positive and within what any line takes. */
export function checkPackMeasures(weightGrams: number, dims: ParcelDimsCm): void {
  if (!Number.isSafeInteger(weightGrams) || weightGrams < 1 || weightGrams > MAX_PACKED_GRAMS) throw new AppError('validation_failed', `Weight must be whole grams from 1 to ${MAX_PACKED_GRAMS}`, { field: 'weightGrams' });
  for (const side of [dims.lengthCm, dims.widthCm, dims.heightCm]) {
    if (!Number.isSafeInteger(side) || side < 1 || side > MAX_SIDE_CM) throw new AppError('validation_failed', `Each side must be whole centimetres from 1 to ${MAX_SIDE_CM}`, { field: 'dims' });
  }
}

/**
 * Packs a parcel: its real weight and box are quoted on its own line by the one quote function at the
 * parcel's pinned rate.
 * - A paid parcel settles the difference with the estimate (decideSettlement): more → `awaiting_topup`
 *   (the shopper pays the top-up before dispatch); lighter by more than the threshold → the difference
 *   back to the shopper's wallet at once (a partner's is `due`), then `ready_to_dispatch`; otherwise
 *   `ready_to_dispatch`.
 * - A parcel awaiting its rehearsal is priced at what it really is instead (shipping at the packed
 *   chargeable weight, insurance and services as chosen) and then awaits payment: the shopper sees the
 *   weight and the photos first, so it must have at least one photo. Nothing is settled afterwards.
 * The parcel row is locked, so two packers at once pack once: the second finds it packed (invalid_transition).
 */
export async function packParcel(db: Database, input: PackInput): Promise<ParcelRow> {
  checkPackMeasures(input.weightGrams, input.dims);
  const settings = await getSettings(db);
  return db.transaction(async (tx) => {
    const parcel = await lockParcel(tx, { number: input.number });
    if (!parcel) throw new AppError('not_found', 'Parcel not found');
    const isRehearsal = parcel.status === 'awaiting_rehearsal';
    if (parcel.status !== 'paid' && !isRehearsal) throw new AppError('invalid_transition', parcel.status === 'awaiting_payment' && !parcel.packedAt ? 'This parcel is not paid yet' : 'This parcel is already packed');
    const { line, quote } = await quotePacked(db, parcel, input);
    const packedColumns = {
      packedWeightGrams: input.weightGrams,
      packedDims: input.dims,
      packedChargeableGrams: quote.chargeableGrams,
      packedShippingCnyMinor: quote.priceCny.amountMinor,
      packedBy: input.packedBy ?? null,
    };
    if (isRehearsal) {
      if ((await countParcelPhotos(tx, parcel.id)) === 0) throw new AppError('conflict', 'Photograph the packed parcel first: the shopper sees the photos before paying', { reason: 'photos_required' });
      const price = priceParcel(quote, parcel.services, settings, parcel.currency as CurrencyCode, parcel.rate);
      const rehearsed = await moveParcel(tx, {
        id: parcel.id,
        from: 'awaiting_rehearsal',
        to: 'awaiting_payment',
        actor: input.actor,
        payload: { weightGrams: input.weightGrams, chargeableGrams: quote.chargeableGrams, chargeMinor: price.charge.amountMinor, currency: parcel.currency },
        set: { ...packedColumns, packedAt: new Date(), insuranceCnyMinor: price.insuranceCny, servicesCnyMinor: price.servicesCny, totalCnyMinor: price.totalCny, chargeMinor: price.charge.amountMinor, settlementAction: 'none', settlementCnyMinor: 0, settlementMinor: 0, settlementStatus: 'none' },
      });
      if (!rehearsed) throw new AppError('invalid_transition', 'This parcel is already packed');
      return (await lockParcel(tx, { id: parcel.id }))!;
    }
    const currency = parcel.currency as CurrencyCode;
    const decided = decideSettlement({
      estimateChargeableGrams: parcel.estimateChargeableGrams,
      estimateShippingCny: parcel.estimateShippingCnyMinor,
      packedChargeableGrams: quote.chargeableGrams,
      packedShippingCny: quote.priceCny.amountMinor,
      unitGrams: line.continuedUnitGrams,
      thresholdUnits: settings['parcels.refundThresholdUnits'],
    });
    const amountMinor = decided.action === 'none' ? 0 : convert(money(decided.amountCny, 'CNY'), currency, parcel.rate).amountMinor;
    // A difference that rounds to nothing in the parcel's currency settles nothing.
    const action = amountMinor > 0 ? decided.action : 'none';
    const packed = await moveParcel(tx, {
      id: parcel.id,
      from: 'paid',
      to: 'packed',
      actor: input.actor,
      payload: { weightGrams: input.weightGrams, chargeableGrams: quote.chargeableGrams, settlement: action, amountMinor },
      set: {
        ...packedColumns,
        settlementAction: action,
        settlementCnyMinor: action === 'none' ? 0 : decided.amountCny,
        settlementMinor: action === 'none' ? 0 : amountMinor,
        settlementStatus: action === 'topup' ? 'open' : action === 'refund' ? (parcel.userId !== null ? 'refunded' : 'due') : 'none',
      },
    });
    if (!packed) throw new AppError('invalid_transition', 'This parcel is already packed');
    if (action === 'topup') {
      await moveParcel(tx, { id: parcel.id, from: 'packed', to: 'awaiting_topup', actor: input.actor, payload: { amountMinor, currency } });
    } else {
      if (action === 'refund' && parcel.userId !== null) {
        await creditWallet(tx, 'refund', { userId: parcel.userId, currency, amountMinor, source: `parcel_settlement:${parcel.id}`, note: parcel.number, actor: input.actor });
        await recordWalletLedger(tx, { orderId: null, userId: parcel.userId, kind: 'refund', source: `parcel_settlement:${parcel.id}`, amountMinor, currency }, await parcelLedgerRates(tx, parcel));
        await recordAudit(tx, input.actor, 'parcel.settlement_refunded', { type: 'parcel', id: parcel.id }, { amountMinor, currency, amountCny: decided.amountCny });
      }
      await moveParcel(tx, { id: parcel.id, from: 'packed', to: 'ready_to_dispatch', actor: input.actor, payload: { settlement: action } });
    }
    return (await lockParcel(tx, { id: parcel.id }))!;
  });
}

/** The packed parcel quoted on the line it was sold on (even if the agent has since switched the line off), or why the line cannot take it. */
async function quotePacked(db: Database, parcel: ParcelRow, input: PackInput) {
  const line = await loadLine(db, parcel.lineId);
  if (!line) throw new AppError('line_unavailable', 'The parcel’s shipping line no longer exists', { reason: 'line_not_available' });
  const currency = parcel.currency as CurrencyCode;
  const result = quoteLines(
    [{ ...line, isActive: true }],
    { country: parcel.shippingAddress.country, grams: input.weightGrams, dims: input.dims, goods: readGoods(parcel.goods) ?? [], currency, declaredValueCny: parcel.declaredValueCnyMinor },
    { currency, rate: parcel.rate, source: parcel.rateSource, capturedAt: parcel.rateCapturedAt.toISOString() },
  );
  const quote = result.quotes[0];
  if (!quote) {
    const why = result.unavailable[0];
    throw new AppError('line_unavailable', `${line.name} cannot take this parcel as packed: ${why?.message ?? 'refused'}`, { reason: why?.reason ?? 'line_not_available' });
  }
  return { line, quote };
}
