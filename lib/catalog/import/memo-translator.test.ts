import { describe, expect, it } from 'vitest';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import { memoizeTranslations } from './memo-translator';

function countingProvider() {
  const sent: string[][] = [];
  const provider: TranslationProvider = {
    name: 'counting',
    async translate(texts, _from, to) {
      if (to !== 'en') return null;
      sent.push(texts);
      return texts.map((t) => `en:${t}`);
    },
  };
  return { provider, sent };
}

describe('memoizeTranslations', () => {
  it('sends each distinct text once per locale and kind, keeping order and repeats in answers', async () => {
    const { provider, sent } = countingProvider();
    const memo = memoizeTranslations(provider);
    expect(await memo.translate(['颜色', '黑色', '颜色'], 'zh-CN', 'en', 'attribute')).toEqual(['en:颜色', 'en:黑色', 'en:颜色']);
    expect(await memo.translate(['黑色', '白色'], 'zh-CN', 'en', 'attribute')).toEqual(['en:黑色', 'en:白色']);
    expect(await memo.translate(['黑色'], 'zh-CN', 'en', 'attribute')).toEqual(['en:黑色']);
    // Titles are not remembered (each is one of a kind), and never mixed up with specs.
    expect(await memo.translate(['黑色'], 'zh-CN', 'en', 'title')).toEqual(['en:黑色']);
    expect(await memo.translate(['黑色'], 'zh-CN', 'en', 'title')).toEqual(['en:黑色']);
    expect(sent).toEqual([['颜色', '黑色'], ['白色'], ['黑色'], ['黑色']]);
    expect(memo.stats).toMatchObject({ calls: 2, texts: 6, hits: 2 });
  });

  it('asks about a locale the provider cannot serve only once', async () => {
    const { provider } = countingProvider();
    let asked = 0;
    const memo = memoizeTranslations({ ...provider, translate: async (...args) => (asked++, provider.translate(...args)) });
    expect(await memo.translate(['黑色'], 'zh-CN', 'ja')).toBeNull();
    expect(await memo.translate(['白色'], 'zh-CN', 'ja')).toBeNull();
    expect(asked).toBe(1);
  });

  it('starts over past its bound and does not wrap itself twice', async () => {
    const { provider, sent } = countingProvider();
    const memo = memoizeTranslations(provider, 2);
    await memo.translate(['一', '二'], 'zh-CN', 'en');
    await memo.translate(['三'], 'zh-CN', 'en');
    await memo.translate(['一'], 'zh-CN', 'en');
    expect(sent).toEqual([['一', '二'], ['三'], ['一']]);
    expect(memoizeTranslations(memo)).toBe(memo);
  });
});

describe('memoizeTranslations on descriptions', () => {
  it('translates free text line by line, each distinct line once, keeping blank lines', async () => {
    const { provider, sent } = countingProvider();
    const memo = memoizeTranslations(provider);
    const a = '【材质】纯棉\n\n【发货】48小时内发货';
    const b = '【材质】涤纶\n【发货】48小时内发货';
    expect(await memo.translate([a], 'zh-CN', 'en', 'text')).toEqual(['en:【材质】纯棉\n\nen:【发货】48小时内发货']);
    expect(await memo.translate([b], 'zh-CN', 'en', 'text')).toEqual(['en:【材质】涤纶\nen:【发货】48小时内发货']);
    expect(sent).toEqual([['【材质】纯棉', '【发货】48小时内发货'], ['【材质】涤纶']]);
  });
});
