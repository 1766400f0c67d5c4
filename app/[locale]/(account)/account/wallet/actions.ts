'use server';
import { action } from '@/lib/actions';
import { accountPaths } from '@/lib/auth/paths';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { topupInput } from '@/lib/wallet/topup-input';
import { startWalletTopup } from '@/lib/payments/start-wallet-topup';

/** "Top up": a top-up of the typed amount, then the card gateway's pay page; the webhook credits the wallet. */
export const topUpWalletAction = action({
  name: 'wallet top-up',
  input: topupInput,
  auth: { user: true, signedOutRedirect: ({ locale }) => accountPaths.signIn(locale, accountPaths.wallet(locale)) },
  run: ({ locale, currency, amountMinor }, { user }) => {
    const env = getEnv();
    return startWalletTopup(getDb(), env, { userId: user.id, currency, amountMinor, returnUrl: `${env.SITE_URL.replace(/\/$/, '')}${accountPaths.wallet(locale)}` });
  },
  redirect: (_input, started) => started.redirectUrl,
  echo: ['amount', 'currency'],
});
