// POST /api/webhooks/payments/{gateway}: payment events from the sandbox gateway or Stripe (Stripe's wire format).
import { after, NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';
import { bodyLimits, readBodyText } from '@/lib/http/read-body';
import { processWebhookEvent } from '@/lib/payments/process-webhook-event';
import { receivePaymentWebhook } from '@/lib/payments/receive-webhook';
import { getRedis } from '@/lib/redis';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ gateway: string }> }) {
  const { gateway } = await params;
  const db = getDb();
  let stored: { id: number; isNew: boolean };
  try {
    const rawBody = await readBodyText(request, bodyLimits.paymentWebhook);
    stored = await receivePaymentWebhook(db, gateway, rawBody, request.headers.get('stripe-signature'));
  } catch (error) {
    // 4xx for a bad delivery; 503 + Retry-After while the database is away. On any 5xx nothing was
    // acknowledged and the gateway delivers again.
    return errorJson(error, { where: `[webhooks] ${gateway} delivery` });
  }
  if (stored.isNew) {
    after(async () => {
      try {
        await processWebhookEvent(db, getRedis(), stored.id);
      } catch (error) {
        console.error(`[webhooks] event ${stored.id} will be retried:`, (error as Error).message);
      }
    });
  }
  return NextResponse.json({ received: true, duplicate: !stored.isNew });
}
