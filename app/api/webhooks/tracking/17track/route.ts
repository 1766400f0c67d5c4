// POST /api/webhooks/tracking/17track: 17TRACK's tracking updates (TRACKING_UPDATED, TRACKING_STOPPED), signed with `sign`.
import { after, NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';
import { bodyLimits, readBodyText } from '@/lib/http/read-body';
import { processTrackingWebhook } from '@/lib/shipping-tracking/process-tracking-webhook';
import { receiveTrackingWebhook } from '@/lib/shipping-tracking/receive-tracking-webhook';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const db = getDb();
  let stored: { id: number; isNew: boolean };
  try {
    const rawBody = await readBodyText(request, bodyLimits.trackingWebhook);
    stored = await receiveTrackingWebhook(db, rawBody, request.headers.get('sign'));
  } catch (error) {
    // 400 for a bad sign or payload (nothing stored); 503 while the database is away, so 17TRACK sends it again.
    return errorJson(error, { where: '[webhooks] 17track update' });
  }
  if (stored.isNew) {
    after(async () => {
      try {
        await processTrackingWebhook(db, stored.id);
      } catch (error) {
        console.error(`[webhooks] tracking update ${stored.id} left for the periodic job:`, (error as Error).message);
      }
    });
  }
  return NextResponse.json({ received: true, duplicate: !stored.isNew });
}
