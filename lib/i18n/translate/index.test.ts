import { describe, expect, it } from 'vitest';
import { getTranslationProvider, offlineProvider, translateProduct } from './index';
import type { TextKind, TranslationProvider } from './types';

const product = {
  title: '2025夏季新款韩版宽松纯棉短袖T恤女ins潮',
  description: '纯棉面料，透气舒适。',
  attributes: [
    { name: '颜色', value: '藏青色' },
    { name: '颜色', value: '黑色' },
    { name: '尺码', value: '均码' },
    { name: '尺码', value: 'XL' },
  ],
};

/** Records what it was asked, answers "[kind]text". */
function recordingProvider(calls: { texts: string[]; to: string; kind?: TextKind }[]): TranslationProvider {
  return {
    name: 'recording',
    async translate(texts, _from, to, kind) {
      calls.push({ texts, to, kind });
      return texts.map((t) => `[${kind}]${t}`);
    },
  };
}

describe('translateProduct', () => {
  it('translates title, description and each distinct spec name and value with the offline provider', async () => {
    const result = await translateProduct(offlineProvider, product, 'en');
    expect(result).toEqual({
      title: "2025 Summer New Korean-Style Loose Pure Cotton Short-Sleeve T-Shirt Women's INS Trendy",
      description: 'Pure cotton fabric, breathable comfortable.',
      attributes: { 颜色: 'Color', 藏青色: 'Navy Blue', 黑色: 'Black', 尺码: 'Size', 均码: 'One Size', XL: 'XL' },
      provider: 'offline',
    });
  });

  it('returns null when the provider cannot serve the locale', async () => {
    expect(await translateProduct(offlineProvider, product, 'fr')).toBeNull();
  });

  it('sends each kind once, deduplicated, and skips texts without Chinese', async () => {
    const calls: { texts: string[]; to: string; kind?: TextKind }[] = [];
    const result = await translateProduct(recordingProvider(calls), { ...product, description: null }, 'de');
    expect(calls.map((c) => c.kind).sort()).toEqual(['attribute', 'title']);
    expect(calls.find((c) => c.kind === 'attribute')?.texts).toEqual(['颜色', '藏青色', '黑色', '尺码', '均码']);
    expect(result?.attributes.XL).toBe('XL');
    expect(result?.description).toBeNull();
    expect(result?.provider).toBe('recording');
  });

  it('surfaces a provider failure instead of falling back', async () => {
    const failing: TranslationProvider = { name: 'down', translate: () => Promise.reject(new Error('HTTP 503')) };
    await expect(translateProduct(failing, product, 'en')).rejects.toThrow('HTTP 503');
  });

  it('rejects a provider that answers with the wrong number of texts', async () => {
    const short: TranslationProvider = { name: 'short', translate: async () => [] };
    await expect(translateProduct(short, product, 'en')).rejects.toThrow(/returned 0 texts/);
  });
});

describe('getTranslationProvider', () => {
  const base = { LIBRETRANSLATE_URL: undefined, LIBRETRANSLATE_API_KEY: undefined, DEEPL_API_KEY: undefined, DEEPL_API_URL: 'https://api-free.deepl.com' };

  it('defaults to the offline provider', () => {
    expect(getTranslationProvider({ ...base, TRANSLATION_PROVIDER: 'offline' }).name).toBe('offline');
  });

  it('builds the cloud providers from their settings', () => {
    expect(getTranslationProvider({ ...base, TRANSLATION_PROVIDER: 'libretranslate', LIBRETRANSLATE_URL: 'http://lt:5000' }).name).toBe('libretranslate');
    expect(getTranslationProvider({ ...base, TRANSLATION_PROVIDER: 'deepl', DEEPL_API_KEY: 'k:fx' }).name).toBe('deepl');
  });

  it('refuses a cloud provider without its settings', () => {
    expect(() => getTranslationProvider({ ...base, TRANSLATION_PROVIDER: 'libretranslate' })).toThrow(/LIBRETRANSLATE_URL/);
    expect(() => getTranslationProvider({ ...base, TRANSLATION_PROVIDER: 'deepl' })).toThrow(/DEEPL_API_KEY/);
  });
});
