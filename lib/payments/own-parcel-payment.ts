import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { cancelParcel } from '@/lib/parcels/cancel-parcel';
import { payParcelFromWallet, type ParcelWalletPayment } from '@/lib/parcels/pay-from-wallet';
import { findOwnParcel } from '@/lib/parcels/queries';
import type { GatewayDeps } from './registry';
import { withdrawParcelCardPayment } from './withdraw-parcel-payment';

async function ownParcel(db: Database, userId: number, number: string) {
  const parcel = await findOwnParcel(db, { type: 'user', userId }, number);
  if (!parcel) throw new AppError('not_found', 'Parcel not found');
  return parcel;
}

/** "Pay from balance" on the shopper's own parcel: a card payment they opened for it is withdrawn at the gateway first. */
export async function payOwnParcelFromWallet(db: Database, input: { userId: number; number: string; actor: Actor; allowPart?: boolean }, deps: GatewayDeps = {}): Promise<ParcelWalletPayment> {
  const parcel = await ownParcel(db, input.userId, input.number);
  await withdrawParcelCardPayment(db, parcel, deps);
  return payParcelFromWallet(db, input);
}

/** "Cancel parcel" on the shopper's own unpaid parcel: a card payment they opened for it is withdrawn at the gateway first, so it can never be completed for a cancelled parcel. */
export async function cancelOwnParcel(db: Database, input: { userId: number; number: string; actor: Actor }, deps: GatewayDeps = {}): Promise<void> {
  const parcel = await ownParcel(db, input.userId, input.number);
  await withdrawParcelCardPayment(db, parcel, deps);
  await cancelParcel(db, { number: input.number, owner: { type: 'user', userId: input.userId }, actor: input.actor });
}
