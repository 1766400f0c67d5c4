import { describe, expect, it } from 'vitest';
import { hasShippedUpstream, isForwardUpstreamStatus, isUpstreamOrderStatus } from './upstream-status-rank';

describe('isForwardUpstreamStatus', () => {
  it('moves forward along the buyer-view states', () => {
    expect(isForwardUpstreamStatus(null, 'awaiting_payment')).toBe(true);
    expect(isForwardUpstreamStatus('awaiting_payment', 'awaiting_shipment')).toBe(true);
    expect(isForwardUpstreamStatus('awaiting_shipment', 'shipped')).toBe(true);
    expect(isForwardUpstreamStatus('shipped', 'completed')).toBe(true);
  });

  it('never moves back or sideways (reordered and redelivered messages)', () => {
    expect(isForwardUpstreamStatus('shipped', 'awaiting_shipment')).toBe(false);
    expect(isForwardUpstreamStatus('shipped', 'shipped')).toBe(false);
    expect(isForwardUpstreamStatus('completed', 'received')).toBe(false);
    expect(isForwardUpstreamStatus('cancelled', 'awaiting_shipment')).toBe(false);
  });

  it('lets a cancellation end the order from any state, and an unknown stored word be overtaken', () => {
    expect(isForwardUpstreamStatus('awaiting_shipment', 'cancelled')).toBe(true);
    expect(isForwardUpstreamStatus('shipped', 'cancelled')).toBe(true);
    expect(isForwardUpstreamStatus('waitbuyerpay', 'awaiting_payment')).toBe(true);
  });

  it('recognises only the normalised statuses', () => {
    expect(isUpstreamOrderStatus('shipped')).toBe(true);
    expect(isUpstreamOrderStatus('WAIT_SELLER_SEND')).toBe(false);
    expect(isUpstreamOrderStatus(null)).toBe(false);
  });

  it('counts an order as shipped from the seller’s shipment on, never once cancelled or while unknown', () => {
    expect(['shipped', 'received', 'completed'].map(hasShippedUpstream)).toEqual([true, true, true]);
    expect(['awaiting_payment', 'awaiting_shipment', 'cancelled', 'waitbuyerreceive'].map(hasShippedUpstream)).toEqual([false, false, false, false]);
    expect(hasShippedUpstream(null)).toBe(false);
  });
});
