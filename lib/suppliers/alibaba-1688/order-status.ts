import type { UpstreamOrderStatus } from '../types';

/** 1688 buyer-view order states in Ferry's words; null for a state Ferry does not know. */
const statuses: Record<string, UpstreamOrderStatus> = {
  waitbuyerpay: 'awaiting_payment',
  waitsellersend: 'awaiting_shipment',
  waitbuyerreceive: 'shipped',
  confirm_goods: 'received',
  success: 'completed',
  cancel: 'cancelled',
  terminated: 'cancelled',
};

export function mapOrderStatus(raw: string): UpstreamOrderStatus | null {
  return Object.hasOwn(statuses, raw) ? (statuses[raw] as UpstreamOrderStatus) : null;
}
