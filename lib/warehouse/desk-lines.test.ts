import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { toItemReceipts, type DeskLine } from './desk-lines';

const line = (itemId: number, fields: Partial<DeskLine> = {}): DeskLine => ({ itemId, outcome: 'complete', received: '', note: '', weight: '', dims: '', bin: '', ...fields });

function fieldErrors(lines: DeskLine[]): Record<string, string> {
  try {
    toItemReceipts(lines);
    return {};
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.details?.fieldErrors as Record<string, string>;
  }
}

describe('the receiving desk lines', () => {
  it('turns typed lines into receipts, leaving out lines not in this parcel', () => {
    expect(
      toItemReceipts([
        line(1, { weight: '480', dims: '30x20x5', bin: ' a-03-2 ' }),
        line(2, { outcome: 'short', received: '1', note: 'one missing' }),
        line(3, { outcome: 'skip', note: 'ignored' }),
        line(4, { outcome: 'wrong_item', note: 'red, not blue' }),
      ]),
    ).toEqual([
      { itemId: 1, receipt: { outcome: 'complete' }, measurement: { weightGrams: 480, lengthMm: 300, widthMm: 200, heightMm: 50 }, bin: 'A-03-2' },
      { itemId: 2, receipt: { outcome: 'short', receivedQuantity: 1, note: 'one missing' }, measurement: {} },
      { itemId: 4, receipt: { outcome: 'wrong_item', note: 'red, not blue' }, measurement: {} },
    ]);
  });

  it('names every mistake by its field and line before anything is received', () => {
    expect(
      fieldErrors([
        line(7, { outcome: 'damaged', note: '  ' }),
        line(8, { outcome: 'short', received: 'two', note: 'x' }),
        line(9, { outcome: 'short', note: 'how many?' }),
        line(10, { weight: '0', dims: '30x20', bin: 'shelf 3!' }),
      ]),
    ).toEqual({ 'note-7': 'noteRequired', 'received-8': 'quantity', 'received-9': 'quantity', 'weight-10': 'weight', 'dims-10': 'dims', 'bin-10': 'bin' });
    expect(fieldErrors([line(11, { outcome: 'damaged', note: 'x'.repeat(501) })])).toEqual({ 'note-11': 'noteTooLong' });
  });

  it('refuses a parcel with every line marked as not in it', () => {
    expect(fieldErrors([line(1, { outcome: 'skip' })])).toEqual({ lines: 'noLine' });
  });
});
