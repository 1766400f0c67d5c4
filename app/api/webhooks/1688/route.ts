// POST /api/webhooks/1688: 1688's message push (stock, buyer-view order and tracking-number messages), form-encoded `message` + `_aop_signature`.
import { after, NextResponse } from 'next/server';
import { serverRevalidator } from '@/lib/cache/server-revalidator';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';
import { bodyLimits, readBodyText } from '@/lib/http/read-body';
import { getRedis } from '@/lib/redis';
import { kickPushWorker } from '@/lib/supplier-push/drain-push-queue';
import { receivePush, type ReceivedPush } from '@/lib/supplier-push/receive-push';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const db = getDb();
  let stored: ReceivedPush;
  try {
    const rawBody = await readBodyText(request, bodyLimits.push1688);
    stored = await receivePush(db, '1688', rawBody);
  } catch (error) {
    // 4xx for a bad message; 503 + Retry-After while the database is away. On any 5xx nothing was
    // acknowledged and 1688 redelivers.
    return errorJson(error, { where: '[webhooks] 1688 push' });
  }
  // A redelivery kicks the worker too: it may mean the first attempt's work was lost (the batch
  // only claims what is unprocessed, so nothing is applied twice).
  after(async () => {
    try {
      // After the answer there is no request to revalidate in, so changed products' tags go through
      // the server's own revalidation route; the next visit then renders the new stock.
      const revalidator = serverRevalidator();
      await kickPushWorker(db, getRedis(), { revalidate: (tags) => revalidator.add(tags) });
      await revalidator.flush();
    } catch (error) {
      console.error(`[webhooks] 1688 push ${stored.msgId} left for the periodic job:`, (error as Error).message);
    }
  });
  // 1688 counts any HTTP 200 as delivered; the body is for people reading logs.
  return NextResponse.json({ success: true, msgId: stored.msgId, duplicate: !stored.isNew });
}
