// GET /pay/{orderNumber}/{payToken}/return: where the gateway sends the payer back → the order's page.
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { errorText } from '@/lib/errors/http';
import { orderForPayLink } from '@/lib/payments/pay-order';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ number: string; token: string }> }) {
  const { number, token } = await params;
  try {
    const order = await orderForPayLink(getDb(), number, token);
    const outcome = new URL(request.url).searchParams.get('payment') ?? '';
    const query = /^(succeeded|failed|processing)$/.test(outcome) ? `?payment=${outcome}` : '';
    if (order.userId) return NextResponse.redirect(`${getEnv().SITE_URL}/${order.locale}/account/orders/${order.number}${query}`, 303);
    // A partner's customer has no Ferry account: a plain status page.
    const status = order.status === 'pending' && outcome === 'succeeded' ? 'processing' : order.status;
    return new NextResponse(`Order ${order.number}: ${status}. You can close this page.`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  } catch (error) {
    return errorText(error, '[pay] GET /pay/{number}/{token}/return');
  }
}
