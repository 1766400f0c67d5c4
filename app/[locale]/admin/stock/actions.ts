'use server';
import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { requirePermission } from '@/lib/auth/session';
import { cacheTags } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { setStock } from '@/lib/inventory/set-stock';
import { getRedis } from '@/lib/redis';

const stockInput = z.object({
  locale: z.enum(locales),
  skuId: z.coerce.number().int().positive(),
  quantity: z.string().trim().regex(/^\d{1,8}$/).transform(Number).pipe(z.number().int().min(0).max(10_000_000)),
});

export type StockResult = { skuId: number; stock: number; reserved: number; sellable: number };

/**
 * Sets a SKU's shadow stock. `updateTag` expires the product's cached reads at once (the next
 * product page view renders the new stock instead of serving the stale page once more).
 */
export async function setStockAction(_previous: ActionResult<StockResult>, formData: FormData): Promise<ActionResult<StockResult>> {
  try {
    const parsed = stockInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', 'Quantity must be a whole number from 0 to 10,000,000');
    const { locale, skuId, quantity } = parsed.data;
    const user = await requirePermission('stock:write');
    const result = await setStock(getDb(), getRedis(), skuId, quantity, { type: 'user', id: user.id, label: user.email });
    updateTag(cacheTags.product(result.productId));
    revalidatePath(`/${locale}/admin/stock`);
    return actionOk({ skuId: result.skuId, stock: result.stock, reserved: result.reserved, sellable: result.sellable });
  } catch (error) {
    return actionError(error, 'stock set');
  }
}
