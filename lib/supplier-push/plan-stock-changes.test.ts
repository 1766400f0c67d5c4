import { describe, expect, it } from 'vitest';
import { planStockChanges, readingTime, type StockPushChange } from './plan-stock-changes';

const change = (sourceSkuId: string | null, stock: number, at: string, offerId = '601'): StockPushChange => ({
  offerId,
  sourceSkuId,
  stock,
  delta: 0,
  isOnSale: true,
  changedAt: new Date(at),
});

// Born before every reading below: their own times are used as they are.
const BORN = new Date('2025-01-01T00:00:00Z');

describe('planStockChanges', () => {
  it('keeps the newest reading per SKU whatever the delivery order', () => {
    const plan = planStockChanges('1688', [
      { eventId: 1, bornAt: BORN, changes: [change('a', 7, '2025-01-01T10:00:05Z')] },
      { eventId: 2, bornAt: BORN, changes: [change('a', 3, '2025-01-01T10:00:01Z'), change('b', 9, '2025-01-01T10:00:01Z')] },
    ]);
    expect(plan.changes).toHaveLength(2);
    const a = plan.changes.find((c) => c.sourceSkuId === 'a')!;
    expect(a).toMatchObject({ platform: '1688', stock: 7 });
    expect(plan.owners[plan.changes.indexOf(a)]).toBe(1);
    expect(plan.superseded).toEqual([2]);
  });

  it('lets the later delivery win a tie and keeps SKUs of different offers apart', () => {
    const plan = planStockChanges('1688', [
      { eventId: 5, bornAt: BORN, changes: [change('a', 1, '2025-01-01T10:00:00Z')] },
      { eventId: 4, bornAt: BORN, changes: [change('a', 2, '2025-01-01T10:00:00Z'), change('a', 4, '2025-01-01T10:00:00Z', '602')] },
    ]);
    expect(plan.changes.map((c) => `${c.offerId}/${c.stock}`).sort()).toEqual(['601/1', '602/4']);
    expect(plan.superseded).toEqual([4]);
  });

  it('treats a spec-less listing (no SKU id) as one SKU of its offer', () => {
    const plan = planStockChanges('1688', [
      { eventId: 1, bornAt: BORN, changes: [change(null, 5, '2025-01-01T10:00:02Z')] },
      { eventId: 2, bornAt: BORN, changes: [change(null, 6, '2025-01-01T10:00:03Z')] },
    ]);
    expect(plan.changes).toEqual([expect.objectContaining({ sourceSkuId: null, stock: 6 })]);
    expect(plan.owners).toEqual([2]);
  });
});

describe('readingTime', () => {
  const second = new Date('2025-01-01T10:00:01Z');

  it('places a to-the-second bizTime inside its second by the message birth time', () => {
    expect(readingTime(second, new Date('2025-01-01T10:00:01.420Z')).toISOString()).toBe('2025-01-01T10:00:01.420Z');
  });

  it('puts a late message at the end of its second, and never before the bizTime', () => {
    expect(readingTime(second, new Date('2025-01-01T10:00:09.100Z')).toISOString()).toBe('2025-01-01T10:00:01.999Z');
    expect(readingTime(second, new Date('2025-01-01T10:00:00.500Z')).toISOString()).toBe('2025-01-01T10:00:01.000Z');
  });

  it('keeps a reading that already has milliseconds', () => {
    const precise = new Date('2025-01-01T10:00:01.250Z');
    expect(readingTime(precise, new Date('2025-01-01T10:00:01.900Z'))).toBe(precise);
  });

  it('orders two changes of one second by their messages, so the later is not lost as stale', () => {
    const plan = planStockChanges('1688', [
      { eventId: 1, bornAt: new Date('2025-01-01T10:00:01.100Z'), changes: [change('a', 8, '2025-01-01T10:00:01Z')] },
      { eventId: 2, bornAt: new Date('2025-01-01T10:00:01.600Z'), changes: [change('a', 6, '2025-01-01T10:00:01Z')] },
    ]);
    expect(plan.changes).toEqual([expect.objectContaining({ stock: 6, changedAt: new Date('2025-01-01T10:00:01.600Z') })]);
  });
});
