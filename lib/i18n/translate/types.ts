/**
 * How a text is used, so a provider can shape its output: titles get Title Case and no
 * punctuation, attribute names/values stay short, free text keeps sentences and punctuation.
 * Cloud providers may ignore it; the offline provider relies on it.
 */
export type TextKind = 'title' | 'attribute' | 'text';

/**
 * Product text always comes from Chinese marketplaces; the one text that travels the other way is a
 * shopper's note to the seller (lib/purchasing/buyer-notes), from the shopper's locale into zh-CN.
 */
export type SourceLocale = 'zh-CN';

export interface TranslationProvider {
  /** Stored with each translation (product_translations.provider), so keep it short and stable. */
  readonly name: string;
  /**
   * Translates `texts` in order; the result has the same length.
   * Resolves to null when this provider cannot translate from `from` into `to`; rejects on transport errors.
   */
  translate(texts: string[], from: string, to: string, kind?: TextKind): Promise<string[] | null>;
}

export class TranslationError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'TranslationError';
  }
}
