import { describe, expect, it } from 'vitest';
import { translateNoteEnZh } from './note-en-zh';
import { offlineProvider } from './index';

describe("the offline draft of a shopper's note in Chinese", () => {
  it.each([
    ['Please check the quality before shipping, no logo.', '发货前请检查质量，不要logo。'],
    ['Remove the tags! It is a gift', '去掉吊牌。这是礼物。'],
    ['Same color as the picture please; pack it well with bubble wrap', '请颜色和图片一样。包装好带气泡膜。'],
    ['dark green, no flyers', '墨绿色，不要放广告单。'],
    ['No invoice, no price tag', '不要发票，不要价格标签。'],
  ])('%s → %s', (note, chinese) => {
    expect(translateNoteEnZh(note)).toBe(chinese);
  });

  it('keeps sizes, model numbers and words it does not know as the shopper wrote them, for the purchaser to see', () => {
    expect(translateNoteEnZh('Send the black one in XL')).toBe('发黑色XL。');
    expect(translateNoteEnZh('iPhone 15 Pro case, no logo')).toBe('iPhone 15 Pro case，不要logo。');
  });

  it('gives nothing for an empty note', () => {
    expect(translateNoteEnZh('  \n ')).toBe('');
  });

  it('is the offline provider for English → Chinese only; product text still goes Chinese → English', async () => {
    expect(await offlineProvider.translate(['no logo'], 'en', 'zh-CN')).toEqual(['不要logo。']);
    expect(await offlineProvider.translate(['ohne Logo'], 'de', 'zh-CN')).toBeNull();
    expect(await offlineProvider.translate(['黑色'], 'zh-CN', 'en', 'attribute')).toEqual(['Black']);
    expect(await offlineProvider.translate(['黑色'], 'zh-CN', 'de', 'attribute')).toBeNull();
  });
});
