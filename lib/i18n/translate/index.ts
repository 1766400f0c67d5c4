import 'server-only';
import type { Env } from '@/lib/env';
import { deeplProvider, libreTranslateProvider } from './http-providers';
import { offlineProvider } from './offline';
import { hasCjk } from './offline/segmenter';
import { type TextKind, type TranslationProvider, TranslationError } from './types';

export type { TextKind, TranslationProvider } from './types';
export { TranslationError } from './types';
export { offlineProvider } from './offline';

type TranslationEnv = Pick<Env, 'TRANSLATION_PROVIDER' | 'LIBRETRANSLATE_URL' | 'LIBRETRANSLATE_API_KEY' | 'DEEPL_API_KEY' | 'DEEPL_API_URL'>;

/**
 * The configured provider. A cloud provider that fails is not silently replaced by the offline
 * one: the error surfaces and the caller (import job, staff action) decides whether to retry,
 * fall back, or keep the Chinese text.
 */
export function getTranslationProvider(env: TranslationEnv): TranslationProvider {
  switch (env.TRANSLATION_PROVIDER) {
    case 'offline':
      return offlineProvider;
    case 'libretranslate':
      if (!env.LIBRETRANSLATE_URL) throw new TranslationError('libretranslate', 'LIBRETRANSLATE_URL is not set');
      return libreTranslateProvider({ url: env.LIBRETRANSLATE_URL, apiKey: env.LIBRETRANSLATE_API_KEY });
    case 'deepl':
      if (!env.DEEPL_API_KEY) throw new TranslationError('deepl', 'DEEPL_API_KEY is not set');
      return deeplProvider({ apiKey: env.DEEPL_API_KEY, url: env.DEEPL_API_URL });
  }
}

export interface ProductText {
  title: string;
  description?: string | null;
  attributes: { name: string; value: string }[];
}

export interface TranslatedProduct {
  title: string;
  description: string | null;
  /** Each distinct Chinese spec name and value → its translation; the storefront looks specs up here. */
  attributes: Record<string, string>;
  provider: string;
}

/**
 * Texts without Chinese ("XL", "500ml", "iPhone15") map to themselves without a round trip:
 * cloud providers bill per character and sometimes "translate" model numbers.
 */
async function translateKind(provider: TranslationProvider, texts: string[], to: string, kind: TextKind): Promise<string[] | null> {
  const pending = texts.filter(hasCjk);
  if (pending.length === 0) return texts;
  const translated = await provider.translate(pending, 'zh-CN', to, kind);
  if (translated === null) return null;
  if (translated.length !== pending.length) {
    throw new TranslationError(provider.name, `returned ${translated.length} texts for ${pending.length}`);
  }
  const byText = new Map(pending.map((t, i) => [t, translated[i] ?? t]));
  return texts.map((t) => byText.get(t) ?? t);
}

/**
 * Machine-translates one product's text into `to`, once, at import. Resolves to null when the
 * provider has no translation into `to`; rejects when a cloud provider fails.
 */
export async function translateProduct(provider: TranslationProvider, input: ProductText, to: string): Promise<TranslatedProduct | null> {
  const specTexts = [...new Set(input.attributes.flatMap((a) => [a.name.trim(), a.value.trim()]).filter(Boolean))];
  const description = input.description?.trim() ? input.description : null;
  const [title, specs, body] = await Promise.all([
    translateKind(provider, [input.title.trim()], to, 'title'),
    translateKind(provider, specTexts, to, 'attribute'),
    description ? translateKind(provider, [description], to, 'text') : Promise.resolve([] as string[]),
  ]);
  if (!title || !specs || !body) return null;
  const attributes: Record<string, string> = {};
  specTexts.forEach((zh, i) => {
    attributes[zh] = specs[i] ?? zh;
  });
  return { title: title[0] ?? '', description: description ? (body[0] ?? null) : null, attributes, provider: provider.name };
}
