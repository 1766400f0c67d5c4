import type { UpstreamStockChange } from '@/lib/inventory/apply-upstream-stock';
import type { PushMessage } from '@/lib/suppliers/types';

export type StockPushChange = Extract<PushMessage, { kind: 'stock' }>['changes'][number];
export type StockPush = { eventId: number; bornAt: Date; changes: readonly StockPushChange[] };

export type StockPlan = {
  /** At most one reading per SKU: the newest of the batch. */
  changes: UpstreamStockChange[];
  /** The event each reading came from (same index as `changes`). */
  owners: number[];
  /** Events with a reading that lost to a newer one of the same SKU in this batch (once per reading). */
  superseded: number[];
};

/**
 * The upstream time of a reading, as precisely as the message allows. 1688 writes `bizTime` to the
 * second, so two changes of one SKU in the same second would tie and the later one would be lost
 * as stale; the message's birth time (`gmtBorn`, milliseconds) places the change inside its second.
 * A message born after that second (delivered late) can only say "late in that second".
 */
export function readingTime(changedAt: Date, bornAt: Date): Date {
  const at = changedAt.getTime();
  if (at % 1000 !== 0) return changedAt;
  const born = bornAt.getTime();
  if (born < at) return changedAt;
  return new Date(Math.min(born, at + 999));
}

/**
 * Reduces a batch of stock pushes to one reading per SKU, the one with the newest upstream time
 * (`bizTime`); on a tie the later delivery wins. Messages arrive duplicated and out of order, so
 * the order they were stored in says nothing about which is current: only the upstream's time does.
 */
export function planStockChanges(platform: string, pushes: readonly StockPush[]): StockPlan {
  const newest = new Map<string, { change: StockPushChange; eventId: number }>();
  const superseded: number[] = [];
  for (const push of [...pushes].sort((a, b) => a.eventId - b.eventId)) {
    for (const pushed of push.changes) {
      const change = { ...pushed, changedAt: readingTime(pushed.changedAt, push.bornAt) };
      const key = `${change.offerId}\u0000${change.sourceSkuId ?? ''}`;
      const held = newest.get(key);
      if (held && held.change.changedAt.getTime() > change.changedAt.getTime()) {
        superseded.push(push.eventId);
        continue;
      }
      if (held) superseded.push(held.eventId);
      newest.set(key, { change, eventId: push.eventId });
    }
  }
  const winners = [...newest.values()];
  return {
    changes: winners.map(({ change }) => ({
      platform,
      offerId: change.offerId,
      sourceSkuId: change.sourceSkuId,
      stock: change.stock,
      isOnSale: change.isOnSale,
      changedAt: change.changedAt,
    })),
    owners: winners.map((w) => w.eventId),
    superseded,
  };
}
