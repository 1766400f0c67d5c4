import 'server-only';
import { count, desc } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';

export type OutboxEntry = typeof emailOutbox.$inferSelect;
export type OutboxPage = { items: OutboxEntry[]; page: number; pageSize: number; total: number };

/**
 * Sent and stored mail for the admin, newest first. The caller checks `outbox:read`
 * (requirePermission) before calling: bodies hold names and order numbers. They never hold a
 * one-time link — sendEmail stores those redacted — so customer service may read them.
 */
export async function listOutbox(db: Database, { page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {}): Promise<OutboxPage> {
  const size = Math.min(Math.max(Math.trunc(pageSize) || 50, 1), 200);
  const current = Math.max(Math.trunc(page) || 1, 1);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(size)
      .offset((current - 1) * size),
    db.select({ n: count() }).from(emailOutbox),
  ]);
  return { items, page: current, pageSize: size, total: Number(totals[0]?.n ?? 0) };
}
