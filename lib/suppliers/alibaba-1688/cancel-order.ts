import { z } from 'zod';
import { SupplierError } from '../types';
import type { Alibaba1688Client } from './client';

const answerSchema = z.object({ success: z.union([z.boolean(), z.string()]), errorCode: z.string().nullish(), errorMessage: z.string().nullish() });

/**
 * Cancels an order the seller has not shipped (`alibaba.trade.cancel`). 1688 refuses once it
 * shipped (a return then needs the seller's consent through the refund APIs): `refused`, with
 * 1688's own error code for staff.
 */
export async function cancelOrder(client: Alibaba1688Client, upstreamOrderId: string, remark: string): Promise<void> {
  if (!/^\d{1,30}$/.test(upstreamOrderId)) throw new SupplierError('invalid', `not a 1688 order id: ${JSON.stringify(upstreamOrderId)}`);
  const body = await client.call('com.alibaba.trade', 'alibaba.trade.cancel', { webSite: '1688', tradeID: upstreamOrderId, cancelReason: 'buyerCancel', remark: remark.slice(0, 200) });
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) throw new SupplierError('invalid', '1688 alibaba.trade.cancel answer does not fit');
  if (parsed.data.success === true || parsed.data.success === 'true') return;
  throw new SupplierError('refused', `1688 did not cancel order ${upstreamOrderId}: ${parsed.data.errorMessage ?? parsed.data.errorCode ?? 'no reason given'}`, parsed.data.errorCode ?? null);
}
