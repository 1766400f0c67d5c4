import { parseMediaPath } from '@/lib/media/local-storage';
import { mediaStorageFromEnv } from '@/lib/media/storage-from-env';

// GET /media/<xx>/<key>-<200|800>.webp — product image derivatives for browsers. Content-addressed,
// so responses are cacheable forever. Read from the store MEDIA_STORAGE selects (local disk or S3).
export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  const parsed = parseMediaPath((await ctx.params).path);
  if (!parsed) return new Response('Not found', { status: 404 });
  const body = await mediaStorageFromEnv().read(parsed.key, parsed.size);
  if (!body) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=31536000, immutable', 'Content-Length': String(body.length) },
  });
}
