// GET /api/shipping/quote: the public shipping quote (the product page's estimate, partners, anyone; no key) → {quotes, unavailable}.
import { getLimiter } from '@/lib/auth/rate-limit';
import { cachedRates } from '@/lib/catalog/cached-reads';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorJson } from '@/lib/errors/http';
import { FxError } from '@/lib/fx/types';
import { clientIp } from '@/lib/http/client-ip';
import { cachedActiveLines } from '@/lib/shipping/cached-lines';
import { parseQuoteQuery } from '@/lib/shipping/quote-query';
import { quoteShipping } from '@/lib/shipping/quote-shipping';
import { quoteResponseBody } from '@/lib/shipping/serialize';

export const dynamic = 'force-dynamic';

const where = '[shipping] GET /api/shipping/quote';
const noStore = { 'Cache-Control': 'no-store' };
// The same question has the same answer for everyone until lines or rates change: browsers and CDNs may keep it a minute.
const cacheable = { 'Cache-Control': 'public, max-age=60, s-maxage=60' };

export async function GET(request: Request) {
  try {
    const ip = clientIp(request.headers);
    if (!(await getLimiter('shippingQuote').check({ ip, ipHourly: ip }))) {
      throw new AppError('rate_limited', 'Too many quotes from this address; wait a minute and try again', { retryAfterSeconds: 60 });
    }
    const parsed = parseQuoteQuery(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError('bad_request', parsed.message);
    const [lines, rates] = await Promise.all([cachedActiveLines(), cachedRates()]);
    const result = await quoteShipping(getDb(), parsed.request, { lines, rates }).catch((error: unknown) => {
      if (error instanceof FxError) throw new AppError('unavailable', `No exchange rate for ${parsed.request.currency} yet; try CNY or retry later`);
      throw error;
    });
    return Response.json(quoteResponseBody(result), { headers: cacheable });
  } catch (error) {
    return errorJson(error, { where, headers: noStore });
  }
}
