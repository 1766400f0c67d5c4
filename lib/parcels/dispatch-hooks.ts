import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { orderItems } from '@/db/schema/orders';
import { parcelItems, parcels } from '@/db/schema/parcels';
import { shippingLines } from '@/db/schema/shipping';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings/read-settings';
import type { Settings } from '@/lib/settings/definitions';
import type { CarrierId } from '@/lib/shipping-tracking/carriers';
import type { ParcelDispatchHooks, ParcelForDispatch } from '@/lib/shipping-tracking/dispatch-parcel';
import { markParcelDispatched } from './dispatch';
import { countParcelPhotos } from './parcel-photos';

/** Customs forms: CN22 up to about 300 SDR of contents, CN23 above (in CNY, on the safe side). */
const CN23_FROM_CNY_MINOR = 200_000;

/** The tracking carrier of a line: the postal lines go by China Post's numbers, the others by YunExpress's. */
export function trackingCarrierOf(line: { code: string; carrier: string }): CarrierId {
  return /ems|post|sea/i.test(`${line.code} ${line.carrier}`) ? 'china-post' : 'yunexpress';
}

/** The label's FROM block: the agent's sender settings, with the parcel's number as the sender's reference. */
export function labelSender(settings: Settings, parcelNumber: string) {
  const lines = [
    settings['label.senderLine1'],
    settings['label.senderLine2'],
    [settings['label.senderPostcode'], settings['label.senderCity']].filter(Boolean).join(' '),
    settings['label.senderPhone'] && `Tel ${settings['label.senderPhone']}`,
  ].filter(Boolean);
  return { name: settings['label.senderName'], lines: [...lines, `Ref ${parcelNumber}`], country: settings['label.senderCountry'] };
}

/** The parcel as dispatch needs it: destination, carrier, who to tell, and the label's contents (receiver and customs lines). */
async function findParcel(db: Database, parcelNumber: string): Promise<ParcelForDispatch | null> {
  const [row] = await db
    .select({ parcel: parcels, line: { code: shippingLines.code, carrier: shippingLines.carrier }, email: users.email, locale: users.locale })
    .from(parcels)
    .innerJoin(shippingLines, eq(shippingLines.id, parcels.lineId))
    .leftJoin(users, eq(users.id, parcels.userId))
    .where(eq(parcels.number, parcelNumber))
    .limit(1);
  if (!row) return null;
  if (row.parcel.status !== 'ready_to_dispatch') throw new AppError('invalid_transition', `Parcel ${parcelNumber} is ${row.parcel.status}, not ready to dispatch`);
  // Photos the shopper paid for cannot be taken once the parcel has left.
  if (row.parcel.services.includes('packed_photos') && (await countParcelPhotos(db, row.parcel.id)) === 0) {
    throw new AppError('conflict', `Parcel ${parcelNumber}: the shopper paid for photos of the packed parcel; take them before it leaves`, { reason: 'photos_required' });
  }
  const items = await db
    .select({ title: orderItems.title, quantity: orderItems.quantity, weightGrams: orderItems.weightGrams, declared: parcelItems.declaredValueCnyMinor })
    .from(parcelItems)
    .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
    .where(eq(parcelItems.parcelId, row.parcel.id));
  const address = row.parcel.shippingAddress;
  const declared = items.reduce((sum, item) => sum + item.declared, 0);
  return {
    parcelId: row.parcel.id,
    parcelNumber: row.parcel.number,
    country: address.country,
    carrier: trackingCarrierOf(row.line),
    notifyEmail: row.email ?? null,
    locale: row.locale ?? 'en',
    label: {
      sender: labelSender(await getSettings(db), row.parcel.number),
      receiver: {
        name: address.name.slice(0, 80),
        lines: [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.phone].filter((part): part is string => Boolean(part)).map((part) => part.slice(0, 80)).slice(0, 5),
        country: address.country,
      },
      customs: {
        form: declared > CN23_FROM_CNY_MINOR ? 'CN23' : 'CN22',
        category: 'merchandise',
        currency: 'CNY',
        items: items.slice(0, 12).map((item) => ({
          description: item.title.slice(0, 60) || 'Merchandise',
          quantity: item.quantity,
          value: (item.declared / 100).toFixed(2),
          weightGrams: Math.max(1, item.weightGrams ?? 1),
          originCountry: 'CN',
        })),
      },
    },
  };
}

/** What dispatch (lib/shipping-tracking) calls: find the parcel, and move it to shipped inside the shipment's transaction. */
export const parcelDispatchHooks: ParcelDispatchHooks = {
  findParcel,
  async markParcelDispatched(tx, input) {
    // Not ready any more (dispatched by another click): the shipment's transaction rolls back with it.
    if (!(await markParcelDispatched(tx, input))) throw new AppError('invalid_transition', 'This parcel is not ready to dispatch any more');
    return { status: 'shipped' };
  },
};
