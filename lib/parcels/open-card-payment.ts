import type { ParcelRow } from '@/db/schema/parcels';
import { AppError } from '@/lib/errors';

/**
 * The card payment opened for what the parcel awaits now (its price or the rest of it, or its top-up),
 * if any. `wallet:…` is the balance's own payment id, never the gateway's.
 */
export function openParcelCardPayment(parcel: Pick<ParcelRow, 'status' | 'gatewayPaymentId' | 'topupPaymentId'>): { id: string; column: 'gatewayPaymentId' | 'topupPaymentId' } | null {
  const column = parcel.status === 'awaiting_topup' ? 'topupPaymentId' : parcel.status === 'awaiting_payment' ? 'gatewayPaymentId' : null;
  const id = column ? parcel[column] : null;
  return column && id && !id.startsWith('wallet:') ? { id, column } : null;
}

/** Refuses to pay or cancel past a card payment still open: the caller withdraws it at the gateway first (lib/payments), or the shopper could still finish it and pay twice. */
export function refuseOpenCardPayment(parcel: Pick<ParcelRow, 'status' | 'gatewayPaymentId' | 'topupPaymentId'>): void {
  if (openParcelCardPayment(parcel)) throw new AppError('conflict', 'A card payment for this parcel is open: it must be withdrawn first', { reason: 'card_payment_in_progress' });
}
