import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { sellers } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Subscriber } from '@/lib/events/subscriber';
import { getTranslationProvider, type TranslationProvider } from '@/lib/i18n/translate';
import { purchasableStatuses } from '@/lib/orders/transitions';
import { sellerNoteSchema } from './seller-note';

/**
 * A shopper's note to the buyer ("no logo", "check the stitching") is read by a purchaser before the
 * line is bought. A paid line with a note waits in `review` (lib/orders sets it on payment); a
 * machine draft of the note in Chinese is made once, on payment, by the `buyer-note-drafts`
 * subscriber; the purchaser reads the shopper's own words beside it, writes what the seller should
 * read, and releases the line to the queue. Only that Chinese text travels upstream, as the
 * order's buyer message (process-purchase-order).
 */

export type NoteToReview = {
  itemId: number;
  orderNumber: string;
  locale: string;
  paidAt: Date | string | null;
  sellerName: string;
  title: string;
  attributes: { name: string; value: string }[];
  quantity: number;
  remark: string;
  machineDraft: string | null;
};

const NOTES_LIMIT = 100;

/** The board's "Notes to read": lines waiting for a purchaser, oldest payment first. */
export async function listNotesToReview(db: Database): Promise<NoteToReview[]> {
  const rows = await db
    .select({
      itemId: orderItems.id,
      orderNumber: orders.number,
      locale: orders.locale,
      paidAt: orders.paidAt,
      confirmedAt: orders.confirmedAt,
      sellerName: sellers.name,
      title: orderItems.title,
      attributes: orderItems.attributes,
      quantity: orderItems.quantity,
      remark: orderItems.remark,
      machineDraft: orderItems.remarkMachineZh,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(sellers, eq(sellers.id, orderItems.sellerId))
    .where(and(eq(orderItems.purchaseStatus, 'review'), inArray(orders.status, purchasableStatuses)))
    .orderBy(asc(orderItems.id))
    .limit(NOTES_LIMIT);
  return rows.map(({ confirmedAt, ...row }) => ({ ...row, paidAt: row.paidAt ?? confirmedAt, remark: row.remark ?? '' }));
}

/**
 * "Release to buying": the line's note is read, `sellerNote` (Chinese, or empty when the seller need
 * read nothing) is what goes upstream, and the line joins the queue. A compare-and-set on `review`:
 * a second click, or a line cancelled meanwhile, changes nothing and says so.
 */
export async function releaseBuyerNote(db: Database, input: { itemId: number; sellerNote: string }, actor: Actor): Promise<{ itemId: number; orderNumber: string }> {
  const sellerNote = sellerNoteSchema.parse(input.sellerNote);
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select({ status: orderItems.purchaseStatus, orderStatus: orders.status, orderNumber: orders.number, remark: orderItems.remark })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(eq(orderItems.id, input.itemId))
      .for('update');
    if (!line) throw new AppError('not_found', 'No such order line');
    if (line.status !== 'review' || !(purchasableStatuses as readonly string[]).includes(line.orderStatus)) {
      throw new AppError('invalid_transition', 'This line is no longer waiting for its note to be read (released, bought or cancelled meanwhile); reload the board');
    }
    const reviewedBy = actor.type === 'user' && typeof actor.id === 'number' ? actor.id : null;
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'queued', remarkZh: sellerNote, remarkReviewedBy: reviewedBy, remarkReviewedAt: new Date() })
      .where(and(eq(orderItems.id, input.itemId), eq(orderItems.purchaseStatus, 'review')));
    await recordAudit(tx, actor, 'purchasing.note_released', { type: 'order_item', id: input.itemId }, { orderNumber: line.orderNumber, remark: line.remark, sellerNote });
    return { itemId: input.itemId, orderNumber: line.orderNumber };
  });
}

/**
 * Drafts each note of a newly paid (or confirmed) order in Chinese with the configured translation
 * provider, once: a draft already made is kept. A provider that cannot translate the order's
 * language leaves no draft (the purchaser translates); one that fails is retried by the relay.
 */
export function buyerNoteDrafts(provider?: () => TranslationProvider): Subscriber {
  return {
    name: 'buyer-note-drafts',
    types: ['order.paid', 'order.cod_confirmed'],
    async handle(event, { db }) {
      if (event.orderId === null) return;
      const lines = await db
        .select({ id: orderItems.id, remark: orderItems.remark, locale: orders.locale })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(and(eq(orderItems.orderId, event.orderId), eq(orderItems.purchaseStatus, 'review'), isNull(orderItems.remarkMachineZh)));
      const notes = lines.filter((l) => l.remark?.trim());
      if (notes.length === 0) return;
      const texts = notes.map((l) => l.remark!.trim());
      const locale = notes[0]!.locale;
      // A note written in Chinese is its own draft.
      const drafts = /^zh/i.test(locale) ? texts : await (provider ?? (() => getTranslationProvider(getEnv())))().translate(texts, locale, 'zh-CN', 'text');
      if (!drafts) return;
      for (const [i, line] of notes.entries()) {
        const draft = drafts[i]?.trim();
        if (!draft) continue;
        await db
          .update(orderItems)
          .set({ remarkMachineZh: draft.slice(0, 1000) })
          .where(and(eq(orderItems.id, line.id), isNull(orderItems.remarkMachineZh)));
      }
    },
  };
}
