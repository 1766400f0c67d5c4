'use server';
import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { userActor } from '@/lib/audit/actor';
import { cacheTags } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { setStock } from '@/lib/inventory/set-stock';
import { getRedis } from '@/lib/redis';

const stockInput = z.object({
  locale: z.enum(locales),
  skuId: z.coerce.number().int().positive(),
  quantity: z.string().trim().regex(/^\d{1,8}$/).transform(Number).pipe(z.number().int().min(0).max(10_000_000)),
});

/**
 * Sets a SKU's shadow stock. `updateTag` expires the product's cached reads at once (the next
 * product page view renders the new stock instead of serving the stale page once more).
 */
export const setStockAction = action({
  name: 'stock set',
  input: stockInput,
  auth: { permission: 'stock:write' },
  run: ({ skuId, quantity }, { user }) => setStock(getDb(), getRedis(), skuId, quantity, userActor(user)),
  revalidate: ({ locale }, result) => {
    updateTag(cacheTags.product(result.productId));
    revalidatePath(`/${locale}/admin/stock`);
  },
});
