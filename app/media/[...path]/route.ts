import { createLocalStorage, parseMediaPath } from '@/lib/media/local-storage';
import { getEnv } from '@/lib/env';

// GET /media/<xx>/<key>-<200|800>.webp — product image derivatives for browsers. Content-addressed,
// so responses are cacheable forever.
export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  const parsed = parseMediaPath((await ctx.params).path);
  if (!parsed) return new Response('Not found', { status: 404 });
  const body = await createLocalStorage(getEnv().MEDIA_DIR).read(parsed.key, parsed.size);
  if (!body) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=31536000, immutable', 'Content-Length': String(body.length) },
  });
}
