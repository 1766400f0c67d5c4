import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { walletTopups } from '@/db/schema/wallet';
import type { Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { creditWallet } from './entries';

export type WalletTopup = typeof walletTopups.$inferSelect;

/** `WT` + 16 random base32-ish characters: unique across tenant databases sharing one gateway account. */
function topupReference(): string {
  return `WT${randomBytes(10).toString('hex').toUpperCase()}`;
}

/** A shopper's new top-up of `amountMinor` in `currency` through `gateway`, still to be paid. */
export async function openWalletTopup(db: Database, input: { userId: number; currency: string; amountMinor: number; gateway: string }): Promise<WalletTopup> {
  const reference = topupReference();
  const [inserted] = await db.insert(walletTopups).values({ ...input, reference, status: 'open' });
  const [row] = await db.select().from(walletTopups).where(eq(walletTopups.id, Number(inserted.insertId)));
  return row!;
}

/** Keeps the gateway's payment id on the top-up once (the first started payment is the one it pays with). */
export async function recordTopupPayment(db: Executor, topupId: number, paymentId: string): Promise<void> {
  await db.update(walletTopups).set({ gatewayPaymentId: paymentId }).where(and(eq(walletTopups.id, topupId), isNull(walletTopups.gatewayPaymentId)));
}

/** The top-up a payment names, locked for the rest of the caller's transaction; the reference must match too (ids repeat across tenant databases). */
export async function lockWalletTopup(tx: Executor, id: number, reference: string | undefined): Promise<WalletTopup | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || !reference) return null;
  const [row] = await tx
    .select()
    .from(walletTopups)
    .where(and(eq(walletTopups.id, id), eq(walletTopups.reference, reference)))
    .for('update');
  return row ?? null;
}

/**
 * The payment webhook's verdict on an open top-up: credited (one wallet entry, source = the payment
 * id, so a replay under any event id cannot credit twice) or flagged for finance with a reason and
 * not credited. A top-up no longer open is left as it is; returns whether this call credited.
 */
export async function settleWalletTopup(tx: Executor, topup: WalletTopup, input: { paymentId: string; flagReason: string | null; actor: Actor }): Promise<boolean> {
  if (topup.status !== 'open') return false;
  if (input.flagReason) {
    await tx.update(walletTopups).set({ status: 'flagged', flagReason: input.flagReason.slice(0, 255) }).where(and(eq(walletTopups.id, topup.id), eq(walletTopups.status, 'open')));
    return false;
  }
  const credited = await creditWallet(tx, 'topup', { userId: topup.userId, currency: topup.currency, amountMinor: topup.amountMinor, source: input.paymentId, note: topup.reference, actor: input.actor });
  await tx
    .update(walletTopups)
    .set({ status: 'credited', creditedAt: new Date(), gatewayPaymentId: input.paymentId })
    .where(and(eq(walletTopups.id, topup.id), eq(walletTopups.status, 'open')));
  return credited;
}

/** The shopper's recent top-ups (newest first), for the wallet page. */
export async function walletTopupsOf(db: Executor, userId: number, limit = 10): Promise<WalletTopup[]> {
  return db.select().from(walletTopups).where(eq(walletTopups.userId, userId)).orderBy(desc(walletTopups.id)).limit(limit);
}

/** One of the shopper's own top-ups by its reference (the gateway's return link names it), or null. */
export async function ownWalletTopup(db: Executor, userId: number, reference: string): Promise<WalletTopup | null> {
  const [row] = await db.select().from(walletTopups).where(and(eq(walletTopups.reference, reference), eq(walletTopups.userId, userId)));
  return row ?? null;
}
