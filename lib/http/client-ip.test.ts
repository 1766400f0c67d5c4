import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, rateLimitKey, resolveClientIp } from './client-ip';

const peer = (address: string, forwardedFor?: string) =>
  new Headers({ [CLIENT_IP_HEADER]: address, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) });

describe('resolveClientIp', () => {
  it('with no trusted proxy takes the socket address and ignores whatever X-Forwarded-For claims', () => {
    expect(resolveClientIp(peer('198.51.100.20', '203.0.113.1'), 0)).toBe('198.51.100.20');
    expect(resolveClientIp(peer('198.51.100.20', '203.0.113.1, 10.0.0.1'), 0)).toBe('198.51.100.20');
    expect(resolveClientIp(peer('::ffff:127.0.0.5'), 0)).toBe('127.0.0.5');
  });

  it('with N trusted hops takes the Nth address from the right of X-Forwarded-For', () => {
    // client → CDN (appends the client) → load balancer (appends the CDN) → Ferry (peer: the LB)
    const headers = peer('10.0.0.2', 'spoofed-by-client, 198.51.100.7, 172.16.0.9');
    expect(resolveClientIp(headers, 1)).toBe('172.16.0.9');
    expect(resolveClientIp(headers, 2)).toBe('198.51.100.7');
    // Fewer entries than hops: the leftmost one there is (an invalid one is no client at all).
    expect(resolveClientIp(peer('10.0.0.2', '198.51.100.7'), 3)).toBe('198.51.100.7');
    expect(resolveClientIp(headers, 3)).toBeNull();
  });

  it('reads plain records (next-auth) and arrays as well as Headers', () => {
    expect(resolveClientIp({ [CLIENT_IP_HEADER]: '198.51.100.30', 'x-forwarded-for': '203.0.113.9' }, 0)).toBe('198.51.100.30');
    expect(resolveClientIp({ 'x-forwarded-for': ['203.0.113.9', '198.51.100.31'], [CLIENT_IP_HEADER]: '10.1.1.1' }, 1)).toBe('198.51.100.31');
  });

  it('without the peer header (next dev) stands the last X-Forwarded-For entry in for the socket', () => {
    expect(resolveClientIp(new Headers({ 'x-forwarded-for': '203.0.113.1, 198.51.100.40' }), 0)).toBe('198.51.100.40');
  });

  it('never invents a shared "unknown" client: no address, or garbage, is null', () => {
    expect(resolveClientIp(new Headers(), 0)).toBeNull();
    expect(resolveClientIp({}, 0)).toBeNull();
    expect(resolveClientIp(peer('not-an-address'), 0)).toBeNull();
    expect(resolveClientIp(new Headers({ 'x-forwarded-for': 'unknown' }), 0)).toBeNull();
  });
});

describe('rateLimitKey', () => {
  it('normalises IPv4 (ports and mapped IPv6 included) and keys IPv6 by its /64', () => {
    expect(rateLimitKey('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('[2001:db8:1:2:bbbb::9]:443')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8:1:3::1')).not.toBe(rateLimitKey('2001:db8:1:2::1'));
    expect(rateLimitKey('')).toBeNull();
  });
});
