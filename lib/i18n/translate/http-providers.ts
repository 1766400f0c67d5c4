import 'server-only';
import { z } from 'zod';
import { type TranslationProvider, TranslationError } from './types';

/** Both services cap a request (DeepL: 50 texts, 128 KiB); stay under with room to spare. */
const MAX_TEXTS = 50;
const MAX_CHARS = 30_000;
const DEFAULT_TIMEOUT_MS = 15_000;

interface HttpOptions {
  timeoutMs?: number;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** Splits texts into request-sized batches, keeping order. */
export function batchTexts(texts: string[], maxTexts = MAX_TEXTS, maxChars = MAX_CHARS): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length > 0 && (current.length >= maxTexts || chars + text.length > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function postJson(provider: string, url: string, body: unknown, headers: Record<string, string>, options: HttpOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new TranslationError(provider, `no answer within ${timeoutMs} ms from ${url}`);
    throw new TranslationError(provider, `cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) {
    // Vendor error bodies are short JSON ({"error": …} or {"message": …}); keep them for the log.
    const detail = text.length > 300 ? `${text.slice(0, 300)}…` : text;
    throw new TranslationError(provider, `HTTP ${response.status} from ${url}: ${detail || response.statusText}`, response.status);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TranslationError(provider, `invalid JSON from ${url}`, response.status);
  }
}

function expectCount(provider: string, got: number, want: number): void {
  if (got !== want) throw new TranslationError(provider, `asked for ${want} translations, got ${got}`);
}

/** LibreTranslate language codes: the primary subtag (zh-CN → zh, pt → pt). */
function libreCode(locale: string): string | null {
  const code = locale.split('-')[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(code) ? code : null;
}

const libreResponse = z.object({ translatedText: z.array(z.string()) });

/** LibreTranslate (self-hosted or libretranslate.com): `POST {url}/translate`. */
export function libreTranslateProvider(config: { url: string; apiKey?: string } & HttpOptions): TranslationProvider {
  const endpoint = `${config.url.replace(/\/+$/, '')}/translate`;
  return {
    name: 'libretranslate',
    async translate(texts, from, to) {
      const [source, target] = [libreCode(from), libreCode(to)];
      // zh → zh is not a translation; LibreTranslate rejects it.
      if (!source || !target || source === target) return null;
      const out: string[] = [];
      for (const batch of batchTexts(texts)) {
        const body = { q: batch, source, target, format: 'text', ...(config.apiKey ? { api_key: config.apiKey } : {}) };
        const parsed = libreResponse.safeParse(await postJson('libretranslate', endpoint, body, {}, config));
        if (!parsed.success) throw new TranslationError('libretranslate', 'unexpected response shape (want {translatedText: string[]})');
        expectCount('libretranslate', parsed.data.translatedText.length, batch.length);
        out.push(...parsed.data.translatedText);
      }
      return out;
    },
  };
}

/** Ferry locales → DeepL target codes; DeepL wants a regional variant for EN and PT. */
const DEEPL_TARGETS: Record<string, string> = {
  en: 'EN-US', 'en-us': 'EN-US', 'en-gb': 'EN-GB', pt: 'PT-PT', 'pt-pt': 'PT-PT', 'pt-br': 'PT-BR',
  'zh-cn': 'ZH-HANS', zh: 'ZH-HANS', 'zh-tw': 'ZH-HANT', es: 'ES', fr: 'FR', de: 'DE', ja: 'JA', ko: 'KO',
  ar: 'AR', ru: 'RU', it: 'IT', nl: 'NL', pl: 'PL', tr: 'TR', uk: 'UK', id: 'ID', sv: 'SV',
};

export function deeplTarget(locale: string): string | null {
  return DEEPL_TARGETS[locale.toLowerCase()] ?? null;
}

/** DeepL source codes are bare languages (ZH, EN, DE …): the target table's language, without the variant. */
export function deeplSource(locale: string): string | null {
  return deeplTarget(locale)?.split('-')[0] ?? null;
}

const deeplResponse = z.object({ translations: z.array(z.object({ text: z.string() })) });

/** DeepL API (free keys end in ":fx" and use api-free.deepl.com): `POST {url}/v2/translate`. */
export function deeplProvider(config: { apiKey: string; url: string } & HttpOptions): TranslationProvider {
  const endpoint = `${config.url.replace(/\/+$/, '')}/v2/translate`;
  const headers = { authorization: `DeepL-Auth-Key ${config.apiKey}` };
  return {
    name: 'deepl',
    async translate(texts, from, to) {
      const [source, target] = [deeplSource(from), deeplTarget(to)];
      if (!source || !target || source === target.split('-')[0]) return null;
      const out: string[] = [];
      for (const batch of batchTexts(texts)) {
        const body = { text: batch, source_lang: source, target_lang: target };
        let json: unknown;
        try {
          json = await postJson('deepl', endpoint, body, headers, config);
        } catch (error) {
          // DeepL answers 403 when a free key (":fx") meets the pro host or the reverse.
          const isFreeKey = config.apiKey.endsWith(':fx');
          if (error instanceof TranslationError && error.status === 403 && isFreeKey !== endpoint.includes('api-free')) {
            const hint = 'free keys ending in ":fx" need DEEPL_API_URL=https://api-free.deepl.com, pro keys https://api.deepl.com';
            throw new TranslationError('deepl', `${error.message} (${hint})`, 403);
          }
          throw error;
        }
        const parsed = deeplResponse.safeParse(json);
        if (!parsed.success) throw new TranslationError('deepl', 'unexpected response shape (want {translations: [{text}]})');
        expectCount('deepl', parsed.data.translations.length, batch.length);
        out.push(...parsed.data.translations.map((t) => t.text));
      }
      return out;
    },
  };
}
