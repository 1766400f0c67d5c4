import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { orderItems, orders } from '@/db/schema/orders';
import { paymentLedger } from '@/db/schema/payments';
import { describeSkuLines } from '@/lib/catalog/queries/sku-display';
import { specValues } from '@/lib/catalog/spec-names';
import { sendEmail } from '@/lib/email/send-email';
import type { EmailContent } from '@/lib/email/compose';
import type { RelayedEvent, Subscriber } from '@/lib/events/subscriber';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { priceDifferenceEmail } from '@/lib/purchasing/price-difference-email';
import {
  orderCancelledEmail,
  orderConfirmationEmail,
  orderPartiallyRefundedEmail,
  orderPurchasedEmail,
  orderRefundedEmail,
  paymentReceivedEmail,
  type OrderEmailLine,
} from './order-emails';

type OrderForEmail = {
  number: string;
  email: string | null;
  locale: string;
  name: string | null;
  chargeMinor: number;
  chargeCurrency: string;
  gateway: string;
};

/**
 * The shopper's emails about their order, each in the language the order was placed in: placed,
 * payment received, bought from the sellers, a price rise to decide on, refunded (whole or in
 * part), cancelled. Each is sent once per event: its outbox row is keyed by the delivery, so a
 * retried delivery finds the first attempt's row (lib/email). Orders without an address (partner
 * orders) get none; a mail server that refuses the message fails the delivery, which the relay
 * retries with backoff.
 */
export const shopperEmails: Subscriber = {
  name: 'shopper-emails',
  types: ['order.created', 'order.paid', 'order.purchased', 'order.price_difference', 'order.refunded', 'order.partially_refunded', 'order.refund_issued', 'order.cancelled'],
  async handle(event, { db, deliveryKey }) {
    if (event.orderId === null) return;
    const [order] = await db
      .select({
        number: orders.number,
        email: orders.email,
        locale: orders.locale,
        name: users.name,
        chargeMinor: orders.chargeMinor,
        chargeCurrency: orders.chargeCurrency,
        gateway: orders.gateway,
      })
      .from(orders)
      .leftJoin(users, eq(users.id, orders.userId))
      .where(eq(orders.id, event.orderId))
      .limit(1);
    if (!order?.email) return;
    const content = await render(db, event, event.orderId, order);
    if (!content) return;
    const sent = await sendEmail(db, { to: order.email, ...content, idempotencyKey: deliveryKey });
    if (sent.status === 'failed') throw new Error(`the mail server did not take the ${content.template} email of ${order.number} (outbox #${sent.id})`);
  },
};

async function render(db: Database, event: RelayedEvent, orderId: number, order: OrderForEmail): Promise<EmailContent | null> {
  const locale = isLocale(order.locale) ? order.locale : defaultLocale;
  const facts = { name: order.name, orderNumber: order.number };
  const money = (minor: number, currency = order.chargeCurrency) => formatStoredMoney(minor, currency, locale);
  const payload = event.payload;
  switch (event.type) {
    case 'order.created':
      return orderConfirmationEmail(locale, { ...facts, total: money(order.chargeMinor), lines: await orderLines(db, orderId, locale) });
    case 'order.paid':
      return paymentReceivedEmail(locale, { ...facts, amount: money(order.chargeMinor) });
    case 'order.purchased':
      return orderPurchasedEmail(locale, facts);
    case 'order.price_difference':
      return priceDifferenceEmail(locale, { orderNumber: order.number, chargeMinor: Number(payload.chargeMinor), chargeCurrency: String(payload.chargeCurrency) });
    case 'order.partially_refunded':
    case 'order.refund_issued':
      return orderPartiallyRefundedEmail(locale, { ...facts, amount: money(Number(payload.amountMinor), String(payload.currency)) });
    case 'order.refunded': {
      // A whole refund returns everything the shopper paid: the order and any price differences.
      const paid = await paidTotal(db, orderId, order.chargeCurrency);
      return paid > 0 ? orderRefundedEmail(locale, { ...facts, amount: money(paid) }) : null;
    }
    case 'order.cancelled': {
      const actor = payload.actor as { type?: unknown } | undefined;
      return orderCancelledEmail(locale, { ...facts, expired: actor?.type === 'system' });
    }
    default:
      return null;
  }
}

/** The order's lines with each SKU's options in the order's language. */
async function orderLines(db: Database, orderId: number, locale: string): Promise<OrderEmailLine[]> {
  const rows = await db
    .select({ skuId: orderItems.skuId, productId: orderItems.productId, title: orderItems.title, attributes: orderItems.attributes, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.id));
  const shown = await describeSkuLines(db, rows, locale);
  return rows.map((row, index) => ({ title: row.title, options: specValues(shown[index]!.attributes), quantity: row.quantity }));
}

async function paidTotal(db: Database, orderId: number, currency: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | null>`sum(${paymentLedger.amountMinor})` })
    .from(paymentLedger)
    .where(and(eq(paymentLedger.orderId, orderId), eq(paymentLedger.kind, 'charge'), eq(paymentLedger.status, 'recorded'), eq(paymentLedger.currency, currency)));
  return Number(row?.total ?? 0);
}
