'use server';
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { adjustWallet } from '@/lib/wallet/adjust-wallet';
import { adjustmentInput } from '@/lib/wallet/adjustment-input';

/** An adjustment of a shopper's wallet by hand, with its reason (audited): finance and admin only. */
export const adjustWalletAction = action({
  name: 'wallet adjust',
  input: adjustmentInput,
  auth: { permission: 'wallet:adjust' },
  run: ({ userId, currency, amountMinor, reason, key }, { user }) => adjustWallet(getDb(), { userId, currency, amountMinor, reason, key }, userActor(user)),
  revalidate: ({ locale }) => revalidatePath(adminPaths.wallets(locale)),
  echo: ['amount', 'reason', 'currency', 'direction'],
});
