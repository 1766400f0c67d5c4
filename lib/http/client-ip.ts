import 'server-only';
import ipaddr from 'ipaddr.js';
import { getEnv } from '@/lib/env';

/** Written by scripts/serve.mjs from the socket (any copy the client sent is deleted first). */
export const CLIENT_IP_HEADER = 'x-ferry-client-ip';

type HeaderSource = { get(name: string): string | null } | Record<string, unknown>;

let hasWarned = false;

/**
 * The client's address for rate limits, from the request's headers (route handlers' `request.headers`,
 * server actions' `headers()`, next-auth's plain `req.headers`). Null when none can be told, which
 * callers treat as limited, never as a shared "unknown" client.
 */
export function clientIp(headers: HeaderSource): string | null {
  if (!hasWarned && getEnv().NODE_ENV === 'production' && !read(headers, CLIENT_IP_HEADER)) {
    hasWarned = true;
    console.warn(`[client-ip] no ${CLIENT_IP_HEADER} header: start Ferry with \`npm start\` (scripts/serve.mjs), not \`next start\`; falling back to X-Forwarded-For`);
  }
  return resolveClientIp(headers, getEnv().TRUSTED_PROXY_HOPS);
}

/**
 * The chain of addresses, nearest last, is X-Forwarded-For's entries then the socket's peer; each
 * trusted proxy hop steps one further left. 0 hops: the peer itself, whatever X-Forwarded-For says.
 * N hops: the Nth entry from the right of X-Forwarded-For (the address the outermost trusted proxy
 * saw); a shorter header yields its leftmost entry. Without the peer header (`next dev`), Next's
 * own server filled X-Forwarded-For from the socket when the client sent none, so its last entry
 * stands in for the peer. IPv6 clients are keyed by their /64: one subscriber holds a whole /64.
 */
export function resolveClientIp(headers: HeaderSource, trustedProxyHops: number): string | null {
  const peer = read(headers, CLIENT_IP_HEADER)?.trim();
  const forwarded = (read(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return null;
  return rateLimitKey(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!);
}

/** An address as a rate-limit identifier: IPv4 (mapped IPv6 unwrapped), or an IPv6 /64; null if not an address. */
export function rateLimitKey(raw: string): string | null {
  const text = stripPort(raw);
  if (!ipaddr.isValid(text)) return null;
  const address = ipaddr.process(text);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

// Some proxies write `203.0.113.7:51234` or `[2001:db8::1]:443`.
function stripPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  return v4WithPort ? v4WithPort[1]! : value;
}

function read(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'string' ? value : undefined;
}
