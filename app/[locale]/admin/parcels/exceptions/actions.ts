'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { markShipmentProblemHandled } from '@/lib/shipping-tracking/shipment-problems';

/** "Mark handled" on the exceptions tab: the carrier's problem the page showed, with a note (audited). */
export const handleParcelExceptionAction = action({
  name: 'parcel exception handled',
  input: z.object({ locale: z.enum(locales), number: z.string().min(5).max(50), seenEventAt: z.iso.datetime(), note: z.string().max(2000) }),
  auth: { permission: 'parcels:exceptions' },
  run: ({ number, seenEventAt, note }, { user }) => markShipmentProblemHandled(getDb(), { number, seenEventAt: new Date(seenEventAt), note, actor: userActor(user) }),
  revalidate: ({ locale }) => revalidatePath(adminPaths.parcels(locale)),
});
