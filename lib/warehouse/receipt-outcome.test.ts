import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { receiptSchema, settleReceipt } from './receipt-outcome';

function issues(input: unknown): string[] {
  const parsed = receiptSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

describe('receipt outcomes', () => {
  it('takes a complete line as all its pieces, with no note', () => {
    expect(settleReceipt(receiptSchema.parse({ outcome: 'complete' }), 3)).toEqual({ receiptOutcome: 'complete', receivedQuantity: 3, receiptNote: null });
    expect(receiptSchema.safeParse({ outcome: 'complete', note: 'fine' }).success).toBe(false);
  });

  it('needs a note for every other outcome, trimmed and at most 500 characters', () => {
    expect(issues({ outcome: 'short', receivedQuantity: 1 })).not.toEqual([]);
    expect(issues({ outcome: 'short', receivedQuantity: 1, note: '   ' })).toEqual(['noteRequired']);
    expect(issues({ outcome: 'damaged', note: '' })).toEqual(['noteRequired']);
    expect(issues({ outcome: 'wrong_item' })).not.toEqual([]);
    expect(issues({ outcome: 'damaged', note: 'x'.repeat(501) })).toEqual(['noteTooLong']);
    expect(receiptSchema.parse({ outcome: 'damaged', note: '  box crushed, 1 cup cracked ' })).toEqual({ outcome: 'damaged', note: 'box crushed, 1 cup cracked' });
    expect(issues({ outcome: 'lost', note: 'x' })).not.toEqual([]);
  });

  it('keeps a short line between one piece and one fewer than ordered', () => {
    const short = (receivedQuantity: number) => receiptSchema.parse({ outcome: 'short', receivedQuantity, note: 'one missing' });
    expect(settleReceipt(short(2), 3)).toEqual({ receiptOutcome: 'short', receivedQuantity: 2, receiptNote: 'one missing' });
    expect(settleReceipt(short(1), 3).receivedQuantity).toBe(1);
    expect(() => settleReceipt(short(3), 3)).toThrow(AppError);
    expect(() => settleReceipt(short(4), 3)).toThrow(AppError);
    // Nothing received is no receipt (the line stays upstream), and a count is whole.
    expect(issues({ outcome: 'short', receivedQuantity: 0, note: 'none came' })).toEqual(['quantity']);
    expect(issues({ outcome: 'short', receivedQuantity: 1.5, note: 'half' })).toEqual(['quantity']);
    expect(issues({ outcome: 'short', note: 'how many?' })).not.toEqual([]);
  });

  it('counts a damaged or wrong line as all its pieces unless told, never more than ordered', () => {
    expect(settleReceipt(receiptSchema.parse({ outcome: 'wrong_item', note: 'red instead of blue' }), 2)).toEqual({ receiptOutcome: 'wrong_item', receivedQuantity: 2, receiptNote: 'red instead of blue' });
    expect(settleReceipt(receiptSchema.parse({ outcome: 'damaged', receivedQuantity: 2, note: 'scratched' }), 2).receivedQuantity).toBe(2);
    expect(() => settleReceipt(receiptSchema.parse({ outcome: 'damaged', receivedQuantity: 3, note: 'scratched' }), 2)).toThrow(/more than ordered/);
  });
});
