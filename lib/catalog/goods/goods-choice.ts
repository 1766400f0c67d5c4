import { z } from 'zod';
import { shippingGoods, type ShippingGood } from '@/lib/shipping/goods';

/**
 * A goods form as staff submit it: the ticked goods (none, one or several `goods` fields) and which
 * button was pressed: `set` saves exactly the ticked ones, `reset` drops the hand-set flags (null).
 */
export const goodsChoiceSchema = z
  .object({
    mode: z.enum(['set', 'reset']),
    goods: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(shippingGoods)).max(shippingGoods.length)),
  })
  .transform(({ mode, goods }): { goods: ShippingGood[] | null } => ({ goods: mode === 'reset' ? null : [...new Set(goods)] }));
