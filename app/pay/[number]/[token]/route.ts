// GET /pay/{orderNumber}/{payToken}: the pay link (shoppers' checkout and partners' customers) → the gateway's pay page.
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
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
    if (isAppError(error)) return new NextResponse(error.message, { status: error.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    throw error;
  }
}
