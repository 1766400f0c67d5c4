import type { Env } from '@/lib/env';
import { ecbProvider } from './ecb';
import { snapshotProvider } from './snapshot';
import type { FxProvider } from './types';

/**
 * The configured rate source. `snapshot` (default) needs no network: the demo and tests price
 * the catalog from bundled rates. `ecb` downloads the daily reference rates from ECB_DAILY_URL.
 * Takes the settings rather than reading the environment, so it stays pure and testable.
 */
export function getFxProvider(env: Pick<Env, 'FX_PROVIDER' | 'ECB_DAILY_URL'>): FxProvider {
  switch (env.FX_PROVIDER) {
    case 'ecb':
      return ecbProvider(env.ECB_DAILY_URL);
    case 'snapshot':
      return snapshotProvider();
  }
}
