import { describe, expect, it } from 'vitest';
import { ipLiteral, isPublicAddress } from './public-address';

describe('isPublicAddress', () => {
  it('accepts public unicast IPv4 and IPv6', () => {
    for (const address of ['8.8.8.8', '47.246.1.10', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(address), address).toBe(true);
  });

  it('refuses loopback, private, link-local, CGNAT, multicast, broadcast, unspecified and reserved IPv4', () => {
    const refused = ['127.0.0.1', '127.3.4.5', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.254', '224.0.0.1', '239.255.255.250', '255.255.255.255', '0.0.0.0', '192.0.2.1', '198.18.0.1', '240.0.0.1'];
    for (const address of refused) expect(isPublicAddress(address), address).toBe(false);
  });

  it('refuses the same in IPv6, and IPv4 hidden inside IPv6', () => {
    const refused = ['::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:10.0.0.1', '::ffff:7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::', '2001::1'];
    for (const address of refused) expect(isPublicAddress(address), address).toBe(false);
  });

  it('refuses what is not an address at all', () => {
    for (const value of ['', 'localhost', 'cbu01.alicdn.com', '1.2.3.4.5']) expect(isPublicAddress(value), value).toBe(false);
  });
});

describe('ipLiteral', () => {
  it('recognises IP hosts as URL parsing leaves them', () => {
    expect(ipLiteral(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(ipLiteral(new URL('http://[::ffff:127.0.0.1]/').hostname)).toBe('::ffff:7f00:1');
    expect(ipLiteral('cbu01.alicdn.com')).toBeNull();
  });
});
