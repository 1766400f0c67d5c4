import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { packParcel } from '@/lib/parcels/pack-parcel';
import { addParcelPhotos } from '@/lib/parcels/parcel-photos';
import { parcelNumberPattern } from '@/lib/parcels/parcel-number';
import { packedView } from '@/lib/parcels/serialize';
import { usage } from '../errors';
import type { Command } from './index';
import { readPhotoFile } from './photo-file';

export const parcelPack: Command = {
  name: 'parcel pack',
  description:
    'Pack a paid parcel (or price a rehearsal that has its photos): --parcel <parcelNumber> --weight-grams G --dims LxWxH (whole cm); settles the difference with the estimate and prints {"parcelNumber","status","chargeableGrams","settlement":{"action","amount"}}',
  options: { parcel: { type: 'string' }, 'weight-grams': { type: 'string' }, dims: { type: 'string' } },
  async run(values) {
    const number = typeof values.parcel === 'string' ? values.parcel.trim().toUpperCase() : '';
    if (!parcelNumberPattern.test(number)) usage('parcel pack: --parcel <parcelNumber> must be a parcel number like P260101-ABCD2345');
    const weight = values['weight-grams'];
    if (typeof weight !== 'string' || !/^\d{1,6}$/.test(weight) || Number(weight) < 1 || Number(weight) > 100_000) usage('parcel pack: --weight-grams must be a whole number of grams from 1 to 100000');
    const dims = typeof values.dims === 'string' ? /^(\d{1,3})[x×*](\d{1,3})[x×*](\d{1,3})$/i.exec(values.dims.trim()) : null;
    const sides = dims ? [Number(dims[1]), Number(dims[2]), Number(dims[3])] : [];
    if (!dims || sides.some((side) => side < 1 || side > 300)) usage('parcel pack: --dims must be three whole sizes in centimetres from 1 to 300, like 40x30x20');
    const env = getEnv();
    const parcel = await packParcel(databaseFor(env.DATABASE_URL), {
      number,
      weightGrams: Number(weight),
      dims: { lengthCm: sides[0]!, widthCm: sides[1]!, heightCm: sides[2]! },
      actor: { type: 'cli', label: 'ferry parcel pack' },
    });
    return packedView(parcel);
  },
};

export const parcelPhoto: Command = {
  name: 'parcel photo',
  description: 'Add a photo of the packed parcel (a rehearsal needs one before it is priced): --parcel <parcelNumber> --file <image path>; prints {"parcelNumber","photos":<count>}',
  options: { parcel: { type: 'string' }, file: { type: 'string' } },
  async run(values) {
    const number = typeof values.parcel === 'string' ? values.parcel.trim().toUpperCase() : '';
    if (!parcelNumberPattern.test(number)) usage('parcel photo: --parcel <parcelNumber> must be a parcel number like P260101-ABCD2345');
    const bytes = await readPhotoFile('parcel photo', values.file);
    const env = getEnv();
    const added = await addParcelPhotos(databaseFor(env.DATABASE_URL), { number, files: [bytes], actor: { type: 'cli', label: 'ferry parcel photo' } });
    return { parcelNumber: added.parcelNumber, photos: added.photos };
  },
};
