import 'server-only';
import type { Subscriber } from '@/lib/events/subscriber';
import { parcelDeliveries } from '@/lib/parcels/deliveries';
import { qcEmails } from '@/lib/notifications/qc-emails';
import { shopperEmails } from '@/lib/notifications/shopper-emails';
import { walletPartReturns } from '@/lib/payments/return-wallet-part';
import { storageReminders } from '@/lib/notifications/storage-reminders';
import { parcelEmails, trackingEmails } from '@/lib/notifications/tracking-emails';
import { buyerNoteDrafts } from '@/lib/purchasing/buyer-notes';
import { warehouseArrivals } from '@/lib/warehouse/derive-order-status';
import { inboundParcels } from '@/lib/warehouse/expect-inbound-parcels';
import { productPhotoRefresh } from '@/lib/warehouse/photos/refresh-product-photos';

/**
 * The registry of event subscribers (lib/events): a module that reacts to another's changes is
 * added here, not as a branch inside the other module. Names are stored with every delivery:
 * renaming one orphans its pending deliveries (they die with "no subscriber named …").
 */
export const eventSubscribers: readonly Subscriber[] = [shopperEmails, qcEmails, buyerNoteDrafts(), inboundParcels, warehouseArrivals, productPhotoRefresh(), storageReminders, walletPartReturns, trackingEmails, parcelEmails, parcelDeliveries];

const names = eventSubscribers.map((s) => s.name);
if (new Set(names).size !== names.length) throw new Error(`Two event subscribers share a name: ${names.join(', ')}`);
