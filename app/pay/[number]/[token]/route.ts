// GET /pay/{orderNumber}/{payToken}: the pay link (shoppers' checkout and partners' customers) → the gateway's pay page.
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { errorText } from '@/lib/errors/http';
import { orderForPayLink, startOrderPayment } from '@/lib/payments/pay-order';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ number: string; token: string }> }) {
  const { number, token } = await params;
  const env = getEnv();
  try {
    const order = await orderForPayLink(getDb(), number, token);
    const returnUrl = `${env.SITE_URL}/pay/${order.number}/${order.payToken}/return`;
    return NextResponse.redirect(await startOrderPayment(getDb(), env, order, returnUrl), 303);
  } catch (error) {
    return errorText(error, '[pay] GET /pay/{number}/{token}');
  }
}
