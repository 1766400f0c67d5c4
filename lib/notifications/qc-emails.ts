import 'server-only';
import { createTranslator } from 'next-intl';
import { and, eq } from 'drizzle-orm';
import ar from '@/messages/warehouse/ar.json';
import de from '@/messages/warehouse/de.json';
import en from '@/messages/warehouse/en.json';
import es from '@/messages/warehouse/es.json';
import fr from '@/messages/warehouse/fr.json';
import ja from '@/messages/warehouse/ja.json';
import ko from '@/messages/warehouse/ko.json';
import pt from '@/messages/warehouse/pt.json';
import ru from '@/messages/warehouse/ru.json';
import zhCN from '@/messages/warehouse/zh-CN.json';
import { users } from '@/db/schema/accounts';
import { orderItems, orders } from '@/db/schema/orders';
import { itemNotices } from '@/db/schema/warehouse';
import type { EmailContent } from '@/lib/email/compose';
import { sendEmail } from '@/lib/email/send-email';
import type { Subscriber } from '@/lib/events/subscriber';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { formatInstant } from '@/lib/orders/format-instant';
import { orderPaths } from '@/lib/orders/paths';
import { absoluteUrl } from '@/lib/site-url';
import { QC_WARNING_NOTICE } from '@/lib/warehouse/decisions/grant-more-photos';
import { autoAcceptAt } from '@/lib/warehouse/decisions/qc-window';
import { qcWindowSettings } from '@/lib/warehouse/decisions/auto-accept-items';

const catalogues: Record<Locale, typeof en> = { en, 'zh-CN': zhCN, es, fr, de, ja, ko, ar, ru, pt };

type QcEmailFacts = { name: string | null; orderNumber: string; title: string; deadline: Date };

/** "The photos of … are ready" (`ready`) or "… will be accepted for you on …" (`warning`), in the order's language. */
export function qcEmail(orderLocale: string, kind: 'ready' | 'warning', facts: QcEmailFacts): EmailContent {
  const locale = isLocale(orderLocale) ? orderLocale : defaultLocale;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'qcEmails' });
  const values = { orderNumber: facts.orderNumber, title: facts.title, deadline: formatInstant(facts.deadline, locale) };
  const greeting = facts.name ? t('greeting', { name: facts.name }) : t('greetingNoName');
  const body = kind === 'ready' ? [t('readyIntro', values), t('readyChoices'), t('readyDeadline', values)] : [t('warningIntro', values), t('warningChoices')];
  const text = [greeting, ...body, t('link', { link: absoluteUrl(orderPaths.order(locale, facts.orderNumber)) }), t('signature')].join('\n\n');
  return { template: kind === 'ready' ? 'qc-photos-ready' : 'qc-auto-accept-warning', subject: t(kind === 'ready' ? 'readySubject' : 'warningSubject', values), text: `${text}\n` };
}

/**
 * The shopper's emails about QC: the photos of an item are ready to review (on the photo
 * pipeline's `item.photographed` once the item's window is open — later photos of the same window
 * send nothing: the outbox key names the window), and the decision window is about to close (the
 * job's `item.qc_warning`). Partner orders (no email address) get none.
 */
export const qcEmails: Subscriber = {
  name: 'qc-emails',
  types: ['item.photographed', 'item.qc_warning'],
  async handle(event, { db, deliveryKey }) {
    if (event.subjectType !== 'order_item') return;
    // Only the upload that opened the window (the pipeline says so); later photos of it send nothing.
    if (event.type === 'item.photographed' && event.payload.ready !== true) return;
    const [row] = await db
      .select({
        itemId: orderItems.id,
        title: orderItems.title,
        status: orderItems.fulfilmentStatus,
        qcReadyAt: orderItems.qcReadyAt,
        number: orders.number,
        email: orders.email,
        locale: orders.locale,
        name: users.name,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .leftJoin(users, eq(users.id, orders.userId))
      .where(eq(orderItems.id, event.subjectId))
      .limit(1);
    if (!row?.email || row.status !== 'in_warehouse' || !row.qcReadyAt) return;
    const window = await qcWindowSettings(db);
    const facts = { name: row.name, orderNumber: row.number, title: row.title };
    let content: EmailContent;
    let idempotencyKey = deliveryKey;
    if (event.type === 'item.photographed') {
      const [notice] = await db.select({ sentAt: itemNotices.sentAt }).from(itemNotices).where(and(eq(itemNotices.orderItemId, row.itemId), eq(itemNotices.kind, QC_WARNING_NOTICE))).limit(1);
      content = qcEmail(row.locale, 'ready', { ...facts, deadline: autoAcceptAt(row.qcReadyAt, notice?.sentAt ?? null, window) });
      // One "ready" email per window, however many photos are added to it.
      idempotencyKey = `qc-ready:${row.itemId}:${Math.floor(row.qcReadyAt.getTime() / 1000)}`;
    } else {
      const acceptsAt = typeof event.payload.acceptsAt === 'string' ? new Date(event.payload.acceptsAt) : autoAcceptAt(row.qcReadyAt, event.createdAt, window);
      content = qcEmail(row.locale, 'warning', { ...facts, deadline: acceptsAt });
    }
    const sent = await sendEmail(db, { to: row.email, ...content, idempotencyKey });
    if (sent.status === 'failed') throw new Error(`the mail server did not take the ${content.template} email of ${row.number} (outbox #${sent.id})`);
  },
};
