/**
 * FX rates: providers (ECB feed, bundled snapshot), USD pegs, re-basing on CNY. Pure modules only;
 * the database side (`getLatestRates`, `refreshRates`) is imported from
 * '@/lib/fx/store' and '@/lib/fx/refresh', which are server-only.
 */
export * from './types';
export * from './ecb';
export * from './pegs';
export * from './cross';
export * from './snapshot';
export * from './provider';
