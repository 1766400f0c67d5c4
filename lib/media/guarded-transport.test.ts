import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedTransport, publicOnlyLookup } from './guarded-transport';
import { checkImageUrl, isAllowedImageHost, parseImageHosts } from './image-url-policy';

const defaults = parseImageHosts('*.alicdn.com,*.360buyimg.com,*.yangkeduo.com,*.pddpic.com,*.weidian.com,*.geilicdn.com');

describe('image URL policy', () => {
  it('matches *.domain patterns against subdomains only, case- and trailing-dot-insensitively', () => {
    expect(isAllowedImageHost('cbu01.alicdn.com', defaults)).toBe(true);
    expect(isAllowedImageHost('GW.ALICDN.COM.', defaults)).toBe(true);
    expect(isAllowedImageHost('img14.360buyimg.com', defaults)).toBe(true);
    expect(isAllowedImageHost('alicdn.com.evil.example', defaults)).toBe(false);
    expect(isAllowedImageHost('evilalicdn.com', defaults)).toBe(false);
    expect(isAllowedImageHost('alicdn.com', defaults)).toBe(false);
    expect(isAllowedImageHost('images.example', ['images.example'])).toBe(true);
  });

  it('refuses other schemes, hosts off the list and private IP literals; trusts only the configured base', () => {
    const policy = { hosts: [...defaults, '10.0.0.8', '8.8.4.4'], trustedBases: ['http://127.0.0.1:8085'] };
    expect(checkImageUrl(new URL('https://cbu01.alicdn.com/img/a.jpg'), policy)).toBe('public-only');
    expect(checkImageUrl(new URL('http://127.0.0.1:8085/img/a.jpg'), policy)).toBe('trusted');
    expect(checkImageUrl(new URL('http://8.8.4.4/a.jpg'), policy)).toBe('public-only');
    // A base with a path trusts that path only, not a sibling that shares its first letters.
    const pathBase = { hosts: defaults, trustedBases: ['http://127.0.0.1:8085/cdn'] };
    expect(checkImageUrl(new URL('http://127.0.0.1:8085/cdn/a.jpg'), pathBase)).toBe('trusted');
    expect(() => checkImageUrl(new URL('http://127.0.0.1:8085/cdn-admin/a.jpg'), pathBase)).toThrow(/not an allowed image host/);
    const refusals: [string, RegExp][] = [
      ['http://127.0.0.1:8086/img/a.jpg', /host 127\.0\.0\.1 is not an allowed image host/],
      ['http://169.254.169.254/latest/meta-data/', /not an allowed image host/],
      ['http://10.0.0.8/a.jpg', /10\.0\.0\.8 is not a public address/],
      ['file:///etc/passwd', /file: URLs are not fetched/],
      ['https://intranet.example/a.jpg', /not an allowed image host/],
    ];
    for (const [url, message] of refusals) {
      let error: unknown;
      try {
        checkImageUrl(new URL(url), policy);
      } catch (e) {
        error = e;
      }
      expect(error, url).toMatchObject({ kind: 'refused', isRetryable: false, message: expect.stringMatching(message) });
    }
  });
});

describe('publicOnlyLookup', () => {
  const lookup = (host: string, all = false) =>
    new Promise<unknown>((resolve, reject) =>
      publicOnlyLookup(host, { all }, (error, address) => (error ? reject(error) : resolve(address))),
    );

  it('passes public addresses through and refuses names that resolve to loopback', async () => {
    expect(await lookup('8.8.8.8')).toBe('8.8.8.8');
    expect(await lookup('8.8.8.8', true)).toEqual([{ address: '8.8.8.8', family: 4 }]);
    await expect(lookup('localhost')).rejects.toMatchObject({ kind: 'refused', message: expect.stringMatching(/localhost resolves to .*, not a public address/) });
    await expect(lookup('169.254.169.254')).rejects.toMatchObject({ kind: 'refused' });
  });
});

describe('guarded transport', () => {
  let internal: Server;
  let cdn: Server;
  let internalHits = 0;
  let internalOrigin = '';
  let cdnOrigin = '';

  beforeAll(async () => {
    // Stands for something on the private side: an admin page, a database's HTTP port, metadata.
    internal = createServer((_req, res) => {
      internalHits += 1;
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end('secret');
    });
    cdn = createServer((req, res) => {
      const port = (internal.address() as AddressInfo).port;
      const targets: Record<string, string> = {
        '/to-loopback.jpg': `http://127.0.0.1:${port}/admin`,
        '/to-localhost.jpg': `http://localhost:${port}/admin`,
        '/to-metadata.jpg': 'http://169.254.169.254/latest/meta-data/',
        '/to-mapped.jpg': `http://[::ffff:127.0.0.1]:${port}/admin`,
        '/to-self.jpg': '/ok.jpg',
        '/loop.jpg': '/loop.jpg',
      };
      const target = targets[req.url ?? ''];
      if (target) return void res.writeHead(302, { location: target }).end();
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end('jpeg-bytes');
    });
    for (const server of [internal, cdn]) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    internalOrigin = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
    cdnOrigin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const server of [internal, cdn]) await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const init = () => ({ signal: new AbortController().signal, headers: { accept: 'image/*' } });

  it('follows redirects inside the trusted base and returns the body', async () => {
    const transport = createGuardedTransport({ hosts: defaults, trustedBases: [cdnOrigin] });
    const res = await transport(`${cdnOrigin}/to-self.jpg`, init());
    expect([res.status, await res.text()]).toEqual([200, 'jpeg-bytes']);
  });

  it('refuses redirects to loopback, link-local and mapped addresses before connecting', async () => {
    // Even with localhost on the host list, its address is loopback: the resolver refuses it.
    const transport = createGuardedTransport({ hosts: [...defaults, 'localhost'], trustedBases: [cdnOrigin] });
    for (const path of ['/to-loopback.jpg', '/to-localhost.jpg', '/to-metadata.jpg', '/to-mapped.jpg']) {
      await expect(transport(`${cdnOrigin}${path}`, init()), path).rejects.toMatchObject({ kind: 'refused' });
    }
    await expect(transport(`${internalOrigin}/admin`, init())).rejects.toMatchObject({ kind: 'refused' });
    expect(internalHits).toBe(0);
  });

  it('stops a redirect loop', async () => {
    const transport = createGuardedTransport({ hosts: defaults, trustedBases: [cdnOrigin] });
    await expect(transport(`${cdnOrigin}/loop.jpg`, init())).rejects.toMatchObject({ kind: 'refused', message: 'refused: more than 5 redirects' });
  });
});
