import { databaseFor } from '@/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { getEnv } from '@/lib/env';
import { setStock } from '@/lib/inventory/set-stock';
import { getRedis } from '@/lib/redis';
import { usage } from '../errors';
import { cliRevalidator } from '../revalidator';
import type { Command } from './index';

/** A whole number as typed: `12`, never `12.5`, `1e3`, `-1` or `0x10`. */
function wholeNumber(value: string | boolean | undefined): number | null {
  return typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export const stockSet: Command = {
  name: 'stock set',
  description: 'Set a SKU\'s shadow stock; prints {"skuId","stock","reserved","sellable"}',
  options: { sku: { type: 'string' }, quantity: { type: 'string' } },
  async run(values) {
    const skuId = wholeNumber(values.sku);
    if (skuId === null || skuId < 1) usage('stock set: --sku <skuId> must be a positive whole number');
    const quantity = wholeNumber(values.quantity);
    if (quantity === null || quantity > 10_000_000) usage('stock set: --quantity <n> must be a whole number from 0 to 10000000');
    // getRedis() has short timeouts: a missing Redis bridge costs two seconds, not the client's default retries.
    const env = getEnv();
    const result = await setStock(databaseFor(env.DATABASE_URL), getRedis(), skuId, quantity, { type: 'cli', label: 'ferry stock set' });
    // The running server caches the product page by tag: ask it to expire this product (best effort).
    const revalidator = cliRevalidator(env);
    revalidator.add([cacheTags.product(result.productId)]);
    await revalidator.flush();
    return { skuId: result.skuId, stock: result.stock, reserved: result.reserved, sellable: result.sellable };
  },
};
