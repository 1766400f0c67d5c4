'use server';
import { revalidatePath, updateTag } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { cacheTags } from '@/lib/cache/tags';
import { goodsChoiceSchema } from '@/lib/catalog/goods/goods-choice';
import { setProductGoods } from '@/lib/catalog/goods/set-product-goods';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';

/** Staff set a product's goods by hand, or give them back to the classifier; the product's cached page follows at once. */
export const setProductGoodsAction = action({
  name: 'product goods set',
  input: z.object({ locale: z.enum(locales), productId: z.coerce.number().int().positive() }).and(goodsChoiceSchema),
  read: (formData) => ({ locale: formData.get('locale'), productId: formData.get('productId'), mode: formData.get('mode'), goods: formData.getAll('goods') }),
  auth: { permission: 'catalog:goods' },
  run: ({ productId, goods }, { user }) => setProductGoods(getDb(), { productId, goods }, userActor(user)),
  revalidate: ({ locale, productId }) => {
    updateTag(cacheTags.product(productId));
    revalidatePath(adminPaths.product(locale, productId));
  },
});
