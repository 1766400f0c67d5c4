import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { walletBalancesOf, walletOwnerByEmail } from '@/lib/wallet/queries';
import { CliError, usage } from '../errors';
import type { Command } from './index';

export const walletShow: Command = {
  name: 'wallet show',
  description: 'A shopper\'s wallet balances: --email; prints {"balances":[{"currency","amountMinor"}]}',
  options: { email: { type: 'string' } },
  async run(values) {
    const email = typeof values.email === 'string' ? values.email.trim() : '';
    if (!email) usage('wallet show: --email <email> is required');
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) usage(`wallet show: --email must be an email address, got "${email}"`);
    const db = databaseFor(getEnv().DATABASE_URL);
    const owner = await walletOwnerByEmail(db, email);
    if (!owner) throw new CliError(`wallet show: no account with email ${email.toLowerCase()}`);
    const balances = await walletBalancesOf(db, owner.id);
    return { balances: balances.map((b) => ({ currency: b.currency, amountMinor: b.amountMinor })) };
  },
};
