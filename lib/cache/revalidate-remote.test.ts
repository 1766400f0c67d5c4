import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteRevalidator } from './revalidate-remote';
import { isValidRevalidateSignature } from './revalidate-signature';

const key = 'test-secret-key-0000000000000000000000';
let server: http.Server | undefined;

async function listen(handler: (body: string, headers: { timestamp: string | null; signature: string | null }) => number) {
  const bodies: string[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      bodies.push(body);
      const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
      res.writeHead(handler(body, { timestamp: header('x-ferry-timestamp'), signature: header('x-ferry-signature') }), { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe('createRemoteRevalidator', () => {
  it('posts signed batches of at most 1000 distinct tags', async () => {
    const { url, bodies } = await listen((body, headers) => (isValidRevalidateSignature(key, body, headers) ? 200 : 401));
    const revalidator = createRemoteRevalidator({ siteUrl: url, secretKey: key });
    revalidator.add(Array.from({ length: 1500 }, (_, i) => `catalog:product:${i}`));
    revalidator.add(['catalog:listing', 'catalog:listing']);
    await revalidator.flush();
    const sent = bodies.map((b) => (JSON.parse(b) as { tags: string[] }).tags);
    expect(sent.every((tags) => tags.length <= 1000)).toBe(true);
    expect(new Set(sent.flat()).size).toBe(1501);
    expect(sent.flat().length).toBe(1501);
    expect(revalidator.sent).toBe(1501);
  });

  it('warns once and stops trying when the server is not there', async () => {
    const { url } = await listen(() => 200);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const warnings: string[] = [];
    const revalidator = createRemoteRevalidator({ siteUrl: url, secretKey: key, warn: (line) => warnings.push(line) });
    revalidator.add(['a']);
    await revalidator.flush();
    revalidator.add(['b']);
    await revalidator.flush();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not revalidated.*ECONNREFUSED/);
    expect(revalidator.sent).toBe(0);
  });

  it('treats a refused signature as a failure to report', async () => {
    const { url } = await listen(() => 401);
    const warnings: string[] = [];
    const revalidator = createRemoteRevalidator({ siteUrl: url, secretKey: key, warn: (line) => warnings.push(line) });
    revalidator.add(['a']);
    await revalidator.flush();
    expect(warnings[0]).toMatch(/HTTP 401/);
  });
});
