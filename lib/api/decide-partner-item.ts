import 'server-only';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { startServiceChargePayment } from '@/lib/payments/start-service-charge-payment';
import type { GatewayDeps } from '@/lib/payments/registry';
import { decideItem } from '@/lib/warehouse/decisions/decide-item';
import { requestMorePhotos } from '@/lib/warehouse/decisions/request-more-photos';
import { findPartnerOrder } from './queries/find-partner-order';
import type { ApiOrderItem } from './serialize';
import type { Partner } from './partner-keys';

const decisionBody = z.object({ decision: z.enum(['accept', 'more_photos', 'return']), note: z.string().max(500).optional() }).strict();

/**
 * `morePhotos` (added field, only for `"decision":"more_photos"`): the charge for the extra photos,
 * in the order's currency at its pinned rate, and where its payer pays it (`paymentUrl`, the
 * gateway's page; null when it cost nothing and was granted at once).
 */
export type ApiQcAnswer = ApiOrderItem & {
  morePhotos?: { photos: number; status: 'open' | 'paid'; charge: { amountMinor: number; currency: string }; paymentUrl: string | null };
};

/**
 * POST /api/v1/orders/{n}/items/{id}/qc: the partner's QC decision on an item of one of its own
 * orders, through the same domain calls as the shopper's page. Another partner's order or item is
 * 404, an item not waiting in the warehouse 409, a return without a note 422. Answers the item as
 * GET /api/v1/orders/{n} serializes it.
 */
export async function decidePartnerItem(db: Database, env: Env, partner: Partner, params: { orderNumber: string; itemId: string }, body: unknown, deps: GatewayDeps = {}): Promise<ApiQcAnswer> {
  const itemId = /^\d{1,15}$/.test(params.itemId) ? Number(params.itemId) : null;
  if (itemId === null || params.orderNumber.length > 20) throw new AppError('not_found', 'Item not found');
  const parsed = decisionBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('validation_failed', `Invalid ${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`);
  }
  const { decision, note } = parsed.data;
  const owner = { partnerKeyId: partner.keyId };
  const actor = { type: 'partner' as const, id: partner.keyId, label: partner.name };
  const common = { owner, itemId, orderNumber: params.orderNumber, actor };
  let morePhotos: ApiQcAnswer['morePhotos'];
  if (decision === 'accept') await decideItem(db, { ...common, decidedBy: 'partner', decision: 'accept' });
  else if (decision === 'return') {
    if (!note?.trim()) throw new AppError('validation_failed', 'Invalid note: a return needs a note saying why');
    await decideItem(db, { ...common, decidedBy: 'partner', decision: 'return', reason: note });
  } else {
    const charge = await requestMorePhotos(db, common);
    // The payer is the partner's customer, who has no Ferry account: back through the order's pay
    // link, which shows its status page in the order's language.
    const payLink = (await findPartnerOrder(db, env.SITE_URL, partner.keyId, params.orderNumber))?.payment.paymentUrl;
    const paymentUrl =
      charge.status === 'open' && payLink ? await startServiceChargePayment(db, env, { serviceChargeId: charge.id, returnUrl: `${payLink}/return` }, deps) : null;
    morePhotos = { photos: charge.quantity, status: charge.status, charge: { amountMinor: charge.chargeMinor, currency: charge.chargeCurrency }, paymentUrl };
  }
  const order = await findPartnerOrder(db, env.SITE_URL, partner.keyId, params.orderNumber);
  const item = order?.items.find((i) => i.itemId === itemId);
  if (!item) throw new AppError('not_found', 'Item not found');
  return morePhotos ? { ...item, morePhotos } : item;
}
