import 'server-only';
import { and, eq, gte, sql } from 'drizzle-orm';
import { walletBalances, walletEntries, type WalletEntryKind } from '@/db/schema/wallet';
import type { Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';

export type WalletMovement = {
  userId: number;
  currency: string;
  /** Positive minor units; the kind says which way it goes. */
  amountMinor: number;
  /** What caused it, unique per kind: the same source never moves the balance twice. */
  source: string;
  note?: string | null;
  actor: Actor;
};

function entryRow(kind: WalletEntryKind, movement: WalletMovement, signedMinor: number) {
  if (!Number.isSafeInteger(movement.amountMinor) || movement.amountMinor <= 0) throw new RangeError(`wallet ${kind}: amount must be a positive integer, got ${movement.amountMinor}`);
  return {
    userId: movement.userId,
    currency: movement.currency,
    amountMinor: signedMinor,
    kind,
    source: movement.source,
    note: movement.note ?? null,
    actorType: movement.actor.type,
    actorId: movement.actor.id === undefined || movement.actor.id === null ? null : String(movement.actor.id),
    actorLabel: movement.actor.label ?? null,
  };
}

/**
 * Adds money to a balance (a top-up, a refund to the wallet, a positive adjustment), inside the
 * caller's transaction: the entry, then the cached balance. False when this kind and source is
 * already in the ledger (a replay): nothing changes. INSERT IGNORE keeps the transaction alive.
 */
export async function creditWallet(tx: Executor, kind: Exclude<WalletEntryKind, 'spend'>, movement: WalletMovement): Promise<boolean> {
  const [inserted] = await tx.insert(walletEntries).ignore().values(entryRow(kind, movement, movement.amountMinor));
  if (inserted.affectedRows !== 1) return false;
  await tx
    .insert(walletBalances)
    .values({ userId: movement.userId, currency: movement.currency, balanceMinor: movement.amountMinor, updatedAt: new Date() })
    .onDuplicateKeyUpdate({ set: { balanceMinor: sql`${walletBalances.balanceMinor} + ${movement.amountMinor}`, updatedAt: new Date() } });
  return true;
}

/**
 * Takes money from a balance (paying from the wallet, a negative adjustment), inside the caller's
 * transaction. The entry first (its unique source makes a second click wait for the first and then
 * find it: `duplicate`, nothing moves), then one guarded update — `balance >= amount` is evaluated on
 * the locked, latest row, so concurrent spends queue on it and none takes the balance below zero.
 * A balance that does not cover it throws `insufficient_funds`: the caller's transaction (and the
 * entry with it) rolls back.
 */
export async function debitWallet(tx: Executor, kind: 'spend' | 'adjustment', movement: WalletMovement): Promise<'debited' | 'duplicate'> {
  const [inserted] = await tx.insert(walletEntries).ignore().values(entryRow(kind, movement, -movement.amountMinor));
  if (inserted.affectedRows !== 1) return 'duplicate';
  const [updated] = await tx
    .update(walletBalances)
    .set({ balanceMinor: sql`${walletBalances.balanceMinor} - ${movement.amountMinor}`, updatedAt: new Date() })
    .where(and(eq(walletBalances.userId, movement.userId), eq(walletBalances.currency, movement.currency), gte(walletBalances.balanceMinor, movement.amountMinor)));
  if (updated.affectedRows !== 1) throw new AppError('insufficient_funds', 'Your balance does not cover this payment');
  return 'debited';
}

/**
 * The (user, currency) balance, its row locked for the rest of the caller's transaction (0 when the
 * shopper never held that currency): a spend waits for the caller, so what the caller then debits
 * up to this amount can never take the balance below zero.
 */
export async function lockedBalance(tx: Executor, userId: number, currency: string): Promise<number> {
  const [row] = await tx
    .select({ balanceMinor: walletBalances.balanceMinor })
    .from(walletBalances)
    .where(and(eq(walletBalances.userId, userId), eq(walletBalances.currency, currency)))
    .for('update');
  return row?.balanceMinor ?? 0;
}
