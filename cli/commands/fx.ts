import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { getFxProvider } from '@/lib/fx/provider';
import { refreshRates } from '@/lib/fx/refresh';
import type { Command } from './index';

export const fxRefresh: Command = {
  name: 'fx refresh',
  description: 'Fetch exchange rates from the configured provider (FX_PROVIDER) and store them',
  async run() {
    const env = getEnv();
    return refreshRates(databaseFor(env.DATABASE_URL), getFxProvider(env));
  },
};
