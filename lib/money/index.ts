/**
 * Money & FX primitives, safe to import from client components: pure functions, no server-only
 * imports, no environment. Rates stay decimal strings; amounts are integer minor units.
 */
export * from './currencies';
export * from './money';
export * from './convert';
export * from './format';
export * from './locale-currency';
