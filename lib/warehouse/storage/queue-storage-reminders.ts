import 'server-only';
import { and, asc, eq, gt, inArray, isNotNull, like, lte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { itemNotices } from '@/db/schema/warehouse';
import { withDeadlockRetry } from '@/lib/db/lock-conflict';
import { recordFact } from '@/lib/events/record-fact';
import { getSettings } from '@/lib/settings/read-settings';
import { DAY_MS, freeStorageEnd, storedStatuses } from './storage-clock';
import { dueReminder, reminderKind, reminderThresholds, type ReminderKind } from './storage-reminders';

/** The fact a storage reminder is sent from (lib/notifications' storage-reminder subscriber). */
export const STORAGE_REMINDER_FACT = 'warehouse.storage_reminder';
export type StorageReminderPayload = { items: { orderItemId: number; kind: ReminderKind }[] };

const EARLIEST = Math.max(...reminderThresholds);

/**
 * The storage reminders job (every background tick): finds stored items of signed-up shoppers whose
 * free storage ends within 14 days, picks the one reminder due for each (dueReminder: the nearest
 * threshold reached, never a burst), and per shopper, in one transaction, claims each item's
 * `item_notices` row (INSERT IGNORE on (item, kind)) and records one `warehouse.storage_reminder`
 * fact listing the items it won. The unique row is the once: a second run, or a second server at
 * the same moment, loses every claim and records nothing (a losing INSERT waits for the winner's
 * commit, and finds its row). The email goes out from the fact, through the event relay.
 * Partner orders (no shopper account) get no email: the partner reads `storageUntil` in the API.
 */
export async function queueStorageReminders(db: Database, options: { now?: Date } = {}): Promise<{ shoppers: number; items: number }> {
  const now = options.now ?? new Date();
  const { 'warehouse.freeStorageDays': freeDays } = await getSettings(db);
  // Received so that the free period ends in (now, now + 14 days].
  const endsAfter = new Date(now.getTime() - freeDays * DAY_MS);
  const endsBy = new Date(endsAfter.getTime() + EARLIEST * DAY_MS);
  const candidates = await db
    .select({ id: orderItems.id, receivedAt: orderItems.receivedAt, userId: orders.userId })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        inArray(orderItems.fulfilmentStatus, [...storedStatuses]),
        gt(orderItems.receivedAt, endsAfter),
        lte(orderItems.receivedAt, endsBy),
        isNotNull(orders.userId),
      ),
    )
    .orderBy(asc(orderItems.id));
  if (candidates.length === 0) return { shoppers: 0, items: 0 };

  const sent = await db
    .select({ orderItemId: itemNotices.orderItemId, kind: itemNotices.kind })
    .from(itemNotices)
    .where(and(inArray(itemNotices.orderItemId, candidates.map((c) => c.id)), like(itemNotices.kind, 'storage\\_%')));
  const isSent = new Set(sent.map((s) => `${s.orderItemId}:${s.kind}`));

  const byShopper = new Map<number, { orderItemId: number; kind: ReminderKind }[]>();
  for (const item of candidates) {
    const due = dueReminder(freeStorageEnd(item.receivedAt!, freeDays), now);
    if (!due || isSent.has(`${item.id}:${reminderKind(due)}`)) continue;
    const list = byShopper.get(item.userId!) ?? [];
    list.push({ orderItemId: item.id, kind: reminderKind(due) });
    byShopper.set(item.userId!, list);
  }

  let shoppers = 0;
  let items = 0;
  for (const [userId, due] of byShopper) {
    const won = await claimStorageReminders(db, userId, due, now);
    if (won > 0) {
      shoppers += 1;
      items += won;
    }
  }
  return { shoppers, items };
}

/**
 * Claims one shopper's due reminders and records the fact for those won, in one transaction: the
 * `item_notices` row of each (item, kind) is inserted with INSERT IGNORE, and only the run whose
 * insert took the row tells the shopper. Returns how many it won (0: another run had them all).
 */
export async function claimStorageReminders(db: Database, userId: number, due: readonly { orderItemId: number; kind: ReminderKind }[], now: Date): Promise<number> {
  const sorted = [...due].sort((a, b) => a.orderItemId - b.orderItemId);
  return withDeadlockRetry(() =>
    db.transaction(async (tx) => {
      const claimed: StorageReminderPayload['items'] = [];
      // In item order, so two runs lock the same rows in the same order.
      for (const item of sorted) {
        const [result] = await tx.insert(itemNotices).ignore().values({ orderItemId: item.orderItemId, kind: item.kind, sentAt: now });
        if (result.affectedRows === 1) claimed.push(item);
      }
      if (claimed.length > 0) {
        const payload: StorageReminderPayload = { items: claimed };
        await recordFact(tx, { subjectType: 'user', subjectId: userId, orderId: null, type: STORAGE_REMINDER_FACT, payload });
      }
      return claimed.length;
    }),
  );
}
