import type http from 'node:http';
import { renderDemoImage } from '../../lib/catalog/demo';
import { GatewayError } from './gateway-error';
import { sendJson } from './http-io';
import { injectFault, type GatewayDeps } from './gateway';

/**
 * The demo CDN: `GET /img/ibank/<rest>` answers what `https://cbu01.alicdn.com/img/ibank/<rest>`
 * would, drawn by the demo catalog and kept after the first render (a few hundred distinct
 * images cover 100k offers). Faults with `apis: ["img"]` apply, so the image pipeline can be
 * tested against a flaky CDN.
 */
const MAX_CACHED = 2_000;

export function createImageRoute(deps: Pick<GatewayDeps, 'faults' | 'stats' | 'stalls'>) {
  const cache = new Map<string, Promise<Buffer | null>>();

  return async function serveImage(req: http.IncomingMessage, res: http.ServerResponse, rest: string): Promise<void> {
    req.resume();
    deps.stats.call('img');
    try {
      if (await injectFault(res, 'img', 'img', deps)) return;
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      return sendJson(res, error.status, error);
    }
    const url = `https://cbu01.alicdn.com/img/ibank/${rest}`;
    let bytes = cache.get(url);
    if (!bytes) {
      bytes = renderDemoImage(url).catch((error: unknown) => {
        cache.delete(url); // a failed render is retried by the next request
        throw error;
      });
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
      cache.set(url, bytes);
    }
    const image = await bytes;
    if (!image) {
      cache.delete(url);
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': image.length, 'Cache-Control': 'public, max-age=31536000, immutable' });
    res.end(req.method === 'HEAD' ? undefined : image);
  };
}
