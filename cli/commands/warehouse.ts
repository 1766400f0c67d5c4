import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { parseDimsCm } from '@/lib/warehouse/dimensions';
import { receiveParcel } from '@/lib/warehouse/receive-parcel';
import { usage } from '../errors';
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
