import type { Env } from '@/lib/env';
import type { PricingSettings } from './pricing';

export function checkoutSettings(env: Env): PricingSettings {
  return { serviceFeePercent: env.SERVICE_FEE_PERCENT, serviceFeeMinCny: env.SERVICE_FEE_MIN_CNY, codFeeCny: env.COD_FEE_CNY };
}

export function codCountries(env: Env): string[] {
  return env.COD_COUNTRIES.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
}

export function isCodAvailable(env: Env, country: string): boolean {
  return codCountries(env).includes(country.toUpperCase());
}
