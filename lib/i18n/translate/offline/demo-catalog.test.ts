import { describe, expect, it } from 'vitest';
import { generateOffers } from '@/lib/catalog/demo';
import { offlineProvider } from './index';

/**
 * The demo catalog is what every visitor reads first: its English must never show Chinese
 * characters or the tell-tale CC-CEDICT artefacts of word-by-word translation.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Words that betray a dictionary sense or a character-by-character guess (word-bounded, any case). */
const SUSPICIOUS = [
  'surname', 'variant', 'one thing', 'wide east', 'lay', 'compassion', 'cozy', 'prefecture', 'sb', 'sth', "one's",
  'oneself', 'abbr', 'classifier', 'that level', 'to have', 'in favou?r of', 'point out', 'serve as', 'material object',
  'light ray', 'might exist', 'make into', 'get rid of', 'whether', 'negate', 'revolve', 'ascertain', 'rice-flour',
  'lower back', 'coming together', 'take the lid', 'put on or wear', 'confine', 'feces', 'fart',
].map((word) => new RegExp(`\\b${word}\\b`, 'i'));

const offers = [...generateOffers({ count: 300 })];

async function translateAll(texts: string[], kind: 'title' | 'attribute' | 'text'): Promise<Map<string, string>> {
  const distinct = [...new Set(texts.filter((t) => CJK.test(t)))];
  const out = await offlineProvider.translate(distinct, 'zh-CN', 'en', kind);
  if (!out) throw new Error('offline provider refused en');
  return new Map(distinct.map((zh, i) => [zh, out[i] ?? '']));
}

/** "zh → en" for every translation that still holds Chinese or a suspicious word. */
function badTranslations(translations: Map<string, string>): string[] {
  const bad: string[] = [];
  for (const [zh, english] of translations) {
    const hits = SUSPICIOUS.filter((re) => re.test(english)).map((re) => re.source);
    if (CJK.test(english) || hits.length > 0) bad.push(`${zh} → ${english} ${hits.join(' ')}`.trim());
  }
  return bad;
}

describe('demo catalog English (first 300 offers)', () => {
  it('translates every title cleanly', async () => {
    const titles = await translateAll(
      offers.map((o) => o.subject),
      'title',
    );
    expect(titles.size).toBeGreaterThan(250);
    expect(badTranslations(titles)).toEqual([]);
  });

  it('translates every attribute and SKU spec name cleanly', async () => {
    const names = offers.flatMap((o) => [...o.attributes, ...o.skus.flatMap((s) => s.attributes)].map((a) => a.name));
    expect(badTranslations(await translateAll(names, 'attribute'))).toEqual([]);
  });

  it('translates every attribute and SKU spec value cleanly', async () => {
    const values = offers.flatMap((o) => [...o.attributes, ...o.skus.flatMap((s) => s.attributes)].map((a) => a.value));
    expect(badTranslations(await translateAll(values, 'attribute'))).toEqual([]);
  });

  it('translates every description and seller location cleanly', async () => {
    const descriptions = await translateAll(
      offers.map((o) => o.description),
      'text',
    );
    expect(badTranslations(descriptions)).toEqual([]);
    expect(badTranslations(await translateAll(offers.map((o) => o.seller.location), 'attribute'))).toEqual([]);
  });

  it('flags the artefacts it is meant to catch', () => {
    const flagged = badTranslations(
      new Map([
        ['a', 'Whether Cross-Border Export Focused on One Thing Lay Supply of Goods'],
        ['b', 'Wide East Wide Prefecture'],
        ['c', '浙 River Justice Crow'],
        ['d', 'Cozy Point Out'],
        ['e', 'Layered Necklace'],
      ]),
    );
    expect(flagged.map((line) => line.charAt(0))).toEqual(['a', 'b', 'c', 'd']);
  });
});
