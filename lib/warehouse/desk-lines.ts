import { AppError } from '@/lib/errors';
import { parseDimsCm } from './dimensions';
import { receiptSchema } from './receipt-outcome';
import type { ItemReceipt } from './receive-items';

/** One line of the receiving desk's form as typed (every field text); `skip` is "not in this parcel". */
export type DeskLine = { itemId: number; outcome: 'complete' | 'short' | 'damaged' | 'wrong_item' | 'skip'; received: string; note: string; weight: string; dims: string; bin: string };

const bin = /^[A-Z0-9][A-Z0-9-]{0,15}$/;

/**
 * The desk's lines as receipts for receiveParcel, lines marked `skip` left out (they stay upstream).
 * Every mistake is found before anything is received and named by its field and line
 * (`note-<itemId>`: a message key), so the phone shows it beside the line it is about.
 */
export function toItemReceipts(lines: readonly DeskLine[]): ItemReceipt[] {
  const errors: Record<string, string> = {};
  const out: ItemReceipt[] = [];
  for (const line of lines) {
    if (line.outcome === 'skip') continue;
    const id = line.itemId;
    const received = line.received.trim();
    const receipt = receiptSchema.safeParse(
      line.outcome === 'complete'
        ? { outcome: 'complete' }
        : { outcome: line.outcome, note: line.note, ...(received === '' ? {} : { receivedQuantity: /^\d{1,6}$/.test(received) ? Number(received) : Number.NaN }) },
    );
    if (!receipt.success) {
      for (const issue of receipt.error.issues) {
        const field = issue.path[0] === 'note' ? 'note' : 'received';
        errors[`${field}-${id}`] ??= field === 'note' ? (issue.message === 'noteTooLong' ? 'noteTooLong' : 'noteRequired') : 'quantity';
      }
    }
    const weight = line.weight.trim();
    if (weight !== '' && (!/^\d{1,7}$/.test(weight) || Number(weight) < 1 || Number(weight) > 1_000_000)) errors[`weight-${id}`] = 'weight';
    const size = line.dims.trim() === '' ? undefined : parseDimsCm(line.dims);
    if (size === null) errors[`dims-${id}`] = 'dims';
    const shelf = line.bin.trim().toUpperCase();
    if (shelf !== '' && !bin.test(shelf)) errors[`bin-${id}`] = 'bin';
    if (receipt.success) out.push({ itemId: id, receipt: receipt.data, measurement: { ...(weight ? { weightGrams: Number(weight) } : {}), ...size }, ...(shelf ? { bin: shelf } : {}) });
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', 'Check the marked lines', { fieldErrors: errors });
  if (out.length === 0) throw new AppError('validation_failed', 'Receive at least one line, or scan the next parcel', { fieldErrors: { lines: 'noLine' } });
  return out;
}
