import { getDb } from '@/lib/db';
import { photoStoreFromEnv } from '@/lib/warehouse/photos/photo-store';
import { photoKeyPattern } from '@/lib/warehouse/photos/photo-urls';
import { isPublicWarehousePhoto } from '@/lib/warehouse/photos/queries/product-warehouse-photos';

// GET /warehouse-photos/<key>/<400|1600> — a QC photo shown on its product's page ("Photos from our
// warehouse"): only the WebP sizes, never the original, and only while its shopper shares their
// photos (asked on every request, so revoking takes effect at once). Anything else is a 404.
export async function GET(_req: Request, ctx: { params: Promise<{ key: string; size: string }> }) {
  const { key, size } = await ctx.params;
  if (!photoKeyPattern.test(key) || (size !== '400' && size !== '1600')) return notFound();
  if (!(await isPublicWarehousePhoto(getDb(), key))) return notFound();
  const body = await photoStoreFromEnv().read(key, size);
  if (!body) return notFound();
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(body.length),
      // Short: a shopper who stops sharing is out of shared caches within minutes.
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
}
