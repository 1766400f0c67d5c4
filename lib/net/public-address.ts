import ipaddr from 'ipaddr.js';

/**
 * Whether an address is an ordinary public unicast one, the only kind a download of outside data
 * may connect to. Everything ipaddr.js files under a special range is refused: loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata — and fe80::/10),
 * carrier-grade NAT (100.64/10), multicast, broadcast, unspecified, documentation and reserved
 * blocks, and the IPv6 forms that carry an IPv4 address inside (IPv4-mapped ::ffff:0:0/96 is
 * judged by the IPv4 address it maps; NAT64, 6to4 and Teredo are refused outright).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The host of a URL as an IP literal (brackets stripped), or null when it is a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
