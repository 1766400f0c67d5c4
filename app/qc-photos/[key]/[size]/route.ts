import { getEnv } from '@/lib/env';
import { photoContentType, photoStoreFromEnv } from '@/lib/warehouse/photos/photo-store';
import { verifyPhotoUrl } from '@/lib/warehouse/photos/photo-urls';

// GET /qc-photos/<key>/<400|1600|original>?e=<expiry>&s=<signature> — a private QC photo, served only
// for a URL Ferry signed (lib/warehouse/photos/photo-urls) and only until it expires. Pages and the
// open API sign URLs only for viewers allowed to see the item; anything else is a plain 404, which
// says nothing about whether the photo exists.
export async function GET(req: Request, ctx: { params: Promise<{ key: string; size: string }> }) {
  const { key, size } = await ctx.params;
  const query = new URL(req.url).searchParams;
  const parts = { key, size, expires: query.get('e'), signature: query.get('s') };
  if (!verifyPhotoUrl(getEnv().FERRY_SECRET_KEY, parts)) return notFound();
  const body = await photoStoreFromEnv().read(parts.key, parts.size);
  if (!body) return notFound();
  const maxAge = Math.max(0, Number(parts.expires) - Math.floor(Date.now() / 1000));
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': parts.size === 'original' ? photoContentType(body) : 'image/webp',
      'Content-Length': String(body.length),
      // The shopper's browser may keep it until the URL expires; no shared cache may.
      'Cache-Control': `private, max-age=${maxAge}, immutable`,
      'X-Content-Type-Options': 'nosniff',
      ...(parts.size === 'original' ? { 'Content-Disposition': 'inline' } : {}),
    },
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
}
