import 'server-only';
import type { LedgerRates } from '@/lib/ledger/append-ledger';
import type { Executor } from '@/lib/db/executor';
import { getEnv } from '@/lib/env';
import { latestRate } from '@/lib/fx/store';
import { normalizeRate } from '@/lib/money/convert';

/**
 * The rates a parcel's ledger rows are converted at: its own pinned rate (1 CNY = rate currency) to
 * CNY, and the FX store's newest rate to the reporting currency (a parcel pins none for finance's).
 * Without a reporting rate the row still carries its CNY amount; only the reporting one is left out.
 */
export async function parcelLedgerRates(tx: Executor, parcel: { currency: string; rate: string }): Promise<LedgerRates> {
  const reporting = getEnv().REPORTING_CURRENCY;
  return { chargeCurrency: parcel.currency, chargeRate: normalizeRate(parcel.rate), baseCurrency: reporting, baseRate: await latestRate(tx, reporting) };
}
