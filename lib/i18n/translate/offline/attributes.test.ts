import { describe, expect, it } from 'vitest';
import { offlineProvider } from './index';

/** Spec names and values as 1688 SKUs carry them, with the English a shopper should see. */
const ATTRIBUTES: [string, string][] = [
  ['颜色', 'Color'],
  ['尺码', 'Size'],
  ['材质', 'Material'],
  ['藏青色', 'Navy Blue'],
  ['均码', 'One Size'],
  ['XL', 'XL'],
  ['2XL', '2XL'],
  ['S码', 'Size S'],
  ['38码', 'Size 38'],
  ['米白色', 'Off-White'],
  ['卡其色', 'Khaki'],
  ['雾霾蓝', 'Haze Blue'],
  ['酒红色', 'Wine Red'],
  ['黑色', 'Black'],
  ['浅灰色', 'Light Gray'],
  ['军绿色', 'Army Green'],
  ['杏色', 'Apricot'],
  ['图片色', 'As Pictured'],
  ['如图', 'As Pictured'],
  ['规格', 'Specification'],
  ['容量', 'Capacity'],
  ['500ml', '500ml'],
  ['款式', 'Style'],
  ['套餐', 'Bundle'],
  ['三件套', '3-Piece Set'],
  ['适用年龄', 'Suitable Age'],
  ['3-6岁', '3-6 Years'],
  ['面料', 'Fabric'],
  ['纯棉', 'Pure Cotton'],
  ['聚酯纤维', 'Polyester'],
  ['版型', 'Fit'],
  ['宽松', 'Loose'],
  ['尺寸', 'Size'],
  ['80*120cm', '80*120cm'], // no Chinese: kept exactly as the seller wrote it
  ['尺寸80*120cm', 'Size 80x120cm'],
  ['型号', 'Model'],
  ['适用机型', 'Compatible Model'],
  ['iPhone15', 'iPhone15'],
  ['颜色分类', 'Color'],
  ['升级款', 'Upgraded'],
  ['标准款', 'Standard'],
  ['大号', 'Large'],
  ['玫瑰金', 'Rose Gold'],
  ['透明色', 'Clear'],
];

describe('offline provider: attribute names and values', () => {
  it('translates every spec in one call, in order', async () => {
    const out = await offlineProvider.translate(ATTRIBUTES.map(([zh]) => zh), 'zh-CN', 'en', 'attribute');
    expect(out).toEqual(ATTRIBUTES.map(([, english]) => english));
  });

  it.each([
    ['1.5米', '1.5m'],
    ['20000毫安', '20000mAh'],
    ['10个装', '10-Pack'],
    ['两件套', '2-Piece Set'],
    ['6寸', '6-Inch'],
    ['100%纯棉', '100% Pure Cotton'],
  ])('formats the quantity in %s', async (zh, english) => {
    expect(await offlineProvider.translate([zh], 'zh-CN', 'en', 'attribute')).toEqual([english]);
  });
});
