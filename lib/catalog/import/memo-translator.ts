import type { TextKind, TranslationProvider } from '@/lib/i18n/translate/types';

export type MemoTranslator = TranslationProvider & {
  readonly stats: { calls: number; texts: number; hits: number };
  readonly isMemo: true;
};

/**
 * A translation provider that remembers what it translated, for the length of one import run.
 * Listings repeat their spec names and values endlessly (颜色, 黑色, 均码 …): 2,000 demo offers
 * send ~390,000 attribute texts of which ~530 are distinct. Only texts not seen before reach the
 * underlying provider (a cloud one bills per character), and a locale it cannot serve is asked once.
 * Free text (descriptions) is remembered line by line: 1688 descriptions are lines of specs and
 * shop notices (【发货】下单后48小时内发货), and 87% of the demo catalog's lines repeat elsewhere.
 * Bounded: past `maxEntries` the memory is dropped and starts over.
 */
export function memoizeTranslations(provider: TranslationProvider, maxEntries = 200_000): MemoTranslator {
  if ((provider as Partial<MemoTranslator>).isMemo) return provider as MemoTranslator;
  let memory = new Map<string, string>();
  const unsupported = new Set<string>();
  const stats = { calls: 0, texts: 0, hits: 0 };
  const keyOf = (to: string, kind: TextKind | undefined, text: string) => `${to}\u0000${kind ?? ''}\u0000${text}`;

  const translate = async (texts: string[], from: string, to: string, kind?: TextKind): Promise<string[] | null> => {
    if (unsupported.has(to)) return null;
    // Titles are one of a kind: remembering 100,000 of them would only cost memory.
    if (kind === 'title') {
      const translated = await provider.translate(texts, from, to, kind);
      if (translated === null) unsupported.add(to);
      return translated;
    }
    if (kind === 'text' && texts.some((t) => t.includes('\n'))) {
      const lines = texts.map((t) => t.split(/\r?\n/));
      const flat = await translate(lines.flat().filter((l) => l.trim() !== ''), from, to, kind);
      if (flat === null) return null;
      let k = 0;
      return lines.map((ls) => ls.map((l) => (l.trim() === '' ? l : (flat[k++] ?? l))).join('\n'));
    }
    stats.texts += texts.length;
    const found = new Map<string, string>();
    for (const t of texts) {
      const known = memory.get(keyOf(to, kind, t));
      if (known !== undefined) found.set(t, known);
    }
    stats.hits += texts.filter((t) => found.has(t)).length;
    const missing = [...new Set(texts.filter((t) => !found.has(t)))];
    if (missing.length > 0) {
      stats.calls += 1;
      const translated = await provider.translate(missing, from, to, kind);
      if (translated === null) {
        unsupported.add(to);
        return null;
      }
      if (memory.size + missing.length > maxEntries) memory = new Map();
      missing.forEach((text, i) => {
        found.set(text, translated[i] ?? text);
        memory.set(keyOf(to, kind, text), translated[i] ?? text);
      });
    }
    return texts.map((t) => found.get(t) ?? t);
  };
  return { name: provider.name, isMemo: true, stats, translate };
}
