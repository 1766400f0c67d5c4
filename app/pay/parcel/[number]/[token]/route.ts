// GET /pay/parcel/{parcelNumber}/{payToken}: a parcel's pay link (shoppers and partners' customers) → the gateway's pay page for what is due.
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { payLinkFailure } from '@/lib/payments/pay-link-failure';
import { parcelAmountDue, parcelForPayLink, startParcelPayment } from '@/lib/payments/start-parcel-payment';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ number: string; token: string }> }) {
  const { number, token } = await params;
  const env = getEnv();
  try {
    const parcel = await parcelForPayLink(getDb(), number, token);
    const returnUrl = `${env.SITE_URL}/en/account/parcels/${encodeURIComponent(parcel.number)}`;
    if (parcel.status === 'awaiting_rehearsal') throw new AppError('invalid_transition', 'This parcel is being packed for its rehearsal: it can be paid once the warehouse has weighed and photographed it');
    const due = parcelAmountDue(parcel);
    if (!due || due.amountMinor <= 0) return NextResponse.redirect(returnUrl, 303);
    return NextResponse.redirect(await startParcelPayment(getDb(), env, { parcelId: parcel.id, returnUrl }), 303);
  } catch (error) {
    return payLinkFailure(request, error, { where: '[pay] GET /pay/parcel/{number}/{token}', siteUrl: env.SITE_URL, retryPath: new URL(request.url).pathname });
  }
}
