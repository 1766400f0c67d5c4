import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { parseDimsCm } from '@/lib/warehouse/dimensions';
import { addItemPhotos } from '@/lib/warehouse/photos/add-item-photos';
import { receiptSchema } from '@/lib/warehouse/receipt-outcome';
import type { ItemReceipt, Measurement } from '@/lib/warehouse/receive-items';
import { receiveParcel } from '@/lib/warehouse/receive-parcel';
import { usage } from '../errors';
import type { Command } from './index';
import { readPhotoFile } from './photo-file';

export const warehouseReceive: Command = {
  name: 'warehouse receive',
  description:
    'Receive a domestic parcel by its tracking number: --tracking <no> [--weight-grams G] [--dims LxWxH (cm)]; prints {"matched":true,"items":[…]} or {"matched":false,"inboundId"}. ' +
    'Every line comes in complete, unless --item <itemId> names the one line received: [--outcome complete|short|damaged|wrong_item] [--received <pieces>] [--note <what was found>]',
  options: { tracking: { type: 'string' }, 'weight-grams': { type: 'string' }, dims: { type: 'string' }, item: { type: 'string' }, outcome: { type: 'string' }, received: { type: 'string' }, note: { type: 'string' } },
  async run(values) {
    const tracking = typeof values.tracking === 'string' ? values.tracking : '';
    if (!/^[A-Za-z0-9\s-]{6,60}$/.test(tracking)) usage('warehouse receive: --tracking <domestic tracking no> must be 6 to 40 letters and digits');
    const weight = values['weight-grams'];
    if (weight !== undefined && (typeof weight !== 'string' || !/^\d{1,7}$/.test(weight) || Number(weight) < 1 || Number(weight) > 1_000_000)) {
      usage('warehouse receive: --weight-grams must be a whole number of grams from 1 to 1000000');
    }
    const dims = values.dims === undefined ? undefined : typeof values.dims === 'string' ? parseDimsCm(values.dims) : null;
    if (dims === null) usage('warehouse receive: --dims must be three sizes in centimetres, like 30x20x5');
    const measurement = { ...(weight ? { weightGrams: Number(weight) } : {}), ...dims };
    const env = getEnv();
    return receiveParcel(
      databaseFor(env.DATABASE_URL),
      { trackingNumber: tracking, measurement, ...(values.item === undefined ? noLineFlags(values) : { lines: [oneLine(values, measurement)] }) },
      { type: 'cli', label: 'ferry warehouse receive' },
    );
  },
};

type Flags = Record<string, string | boolean | undefined | (string | boolean)[]>;

function noLineFlags(values: Flags): Record<string, never> {
  if (values.outcome !== undefined || values.received !== undefined || values.note !== undefined) usage('warehouse receive: --outcome, --received and --note describe one line: name it with --item <itemId>');
  return {};
}

/** `--item` with what was found: the only line this parcel brings in. */
function oneLine(values: Flags, measurement: Measurement): ItemReceipt {
  const itemId = typeof values.item === 'string' && /^\d{1,15}$/.test(values.item) ? Number(values.item) : null;
  if (!itemId) usage('warehouse receive: --item <itemId> must be an order item id');
  const received = values.received;
  if (received !== undefined && (typeof received !== 'string' || !/^\d{1,6}$/.test(received))) usage('warehouse receive: --received must be a whole number of pieces');
  const receipt = receiptSchema.safeParse({
    outcome: values.outcome ?? 'complete',
    ...(received === undefined ? {} : { receivedQuantity: Number(received) }),
    ...(values.note === undefined ? {} : { note: values.note }),
  });
  if (!receipt.success) usage('warehouse receive: --outcome is complete, short, damaged or wrong_item; anything but complete needs --note, short needs --received (at least 1, fewer than ordered)');
  return { itemId, receipt: receipt.data, measurement };
}

export const warehousePhoto: Command = {
  name: 'warehouse photo',
  description: 'Add a QC photo to an item in the warehouse: --item <itemId> --file <image path> [--note <measurement note>]; prints {"itemId","photos":<count>}',
  options: { item: { type: 'string' }, file: { type: 'string' }, note: { type: 'string' } },
  async run(values) {
    const item = typeof values.item === 'string' && /^\d{1,15}$/.test(values.item) ? Number(values.item) : null;
    if (!item) usage('warehouse photo: --item <itemId> must be an order item id');
    const note = values.note === undefined ? undefined : typeof values.note === 'string' ? values.note : '';
    const bytes = await readPhotoFile('warehouse photo', values.file);
    const env = getEnv();
    const added = await addItemPhotos(databaseFor(env.DATABASE_URL), { itemId: item, files: [bytes], note, actor: { type: 'cli', label: 'ferry warehouse photo' } });
    return { itemId: added.itemId, photos: added.photos };
  },
};
