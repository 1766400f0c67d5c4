import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { users } from '@/db/schema/accounts';
import { orderItems, orders } from '@/db/schema/orders';
import { sendEmail } from '@/lib/email/send-email';
import type { Subscriber } from '@/lib/events/subscriber';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { getSettings } from '@/lib/settings/read-settings';
import { formatStorageEnd } from '@/lib/warehouse/storage/format-storage-end';
import { STORAGE_REMINDER_FACT, type StorageReminderPayload } from '@/lib/warehouse/storage/queue-storage-reminders';
import { freeStorageEnd, isStored } from '@/lib/warehouse/storage/storage-clock';
import { storageReminderEmail } from './storage-reminder-email';

/**
 * Sends the storage reminder the warehouse job recorded (one per shopper and run, listing the items
 * it claimed), in the shopper's language, to their account's address. Once per fact: the outbox
 * row is keyed by the delivery (lib/email). Items that left the shelf since (packed, returned) are
 * left out; if none is left, nothing is sent.
 */
export const storageReminders: Subscriber = {
  name: 'storage-reminder-emails',
  types: [STORAGE_REMINDER_FACT],
  async handle(event, { db, deliveryKey }) {
    if (event.subjectType !== 'user') return;
    const payload = event.payload as StorageReminderPayload;
    const ids = (payload.items ?? []).map((i) => i.orderItemId);
    if (ids.length === 0) return;
    const [user] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, event.subjectId)).limit(1);
    if (!user) return;
    const rows = await db
      .select({ title: orderItems.title, quantity: orderItems.quantity, receivedAt: orderItems.receivedAt, status: orderItems.fulfilmentStatus, orderNumber: orders.number })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(inArray(orderItems.id, ids))
      .orderBy(asc(orderItems.receivedAt), asc(orderItems.id));
    const settings = await getSettings(db);
    const locale = isLocale(user.locale) ? user.locale : defaultLocale;
    const items = rows
      .filter((r) => r.receivedAt && isStored(r.status))
      .map((r) => ({ title: r.title, quantity: r.quantity, orderNumber: r.orderNumber, freeUntil: formatStorageEnd(freeStorageEnd(r.receivedAt!, settings['warehouse.freeStorageDays']), locale) }));
    if (items.length === 0) return;
    const content = storageReminderEmail(locale, { name: user.name, items, fee: formatStoredMoney(settings['warehouse.storageFeePerDayFen'], 'CNY', locale) });
    const sent = await sendEmail(db, { to: user.email, ...content, idempotencyKey: deliveryKey });
    if (sent.status === 'failed') throw new Error(`the mail server did not take the storage reminder of user ${event.subjectId} (outbox #${sent.id})`);
  },
};
