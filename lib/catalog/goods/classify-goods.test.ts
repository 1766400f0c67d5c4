import { describe, expect, it } from 'vitest';
import { classifyGoods, type GoodsSignals } from './classify-goods';

const table: [string, GoodsSignals, string[]][] = [
  // Batteries, as 1688 sellers write them.
  ['power bank', { title: '跨境磁吸充电宝10000毫安大容量快充移动电源' }, ['battery', 'magnet']],
  ['battery box is still battery goods', { title: '5号电池盒带开关 DIY电池座' }, ['battery']],
  ['lithium cell', { title: '聚合物锂电芯 3.7V 软包' }, ['battery']],
  ['battery named only in a spec', { title: '户外便携蓝牙音箱重低音', attributes: [{ name: '供电方式', value: '锂电池' }] }, ['battery']],
  ['capacity in a SKU spec', { title: '迷你便携自带线', attributes: [{ name: '容量', value: '5000毫安' }] }, ['battery']],
  ['power-banks category alone', { title: '卡通可爱学生款', categorySlug: 'power-banks' }, ['battery']],
  ['English power bank', { title: '充电器', titleEn: 'Power bank 20000mAh fast charging' }, ['battery']],
  ['batteries not included (zh)', { title: '儿童遥控车玩具 不含电池' }, []],
  ['batteries not included (en)', { title: '遥控车', titleEn: 'RC car toy, batteries not included' }, []],
  ['earbuds say nothing: the warehouse finds it', { title: '无线蓝牙耳机降噪入耳式', attributes: [{ name: '续航时间', value: '6小时' }] }, []],
  // Liquids.
  ['serum in ml', { title: '补水保湿精华液30ml' }, ['liquid']],
  ['perfume', { title: '香水女士持久淡香 50ML' }, ['liquid']],
  ['spray', { title: '防晒喷雾SPF50清爽' }, ['liquid']],
  ['essential oil', { title: '玫瑰精油按摩油' }, ['liquid']],
  ['toner', { title: '爽肤水补水' }, ['liquid']],
  ['volume in a SKU spec', { title: '温和滋润面霜', attributes: [{ name: '容量', value: '100ml' }] }, ['liquid']],
  ['LCD is not liquid', { title: 'LCD液晶手写板儿童画板' }, []],
  ['liquid silicone case is not liquid', { title: '液态硅胶手机壳适用iPhone15' }, []],
  ['English liquid silicone', { title: '手机壳', titleEn: 'Liquid silicone phone case' }, []],
  ['oil pastels are not liquid', { title: '油画棒24色儿童' }, []],
  ['oily skin is not liquid', { title: '控油洁面巾', attributes: [{ name: '适合肤质', value: '油性' }] }, []],
  ['oiled leather is not liquid', { title: '油蜡皮男士钱包' }, []],
  ['empty spray bottle is not liquid', { title: '香水分装瓶10ml', titleEn: 'Empty spray bottle 100 ml' }, []],
  ['a cup’s capacity is not liquid', { title: '大容量吸管杯', attributes: [{ name: '容量', value: '750ml' }] }, []],
  ['a baby bottle’s capacity and liquid-silicone teat are not liquid', { title: '宽口径奶瓶', attributes: [{ name: '奶嘴材质', value: '液体硅胶' }, { name: '容量', value: '240ml' }] }, []],
  ['car cleaner sold by the litre is liquid', { title: '跨境镀膜清洁剂', attributes: [{ name: '规格', value: '500ml' }, { name: '规格', value: '2L' }] }, ['liquid']],
  ['avocado green is a colour, not oil', { title: '宽松短袖T恤女', attributes: [{ name: '颜色', value: '牛油果绿' }] }, []],
  ['a pen’s ink colour is not liquid', { title: '考试专用圆珠笔', attributes: [{ name: '墨水颜色', value: '黑色' }] }, []],
  ['waterproof cup is not liquid', { title: '防水保温杯水杯' }, []],
  ['English perfume', { title: '女士', titleEn: 'Perfume for women 100ml' }, ['liquid']],
  // Powders.
  ['loose powder', { title: '控油散粉定妆粉饼' }, ['powder']],
  ['protein powder', { title: '蛋白粉乳清健身' }, ['powder']],
  ['pink is not powder', { title: '粉色连衣裙女夏季', attributes: [{ name: '颜色', value: '粉红色' }] }, []],
  ['powder brush is not powder', { title: '化妆刷套装 散粉刷 腮红刷' }, []],
  ['English powder brush', { title: '化妆刷', titleEn: 'Loose powder brush' }, []],
  ['a brush that "does not eat powder" is not powder', { title: '化妆刷套装学生不吃粉' }, []],
  ['chalk is not powder', { title: '无尘粉笔白色' }, []],
  ['liquid foundation is liquid, not powder', { title: '粉底液遮瑕' }, ['liquid']],
  // Magnets.
  ['neodymium magnet', { title: '强力磁铁钕铁硼圆形' }, ['magnet']],
  ['magnetic fridge sticker', { title: '冰箱贴磁性留言贴' }, ['magnet']],
  ['English magnetic holder', { title: '支架', titleEn: 'Magnetic phone holder' }, ['magnet']],
  ['a bag’s magnetic clasp is not a magnet', { title: '单肩包女', attributes: [{ name: '闭合方式', value: '磁扣' }] }, []],
  ['RC car sold with batteries (a SKU spec named 电池)', { title: '合金漂移赛车', attributes: [{ name: '电池', value: '双电' }] }, ['battery']],
  ['induction cooker is not a magnet', { title: '电磁炉家用' }, []],
  // Brands.
  ['famous brand in the title', { title: 'Nike耐克运动鞋男' }, ['brand']],
  ['brand spec', { title: '运动鞋男', attributes: [{ name: '品牌', value: '阿迪达斯' }] }, ['brand']],
  ['brand spec naming none', { title: '运动鞋男', attributes: [{ name: '品牌', value: '其他' }] }, []],
  ['iPhone-compatible case is not brand goods', { title: '适用苹果iPhone15手机壳', titleEn: 'Case for Apple iPhone 15' }, []],
  // Plain goods.
  ['t-shirt', { title: '2025夏季新款纯棉短袖T恤女', attributes: [{ name: '材质', value: '棉' }] }, []],
];

describe('classifyGoods', () => {
  it.each(table)('%s', (_name, signals, expected) => {
    expect(classifyGoods(signals)).toEqual(expected);
  });

  it('answers in the shipping goods order, each once', () => {
    expect(classifyGoods({ title: '磁吸 香水 电池 电池 粉' })).toEqual(['battery', 'liquid', 'powder', 'magnet']);
  });
});
