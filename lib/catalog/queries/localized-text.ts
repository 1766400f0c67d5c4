import 'server-only';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import { products, productTranslations } from '@/db/schema/catalog';
import type { TextLocale } from '../types';

/** A product's text in the shopper's locale and in English, joined beside the product row. */
export const localText = alias(productTranslations, 'pt_local');
export const englishText = alias(productTranslations, 'pt_en');

export function translationJoins(locale: string) {
  return {
    local: [localText, and(eq(localText.productId, products.id), eq(localText.locale, locale))] as const,
    english: [englishText, and(eq(englishText.productId, products.id), eq(englishText.locale, 'en'))] as const,
  };
}

/**
 * The storefront's one fallback rule: the locale's own translation, else English (marked as a
 * fallback), else the Chinese original.
 */
export function pickTitle(local: string | null, english: string | null, zh: string, locale: string): { title: string; titleLang: TextLocale } {
  const lang = local !== null ? locale : english !== null ? 'en' : 'zh-CN';
  return { title: local ?? english ?? zh, titleLang: { lang, isFallback: lang !== locale } };
}
