// POST /api/internal/revalidate — the CLI (catalog sync, stock set) and background syncs: expire cache tags by name.
import { revalidateTag } from 'next/cache';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { bodyLimits, readBodyText } from '@/lib/http/read-body';
import {
  isValidRevalidateSignature,
  REVALIDATE_SIGNATURE_HEADER,
  REVALIDATE_TIMESTAMP_HEADER,
  revalidateBodySchema,
} from '@/lib/cache/revalidate-signature';

export const dynamic = 'force-dynamic';

const error = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

export async function POST(request: Request): Promise<Response> {
  let body: string;
  try {
    body = await readBodyText(request, bodyLimits.revalidate);
  } catch (e) {
    if (isAppError(e)) return error(e.status, e.code, 'At most 1000 tags per call');
    throw e;
  }
  const signed = { timestamp: request.headers.get(REVALIDATE_TIMESTAMP_HEADER), signature: request.headers.get(REVALIDATE_SIGNATURE_HEADER) };
  if (!isValidRevalidateSignature(getEnv().FERRY_SECRET_KEY, body, signed)) {
    return error(401, 'unauthorized', 'Bad, missing or expired signature');
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return error(400, 'bad_request', 'The body is not JSON');
  }
  const parsed = revalidateBodySchema.safeParse(json);
  if (!parsed.success) return error(400, 'bad_request', 'Expected {"tags": [1 to 1000 tag names]}');
  // Expire at once (not stale-while-revalidate): the next view of a product shows the new stock.
  for (const tag of new Set(parsed.data.tags)) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: new Set(parsed.data.tags).size });
}
