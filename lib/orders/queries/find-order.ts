import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import type { GatewayName, OrderSummary } from '@/lib/orders/types';
import { normalizeRate } from '@/lib/money/convert';

const summary = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  chargeCurrency: orders.chargeCurrency,
  chargeMinor: orders.chargeMinor,
  chargeRate: orders.chargeRate,
  totalCnyMinor: orders.totalCnyMinor,
  breakdownCny: orders.breakdownCny,
  gateway: orders.gateway,
  payToken: orders.payToken,
  createdAt: orders.createdAt,
};

function toSummary(row: typeof orders.$inferSelect | Record<keyof typeof summary, unknown>): OrderSummary {
  const r = row as OrderSummary & { chargeRate: string };
  return { ...r, chargeRate: normalizeRate(r.chargeRate), gateway: r.gateway as GatewayName };
}

export async function findOrderByToken(db: Database, token: string): Promise<OrderSummary | null> {
  const [row] = await db.select(summary).from(orders).where(eq(orders.checkoutToken, token));
  return row ? toSummary(row) : null;
}

export async function findOrderByNumber(db: Database, number: string): Promise<OrderSummary | null> {
  const [row] = await db.select(summary).from(orders).where(eq(orders.number, number));
  return row ? toSummary(row) : null;
}
