'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { packParcel } from '@/lib/parcels/pack-parcel';
import { parcelDispatchHooks } from '@/lib/parcels/dispatch-hooks';
import { dispatchParcel } from '@/lib/shipping-tracking/dispatch-parcel';
import { parcelMachine } from '@/lib/parcels/parcel-machine';

const whole = z.coerce.number().int();

/** The pack form: real weight and box; the settlement follows (top-up asked, refund to the wallet, or none). */
export const packParcelAction = action({
  name: 'parcel pack',
  input: z.object({ locale: z.enum(locales), number: z.string().min(1).max(20), weightGrams: whole.min(1).max(100_000), lengthCm: whole.min(1).max(300), widthCm: whole.min(1).max(300), heightCm: whole.min(1).max(300) }),
  auth: { permission: parcelMachine.find('paid', 'packed')!.permission! },
  run: ({ number, weightGrams, lengthCm, widthCm, heightCm }, { user }) =>
    packParcel(getDb(), { number, weightGrams, dims: { lengthCm, widthCm, heightCm }, actor: userActor(user), packedBy: user.id }).then((p) => ({ number: p.number, status: p.status })),
  revalidate: ({ locale }) => revalidatePath(adminPaths.parcels(locale)),
});

/** "Dispatch": a tracking number from the line's carrier, registered with the tracking service, the label stored; the parcel, its items and orders shipped. */
export const dispatchParcelAction = action({
  name: 'parcel dispatch',
  input: z.object({ locale: z.enum(locales), number: z.string().min(1).max(20) }),
  auth: { permission: parcelMachine.find('ready_to_dispatch', 'shipped')!.permission ?? parcelMachine.find('paid', 'packed')!.permission! },
  run: ({ number }, { user }) => dispatchParcel(getDb(), parcelDispatchHooks, number, userActor(user)),
  revalidate: ({ locale }) => revalidatePath(adminPaths.parcels(locale)),
});
