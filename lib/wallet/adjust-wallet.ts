import 'server-only';
import type { Database } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { adjustmentReasonSchema } from './adjust-wallet-reason';
import { creditWallet, debitWallet } from './entries';
import { walletBalanceIn } from './queries';

export type WalletAdjustment = {
  userId: number;
  currency: string;
  /** Minor units; positive credits the shopper, negative takes money back (never below zero). */
  amountMinor: number;
  reason: string;
  /** One per submitted form: a double submit or a retried request adjusts once. */
  key: string;
};

/**
 * A manual adjustment by finance or an admin (the caller checks `wallet:adjust`): one ledger entry
 * of kind `adjustment` with the reason as its note, and an audit record, in one transaction. Returns
 * the balance afterwards and whether this call made the change (false: the same key was applied).
 */
export async function adjustWallet(db: Database, input: WalletAdjustment, actor: Actor): Promise<{ isNew: boolean; balanceMinor: number }> {
  const reason = adjustmentReasonSchema.safeParse(input.reason);
  if (!reason.success) throw new AppError('validation_failed', 'An adjustment needs a reason', { fieldErrors: { reason: reason.error.issues[0]!.message } });
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor === 0) throw new AppError('validation_failed', 'An adjustment moves some money', { fieldErrors: { amount: 'amountNotPositive' } });
  if (actor.type !== 'user') throw new AppError('forbidden', 'Only a person may adjust a wallet');
  return db.transaction(async (tx) => {
    const movement = { userId: input.userId, currency: input.currency, amountMinor: Math.abs(input.amountMinor), source: `adjustment:${input.key}`, note: reason.data, actor };
    const isNew = input.amountMinor > 0 ? await creditWallet(tx, 'adjustment', movement) : (await debitWallet(tx, 'adjustment', movement)) === 'debited';
    if (isNew) {
      await recordAudit(tx, actor, 'wallet.adjusted', { type: 'user', id: input.userId }, { currency: input.currency, amountMinor: input.amountMinor, reason: reason.data, key: input.key });
    }
    return { isNew, balanceMinor: await walletBalanceIn(tx, input.userId, input.currency) };
  });
}
