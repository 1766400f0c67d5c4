import type { FulfilmentStatus, PurchaseStatus } from '@/db/schema/orders';

/** The open API's item statuses (PRODUCT.md, `fulfilment.status`). */
export type ContractFulfilmentStatus =
  | 'queued'
  | 'purchasing'
  | 'purchased'
  | 'in_warehouse'
  | 'accepted'
  | 'return_requested'
  | 'returned'
  | 'in_parcel'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'refunded';

/**
 * One item's status as the contract names it: before the warehouse, where purchasing has it (a line
 * waiting for its note to be read or for the worker is `queued`; one being bought, failed or waiting
 * for the shopper to pay a price rise is `purchasing`); from the warehouse on, its own status.
 */
export function contractFulfilmentStatus(fulfilment: FulfilmentStatus, purchase: PurchaseStatus | null): ContractFulfilmentStatus {
  if (fulfilment !== 'upstream') return fulfilment;
  switch (purchase) {
    case null:
    case 'review':
    case 'queued':
      return 'queued';
    case 'purchasing':
    case 'failed':
    case 'awaiting_shopper':
      return 'purchasing';
    case 'purchased':
      return 'purchased';
    case 'cancelled':
      return 'cancelled';
  }
}
