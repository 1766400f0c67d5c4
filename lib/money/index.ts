/**
 * Money & FX primitives, safe to import from client components: pure functions, no server-only
 * imports, no environment. Rates stay decimal strings; amounts are integer minor units.
 * The zod wire schemas are not re-exported here: import them from './schemas' (server and forms),
 * so that no client bundle pulls in zod through this index.
 */
export * from './currencies';
export * from './money';
export * from './convert';
export * from './format';
export * from './locale-currency';
