import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { batchTexts, deeplProvider, deeplSource, deeplTarget, libreTranslateProvider } from './http-providers';
import { TranslationError } from './types';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

let server: Server;
let base = '';
let seen: Seen[] = [];
let reply: (req: Seen, res: ServerResponse) => void = () => {};

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') as Record<string, unknown> };
      seen.push(entry);
      reply(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
});

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Echo server: "EN:<text>" for each input, in both vendors' shapes. */
function echo(req: Seen, res: ServerResponse): void {
  if (req.url === '/translate') json(res, 200, { translatedText: (req.body.q as string[]).map((t) => `EN:${t}`) });
  else json(res, 200, { translations: (req.body.text as string[]).map((t) => ({ detected_source_language: 'ZH', text: `EN:${t}` })) });
}

const texts = (n: number) => Array.from({ length: n }, (_, i) => `标题${i}`);

describe('LibreTranslate provider', () => {
  it('posts q[], source zh, target, format text and api_key to {url}/translate', async () => {
    reply = echo;
    const provider = libreTranslateProvider({ url: `${base}/`, apiKey: 'lt-key' });
    expect(await provider.translate(['连衣裙', '保温杯'], 'zh-CN', 'es')).toEqual(['EN:连衣裙', 'EN:保温杯']);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('/translate');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.body).toEqual({ q: ['连衣裙', '保温杯'], source: 'zh', target: 'es', format: 'text', api_key: 'lt-key' });
  });

  it('omits api_key when none is configured and maps regional locales to the language', async () => {
    reply = echo;
    await libreTranslateProvider({ url: base }).translate(['连衣裙'], 'zh-CN', 'pt-BR');
    expect(seen[0]?.body).toEqual({ q: ['连衣裙'], source: 'zh', target: 'pt', format: 'text' });
  });

  it("translates a shopper's note the other way, from the order's language into Chinese, and refuses zh → zh", async () => {
    reply = echo;
    const provider = libreTranslateProvider({ url: base });
    await provider.translate(['no logo please'], 'en', 'zh-CN');
    expect(seen[0]?.body).toEqual({ q: ['no logo please'], source: 'en', target: 'zh', format: 'text' });
    expect(await provider.translate(['不要logo'], 'zh-CN', 'zh-CN')).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('sends at most 50 texts per request and keeps the order', async () => {
    reply = echo;
    const input = texts(120);
    const out = await libreTranslateProvider({ url: base }).translate(input, 'zh-CN', 'fr');
    expect(seen.map((s) => (s.body.q as string[]).length)).toEqual([50, 50, 20]);
    expect(out).toEqual(input.map((t) => `EN:${t}`));
  });

  it('returns null for a Chinese target without calling the server', async () => {
    expect(await libreTranslateProvider({ url: base }).translate(['连衣裙'], 'zh-CN', 'zh-CN')).toBeNull();
    expect(seen).toHaveLength(0);
  });

  it('throws a TranslationError carrying the status and the vendor message', async () => {
    reply = (_req, res) => json(res, 400, { error: "zh is not supported" });
    const error = await libreTranslateProvider({ url: base }).translate(['连衣裙'], 'zh-CN', 'es').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationError);
    expect((error as TranslationError).status).toBe(400);
    expect((error as TranslationError).message).toMatch(/libretranslate: HTTP 400 .*zh is not supported/);
  });

  it('rejects answers of the wrong shape or length', async () => {
    reply = (_req, res) => json(res, 200, { translatedText: 'one string' });
    await expect(libreTranslateProvider({ url: base }).translate(['a'], 'zh-CN', 'es')).rejects.toThrow(/unexpected response shape/);
    reply = (_req, res) => json(res, 200, { translatedText: ['x'] });
    await expect(libreTranslateProvider({ url: base }).translate(['a', 'b'], 'zh-CN', 'es')).rejects.toThrow(/asked for 2 translations, got 1/);
    reply = (_req, res) => res.end('<html>proxy error</html>');
    await expect(libreTranslateProvider({ url: base }).translate(['a'], 'zh-CN', 'es')).rejects.toThrow(/invalid JSON/);
  });

  it('gives up after the timeout', async () => {
    reply = (req, res) => setTimeout(() => echo(req, res), 500);
    const provider = libreTranslateProvider({ url: base, timeoutMs: 100 });
    await expect(provider.translate(['a'], 'zh-CN', 'es')).rejects.toThrow(/no answer within 100 ms/);
  });

  it('reports an unreachable server', async () => {
    const provider = libreTranslateProvider({ url: 'http://127.0.0.1:1' });
    await expect(provider.translate(['a'], 'zh-CN', 'es')).rejects.toThrow(/cannot reach http:\/\/127.0.0.1:1\/translate/);
  });
});

