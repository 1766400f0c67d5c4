// GET /pay/{orderNumber}/{payToken}: the pay link (shoppers' checkout and partners' customers) → the gateway's pay page.
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { payLinkFailure } from '@/lib/payments/pay-link-failure';
import { orderForPayLink, startOrderPayment, type PayLinkOrder } from '@/lib/payments/pay-order';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ number: string; token: string }> }) {
  const { number, token } = await params;
  const env = getEnv();
  let order: PayLinkOrder | undefined;
  try {
    order = await orderForPayLink(getDb(), number, token);
    const returnUrl = `${env.SITE_URL}/pay/${order.number}/${order.payToken}/return`;
    return NextResponse.redirect(await startOrderPayment(getDb(), env, order, returnUrl), 303);
  } catch (error) {
    return payLinkFailure(request, error, { where: '[pay] GET /pay/{number}/{token}', siteUrl: env.SITE_URL, locale: order?.locale, retryPath: new URL(request.url).pathname });
  }
}
