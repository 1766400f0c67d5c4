import { z } from 'zod';
import type { ReceiptOutcome } from '@/db/schema/orders';
import { AppError } from '@/lib/errors';

/**
 * What receiving found for one line, as staff give it: all of it (`complete`), fewer pieces
 * (`short`, how many came), `damaged`, or not what was ordered (`wrong_item`). Anything but
 * `complete` needs a note saying what is missing, the damage, or what came instead: the shopper
 * and customer service read it. A line with nothing of it in the parcel is not a receipt at all:
 * it stays upstream, expected in a later parcel (sellers often split one order over several), so
 * `short` means at least one piece arrived.
 */
const note = z.string().trim().min(1, 'noteRequired').max(500, 'noteTooLong');
const pieces = z.number().int('quantity').min(1, 'quantity');

export const receiptSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('complete') }).strict(),
  z.object({ outcome: z.literal('short'), receivedQuantity: pieces, note }).strict(),
  z.object({ outcome: z.literal('damaged'), receivedQuantity: pieces.optional(), note }).strict(),
  z.object({ outcome: z.literal('wrong_item'), receivedQuantity: pieces.optional(), note }).strict(),
]);

export type Receipt = z.infer<typeof receiptSchema>;

/** The columns a receipt writes on its item (and carries in `item.received`). */
export type SettledReceipt = { receiptOutcome: ReceiptOutcome; receivedQuantity: number; receiptNote: string | null };

/**
 * A parsed receipt against the line it is for: `short` is fewer pieces than ordered, no outcome
 * more than ordered; a damaged or wrong line without a count is all of its pieces.
 */
export function settleReceipt(receipt: Receipt, lineQuantity: number): SettledReceipt {
  if (receipt.outcome === 'complete') return { receiptOutcome: 'complete', receivedQuantity: lineQuantity, receiptNote: null };
  const received = receipt.receivedQuantity ?? lineQuantity;
  const isTooMany = received > lineQuantity;
  const isNotShort = receipt.outcome === 'short' && received >= lineQuantity;
  if (isTooMany || isNotShort) {
    throw new AppError('validation_failed', `Received ${received} of a line of ${lineQuantity}: ${isNotShort ? 'short means fewer than ordered' : 'more than ordered'}`, {
      fieldErrors: { receivedQuantity: 'quantity' },
    });
  }
  return { receiptOutcome: receipt.outcome, receivedQuantity: received, receiptNote: receipt.note };
}
