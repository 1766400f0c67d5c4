// GET /pay/{orderNumber}/{payToken}/return: where the gateway sends the payer back → the order's page.
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { payLinkFailure } from '@/lib/payments/pay-link-failure';
import { orderForPayLink, orderPaymentProgress, returnOutcome, type PayLinkOrder } from '@/lib/payments/pay-order';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ number: string; token: string }> }) {
  const { number, token } = await params;
  const env = getEnv();
  let order: PayLinkOrder | undefined;
  try {
    order = await orderForPayLink(getDb(), number, token);
    // The gateway's own word on the payment, not the return URL's: the order page shows "confirming" only for a real one.
    const claimed = new URL(request.url).searchParams.get('payment') ?? '';
    const outcome = returnOutcome(order.status === 'pending' ? await orderPaymentProgress(env, order) : null, claimed);
    const query = outcome ? `?payment=${outcome}` : '';
    if (order.userId) return NextResponse.redirect(`${env.SITE_URL}/${order.locale}/account/orders/${order.number}${query}`, 303);
    // A partner's customer has no Ferry account: the pay link's own status page, in the order's language.
    return NextResponse.redirect(`${env.SITE_URL}/${order.locale}/account/payment-status/${encodeURIComponent(order.number)}/${encodeURIComponent(token)}${query}`, 303);
  } catch (error) {
    return payLinkFailure(request, error, { where: '[pay] GET /pay/{number}/{token}/return', siteUrl: env.SITE_URL, locale: order?.locale });
  }
}