describe('DeepL provider', () => {
  it('posts text[], source_lang ZH and target_lang with the DeepL-Auth-Key header to {url}/v2/translate', async () => {
    reply = echo;
    const provider = deeplProvider({ apiKey: 'secret-key:fx', url: `${base}/api-free` });
    expect(await provider.translate(['连衣裙'], 'zh-CN', 'en')).toEqual(['EN:连衣裙']);
    expect(seen[0]?.url).toBe('/api-free/v2/translate');
    expect(seen[0]?.headers.authorization).toBe('DeepL-Auth-Key secret-key:fx');
    expect(seen[0]?.body).toEqual({ text: ['连衣裙'], source_lang: 'ZH', target_lang: 'EN-US' });
  });

  it("sends a shopper's note with its own source language into simplified Chinese", async () => {
    reply = echo;
    await deeplProvider({ apiKey: 'k', url: base }).translate(['Bitte ohne Logo'], 'de', 'zh-CN');
    expect(seen[0]?.body).toEqual({ text: ['Bitte ohne Logo'], source_lang: 'DE', target_lang: 'ZH-HANS' });
    expect(deeplSource('pt-BR')).toBe('PT');
    expect(deeplSource('xx')).toBeNull();
  });

  it('maps Ferry locales to DeepL codes', () => {
    expect(deeplTarget('en')).toBe('EN-US');
    expect(deeplTarget('pt')).toBe('PT-PT');
    expect(deeplTarget('zh-CN')).toBe('ZH-HANS');
    expect(['es', 'fr', 'de', 'ja', 'ko', 'ar', 'ru'].map(deeplTarget)).toEqual(['ES', 'FR', 'DE', 'JA', 'KO', 'AR', 'RU']);
    expect(deeplTarget('xx')).toBeNull();
  });

  it('returns null for a locale DeepL does not serve', async () => {
    expect(await deeplProvider({ apiKey: 'k', url: base }).translate(['a'], 'zh-CN', 'xx')).toBeNull();
    expect(seen).toHaveLength(0);
  });

  it('batches by 50', async () => {
    reply = echo;
    const out = await deeplProvider({ apiKey: 'k', url: base }).translate(texts(51), 'zh-CN', 'de');
    expect(seen.map((s) => (s.body.text as string[]).length)).toEqual([50, 1]);
    expect(out?.[50]).toBe('EN:标题50');
  });

  it('explains a 403 caused by a free key on the pro endpoint', async () => {
    reply = (_req, res) => json(res, 403, { message: 'Wrong endpoint' });
    await expect(deeplProvider({ apiKey: 'k:fx', url: base }).translate(['a'], 'zh-CN', 'en')).rejects.toThrow(/free keys ending in ":fx"/);
  });

  it('surfaces quota errors with their status', async () => {
    reply = (_req, res) => json(res, 456, { message: 'Quota exceeded' });
    const error = await deeplProvider({ apiKey: 'k', url: base }).translate(['a'], 'zh-CN', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationError);
    expect((error as TranslationError).status).toBe(456);
    expect((error as Error).message).toContain('Quota exceeded');
  });
});

describe('batchTexts', () => {
  it('splits by count and by size, never leaving an empty batch', () => {
    expect(batchTexts(texts(3), 2).map((b) => b.length)).toEqual([2, 1]);
    expect(batchTexts(['aaaa', 'bbbb', 'cc'], 50, 6)).toEqual([['aaaa'], ['bbbb', 'cc']]);
    expect(batchTexts(['x'.repeat(100)], 50, 10)).toEqual([['x'.repeat(100)]]);
    expect(batchTexts([])).toEqual([]);
  });
});
