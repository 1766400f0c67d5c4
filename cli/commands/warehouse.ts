import { readFile, stat } from 'node:fs/promises';
import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { parseDimsCm } from '@/lib/warehouse/dimensions';
import { addItemPhotos } from '@/lib/warehouse/photos/add-item-photos';
import { MAX_PHOTO_BYTES } from '@/lib/warehouse/photos/process-photo';
import { receiveParcel } from '@/lib/warehouse/receive-parcel';
import { CliError, usage } from '../errors';
import type { Command } from './index';

export const warehouseReceive: Command = {
  name: 'warehouse receive',
  description: 'Receive a domestic parcel by its tracking number: --tracking <no> [--weight-grams G] [--dims LxWxH (cm)]; prints {"matched":true,"items":[…]} or {"matched":false,"inboundId"}',
  options: { tracking: { type: 'string' }, 'weight-grams': { type: 'string' }, dims: { type: 'string' } },
  async run(values) {
    const tracking = typeof values.tracking === 'string' ? values.tracking : '';
    if (!/^[A-Za-z0-9\s-]{6,60}$/.test(tracking)) usage('warehouse receive: --tracking <domestic tracking no> must be 6 to 40 letters and digits');
    const weight = values['weight-grams'];
    if (weight !== undefined && (typeof weight !== 'string' || !/^\d{1,7}$/.test(weight) || Number(weight) < 1 || Number(weight) > 1_000_000)) {
      usage('warehouse receive: --weight-grams must be a whole number of grams from 1 to 1000000');
    }
    const dims = values.dims === undefined ? undefined : typeof values.dims === 'string' ? parseDimsCm(values.dims) : null;
    if (dims === null) usage('warehouse receive: --dims must be three sizes in centimetres, like 30x20x5');
    const env = getEnv();
    return receiveParcel(
      databaseFor(env.DATABASE_URL),
      { trackingNumber: tracking, measurement: { ...(weight ? { weightGrams: Number(weight) } : {}), ...dims } },
      { type: 'cli', label: 'ferry warehouse receive' },
    );
  },
};

export const warehousePhoto: Command = {
  name: 'warehouse photo',
  description: 'Add a QC photo to an item in the warehouse: --item <itemId> --file <image path> [--note <measurement note>]; prints {"itemId","photos":<count>}',
  options: { item: { type: 'string' }, file: { type: 'string' }, note: { type: 'string' } },
  async run(values) {
    const item = typeof values.item === 'string' && /^\d{1,15}$/.test(values.item) ? Number(values.item) : null;
    if (!item) usage('warehouse photo: --item <itemId> must be an order item id');
    const file = typeof values.file === 'string' ? values.file : '';
    if (!file) usage('warehouse photo: --file <image path> is required');
    const note = values.note === undefined ? undefined : typeof values.note === 'string' ? values.note : '';
    let bytes: Buffer;
    try {
      const info = await stat(file);
      if (!info.isFile()) usage(`warehouse photo: ${file} is not a file`);
      if (info.size > MAX_PHOTO_BYTES) usage(`warehouse photo: ${file} is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
      bytes = await readFile(file);
    } catch (error) {
      if (error instanceof CliError) throw error;
      usage(`warehouse photo: cannot read ${file}`);
    }
    const env = getEnv();
    const added = await addItemPhotos(databaseFor(env.DATABASE_URL), { itemId: item, files: [bytes], note, actor: { type: 'cli', label: 'ferry warehouse photo' } });
    return { itemId: added.itemId, photos: added.photos };
  },
};
