import { describe, expect, it } from 'vitest';
import { cedictGloss, cleanSense, pickGloss } from './cedict';
import { titleCase } from './english-case';
import { glossary, glossaryDomains } from './glossary';
import { cutWords } from './segmenter';
import { coverWord, translateWord } from './translate-word';
import { formatQuantity } from './units';

describe('glossary', () => {
  it('holds at least 600 distinct e-commerce entries', () => {
    expect(glossary.size).toBeGreaterThanOrEqual(600);
  });

  it('never gives one word two meanings across domains', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const [domain, entries] of Object.entries(glossaryDomains)) {
      for (const [zh, english] of Object.entries(entries)) {
        const previous = seen.get(zh);
        if (previous !== undefined && previous !== english) conflicts.push(`${zh}: "${previous}" vs "${english}" (${domain})`);
        seen.set(zh, english);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('has English values only, without stray whitespace', () => {
    for (const [zh, english] of glossary) {
      expect(english, zh).not.toMatch(/[\u3400-\u9fff]/);
      expect(english, zh).toBe(english.trim());
    }
  });

  it('covers every common colour family', () => {
    for (const zh of ['黑色', '白色', '红色', '粉色', '橙色', '黄色', '绿色', '蓝色', '紫色', '灰色', '棕色', '米色', '卡其色', '藏青色', '咖啡色', '银色', '金色']) {
      expect(glossary.has(zh), zh).toBe(true);
    }
  });

  it('steers jieba to keep listing words whole', () => {
    expect(cutWords('法式复古碎花连衣裙女夏收腰显瘦')).toEqual(['法式', '复古', '碎花', '连衣裙', '女', '夏', '收腰', '显瘦']);
    expect(cutWords('数据线type-c 1.5米')).toEqual(['数据线', 'type-c', ' ', '1.5', '米']);
  });
});

describe('CC-CEDICT gloss selection', () => {
  it('cleans a sense down to a short gloss', () => {
    expect(cleanSense('(loanword) mug')).toBe('mug');
    expect(cleanSense('to lengthen and shorten')).toBe('lengthen and shorten');
    expect(cleanSense('spacious; roomy; uncrowded')).toBe('spacious');
    expect(cleanSense('telescoping (collapsible)')).toBe('telescoping');
  });

  it('skips senses that are not translations', () => {
    for (const sense of ['surname Bao', 'variant of 家具[jia1 ju4]', 'CL:個|个[ge4]', 'classifier for flat objects', 'abbr. for 公勺[gong1 shao2]', 'lit. inviting wealth', '(literary) surplus']) {
      expect(cleanSense(sense), sense).toBeNull();
    }
  });

  it('prefers the first short, non-definition sense', () => {
    expect(pickGloss(['surname Zhang', 'to make sb leave', 'sheet of paper'])).toBe('sheet of paper');
    expect(pickGloss(['to make sb leave'])).toBe('make sb leave');
    expect(pickGloss(['surname Bao'])).toBeNull();
  });

  it('reads the bundled dictionary, common readings first', () => {
    expect(cedictGloss('恐龙')).toBe('dinosaur');
    expect(cedictGloss('包')).not.toMatch(/surname/);
    expect(cedictGloss('浅')).toBe('shallow');
    expect(cedictGloss('不存在的词语xyz')).toBeNull();
  });
});

describe('word translation fallbacks', () => {
  it('uses the glossary first, then glossary pieces, then CC-CEDICT, then pieces of both', () => {
    expect(translateWord('保温杯')).toEqual({ english: 'Insulated Cup', source: 'glossary' });
    expect(translateWord('宠物猫')).toEqual({ english: 'Pet Cat', source: 'glossary-parts' });
    expect(translateWord('恐龙')).toEqual({ english: 'dinosaur', source: 'cedict' });
    expect(translateWord('恐龙裤').source).toBe('chars');
    expect(translateWord('恐龙裤').english).toBe('dinosaur Pants');
  });

  it('keeps a character nothing knows instead of inventing pinyin', () => {
    expect(translateWord('龘').source).toBe('untranslated');
    expect(coverWord('龘龘')?.map((p) => p.english)).toEqual(['龘', '龘']);
  });
});

describe('units and casing', () => {
  it('formats quantities', () => {
    expect(formatQuantity('3', '只装')).toBe('3-Pack');
    expect(formatQuantity('1.5', '米')).toBe('1.5m');
    expect(formatQuantity('3', '猫')).toBeNull();
  });

  it('title-cases without breaking deliberate casing', () => {
    expect(titleCase("women's t-shirt with iPhone15 case and XL SIZE")).toBe("Women's T-Shirt with iPhone15 Case and XL SIZE");
    expect(titleCase('with lid')).toBe('With Lid');
  });
});
