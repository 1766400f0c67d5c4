import { SupplierError } from '../types';

/** 1688 offer ids are decimal Longs; anything else never reaches the gateway. */
export function checkOfferId(id: string): string {
  if (!/^\d{5,20}$/.test(id)) throw new SupplierError('invalid', `not a 1688 offer id: ${JSON.stringify(id)}`);
  return id;
}

/**
 * A JSON array of Longs written as bare numbers from their decimal text, so ids of any length
 * stay exact (JSON.stringify of Number(id) would round anything past 2^53).
 */
export const longArrayJson = (ids: readonly string[]): string => `[${ids.map(checkOfferId).join(',')}]`;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
