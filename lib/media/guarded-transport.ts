import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { isPublicAddress } from '@/lib/net/public-address';
import { checkImageUrl, refused, type ImageUrlPolicy } from './image-url-policy';

/** What the image fetcher needs from HTTP: a GET with headers and an abort signal, answered as a fetch Response. */
export type ImageTransport = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The image fetcher's HTTP client: every URL, the first and each redirect's target, is checked
 * against the policy before a request is sent (redirects are followed here, by hand, never by the
 * client), and the connection goes to the address the check saw: the resolver below refuses a name
 * with any non-public address and hands the checked one to the socket, so a DNS answer that changes
 * between check and connect (rebinding) has nothing to slip through. node:http rather than fetch:
 * fetch takes no resolver without a second copy of undici.
 */
export function createGuardedTransport(policy: ImageUrlPolicy): ImageTransport {
  return async (url, init) => {
    let current = new URL(url);
    for (let redirects = 0; ; redirects += 1) {
      const mode = checkImageUrl(current, policy);
      const res = await get(current, init, mode === 'trusted' ? undefined : publicOnlyLookup);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return toResponse(res);
      res.resume();
      if (redirects >= MAX_REDIRECTS) throw refused(`more than ${MAX_REDIRECTS} redirects`);
      current = new URL(location, current);
    }
  };
}

/** dns.lookup that fails unless every address the name has is public (one private answer is enough to refuse). */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked || addresses.length === 0) return callback(refused(`${hostname} resolves to ${blocked?.address ?? 'nothing'}, not a public address`), '', 0);
    // With autoSelectFamily (Node's default) the socket asks for every address.
    if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function get(url: URL, init: { signal: AbortSignal; headers: Record<string, string> }, lookup: LookupFunction | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: 'GET', headers: init.headers, signal: init.signal, lookup }, resolve);
    req.once('error', reject);
    req.end();
  });
}

function toResponse(res: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const status = res.statusCode ?? 502;
  const hasBody = status !== 204 && status !== 304;
  if (!hasBody) res.resume();
  return new Response(hasBody ? (Readable.toWeb(res) as ReadableStream<Uint8Array>) : null, { status, statusText: res.statusMessage, headers });
}
