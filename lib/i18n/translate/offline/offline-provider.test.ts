import { describe, expect, it } from 'vitest';
import { offlineProvider } from './index';

const CJK = /[\u3400-\u9fff]/;

async function en(texts: string[], kind: 'title' | 'attribute' | 'text'): Promise<string[]> {
  const out = await offlineProvider.translate(texts, 'zh-CN', 'en', kind);
  if (!out) throw new Error('offline provider refused en');
  return out;
}

/** Realistic 1688 titles and words each English title must contain. */
const TITLES: [string, string[]][] = [
  ['法式复古碎花连衣裙女夏收腰显瘦气质长裙', ['French-Style', 'Vintage', 'Floral Dress', "Women's", 'Cinched Waist', 'Slimming']],
  ['男士休闲裤宽松直筒运动裤秋冬加绒加厚', ["Men's", 'Casual Pants', 'Sweatpants', 'Fleece-Lined']],
  ['跨境新款蓝牙耳机无线入耳式降噪运动耳机', ['Cross-Border', 'Bluetooth Earphones', 'Wireless', 'In-Ear', 'Noise-Canceling']],
  ['iPhone15手机壳透明硅胶防摔保护套', ['iPhone15', 'Phone Case', 'Transparent', 'Silicone', 'Shockproof']],
  ['网红爆款ins风陶瓷马克杯带盖勺咖啡杯', ['Viral', 'Bestseller', 'INS Style', 'Ceramic Mug', 'with Lid', 'Coffee Cup']],
  ['一件代发女士单肩包斜挎包链条小方包', ['Dropshipping', "Women's", 'Shoulder Bag', 'Crossbody Bag', 'Chain']],
  ['儿童益智积木玩具拼装大颗粒男孩女孩3-6岁', ['Kids', 'Educational', 'Building Blocks', 'Toy', '3-6 Years']],
  ['宠物猫砂盆全封闭式防外溅猫厕所', ['Pet', 'Cat Litter Box', 'Fully Enclosed', 'Anti-Splash']],
  ['厂家批发加厚垃圾袋家用手提式背心袋', ['Wholesale', 'Thickened', 'Trash Bag', 'Household']],
  ['不锈钢厨房置物架壁挂式免打孔调料架', ['Stainless Steel', 'Kitchen', 'Storage Shelf', 'Wall-Mounted', 'No-Drill', 'Spice Rack']],
  ['防晒衣女夏季冰丝薄款长袖防紫外线外套', ['Sun Protection Jacket', 'Ice Silk', 'Long-Sleeve', 'UV Protection']],
  ['数据线快充type-c适用苹果华为充电线1米', ['Data Cable', 'Fast Charging', 'Type-C', 'Compatible with Apple', 'Huawei', '1m']],
  ['纯棉四件套床上用品被套床单枕套', ['Pure Cotton', '4-Piece Set', 'Bedding', 'Duvet Cover', 'Bed Sheet', 'Pillowcase']],
  ['瑜伽垫加厚加宽防滑健身垫初学者', ['Yoga Mat', 'Non-Slip', 'Fitness Mat', 'Beginners']],
  ['925银项链女锁骨链简约气质饰品', ['925 Silver Necklace', 'Collarbone Chain', 'Minimalist', 'Jewelry']],
  ['户外露营帐篷自动速开防雨野营装备', ['Outdoor', 'Camping', 'Tent', 'Automatic', 'Rainproof', 'Gear']],
  ['狗狗牵引绳中小型犬遛狗绳胸背带', ['Dog', 'Leash', 'Harness']],
  ['高腰牛仔裤女直筒宽松阔腿裤显瘦', ['High-Waist', 'Jeans', 'Wide-Leg Pants', 'Slimming']],
  ['led小夜灯卧室床头灯充电式', ['LED', 'Night Light', 'Bedroom', 'Bedside Lamp', 'Rechargeable']],
  ['磁吸充电宝20000毫安大容量移动电源', ['Magnetic', 'Power Bank', '20000mAh', 'Large Capacity']],
  ['加厚珊瑚绒睡衣女冬季可爱卡通家居服套装', ['Coral Fleece', 'Pajamas', 'Winter', 'Cute', 'Cartoon', 'Loungewear']],
  ['新款老爹鞋女春季百搭厚底增高ins潮休闲运动鞋子', ['Chunky Sneakers', 'Versatile', 'Platform', 'INS', 'Trendy']],
  ['手机壳适用苹果15promax新款磁吸液态硅胶全包镜头', ['Phone Case', 'Apple', '15 Pro Max', 'Liquid Silicone']],
  ['玻璃密封罐食品级储物罐厨房杂粮收纳罐', ['Glass', 'Airtight Jar', 'Food-Grade', 'Storage Jar', 'Kitchen']],
  ['婴儿连体衣纯棉新生儿哈衣宝宝睡衣爬服', ['Baby', 'Romper', 'Pure Cotton', 'Newborn', 'Pajamas']],
  ['猫抓板瓦楞纸猫窝耐磨不掉屑猫咪玩具', ['Cat Scratcher', 'Corrugated Paper', 'Cat Bed', 'Cat Toy']],
  ['乒乓球拍单拍初学者训练比赛专业级', ['Table Tennis Paddle', 'Beginners', 'Training', 'Professional']],
  ['汽车脚垫全包围专用丝圈脚垫', ['Car', 'Floor Mats', 'Full-Surround']],
  ['车载充电器一拖二快充点烟器转换插头', ['Car Charger', '2-in-1', 'Fast Charging', 'Cigarette Lighter']],
  ['智能插座wifi远程控制定时开关', ['Smart Plug', 'WiFi', 'Remote Control', 'Timer Switch']],
  ['led灯泡e27螺口节能灯家用超亮', ['LED Light Bulb', 'E27', 'Screw Base', 'Super Bright']],
  ['竹制筷子家用高档防霉防滑10双装', ['Bamboo', 'Chopsticks', 'Mold-Proof', '10-Pair Pack']],
  ['铸铁锅家用炖锅无涂层汤锅', ['Cast Iron Pot', 'Stew Pot', 'Uncoated', 'Soup Pot']],
  ['电钻充电式手电钻锂电池家用电动螺丝刀', ['Electric Drill', 'Cordless Drill', 'Lithium Battery', 'Screwdriver']],
  ['太阳镜女偏光防紫外线墨镜大框', ['Sunglasses', 'Polarized', 'UV Protection', 'Large Frame']],
  ['草帽女夏季遮阳帽海边度假沙滩帽', ['Straw Hat', 'Sun Hat', 'Beach Hat']],
  ['复古格子半身裙女秋冬a字高腰百褶短裙', ['Vintage', 'Plaid', 'Skirt', 'A-Line', 'High-Waist', 'Pleated']],
  ['文件收纳袋拉链袋a4透明资料袋', ['Document', 'Storage Bag', 'Zipper Bag', 'A4', 'Transparent']],
  ['宝宝口水巾纯棉婴儿围嘴新生儿用品', ['Baby', 'Drool Bib', 'Pure Cotton', 'Newborn']],
  ['足浴盆全自动按摩加热泡脚桶家用', ['Foot Spa', 'Fully Automatic', 'Massage', 'Heating']],
  ['s925纯银项链女锁骨链轻奢小众', ['S925', 'Sterling Silver', 'Necklace', 'Affordable Luxury']],
  ['新年春节对联福字门贴红包', ['New Year', 'Spring Festival', 'Couplets', 'Red Envelope']],
];

describe('offline provider: titles', () => {
  it('translates the reference titles exactly', async () => {
    const out = await en(['2025夏季新款韩版宽松纯棉短袖T恤女ins潮', '厂家直销不锈钢保温杯大容量便携水杯'], 'title');
    expect(out).toEqual([
      "2025 Summer New Korean-Style Loose Pure Cotton Short-Sleeve T-Shirt Women's INS Trendy",
      'Factory Direct Stainless Steel Insulated Cup Large Capacity Portable Water Cup',
    ]);
  });

  it.each(TITLES)('%s', async (zh, words) => {
    const [title = ''] = await en([zh], 'title');
    expect(title).not.toMatch(CJK);
    for (const word of words) expect(title).toContain(word);
  });

  it('writes Title Case with lower-case small words and no doubled words', async () => {
    const out = await en(TITLES.map(([zh]) => zh), 'title');
    for (const title of out) {
      const words = title.split(' ');
      for (const [i, word] of words.entries()) {
        if (i > 0 && ['with', 'and', 'for', 'of'].includes(word)) continue;
        if (/[A-Z\d]/.test(word.slice(1))) continue; // iPhone15, mAh: the seller's casing
        expect(word.charAt(0), `${word} in ${title}`).not.toMatch(/[a-z]/);
        expect(word.toLowerCase(), `doubled word in ${title}`).not.toBe(words[i - 1]?.toLowerCase());
      }
      expect(title).not.toMatch(/\s{2}|^\s|\s$/);
    }
  });

  it('collapses synonyms that translate alike (加肥加大 → one "Plus Size")', async () => {
    const [title = ''] = await en(['大码男装胖子宽松短袖t恤加肥加大'], 'title');
    expect(title).toContain('T-Shirt');
    expect(title).not.toMatch(/Plus Size Plus Size/);
  });

  it('passes Latin model names, sizes and numbers through', async () => {
    const [title = ''] = await en(['华为Mate60 Pro手机壳XL码2025款15W快充'], 'title');
    expect(title).toContain('Mate60 Pro');
    expect(title).toContain('Size XL');
    expect(title).toContain('2025');
    expect(title).toContain('15W');
  });

  it('drops filler particles and bracket punctuation', async () => {
    const [title = ''] = await en(['【包邮】女士的连衣裙，了'], 'title');
    expect(title).toBe("Free Shipping Women's Dress");
  });

  it('falls back to CC-CEDICT for words outside the glossary', async () => {
    const [title = ''] = await en(['恐龙玩具'], 'title'); // 恐龙 is not in the glossary
    expect(title).toBe('Dinosaur Toy');
  });

  it('leaves text without Chinese alone', async () => {
    expect(await en(['Already English', ''], 'title')).toEqual(['Already English', '']);
  });
});

describe('offline provider: descriptions', () => {
  it('keeps sentences, punctuation and line breaks', async () => {
    const [text = ''] = await en(['纯棉面料，透气舒适。\n适用于夏季。'], 'text');
    const [first = '', second = ''] = text.split('\n');
    expect(first).toBe('Pure cotton fabric, breathable comfortable.');
    expect(second).toMatch(/^Compatible with summer\.$/);
  });
});

describe('offline provider: locales', () => {
  it('serves English variants', async () => {
    expect(await offlineProvider.translate(['连衣裙'], 'zh-CN', 'en-GB', 'title')).toEqual(['Dress']);
  });

  it.each(['es', 'fr', 'de', 'ja', 'ko', 'ar', 'ru', 'pt', 'zh-CN'])('returns null for %s', async (locale) => {
    expect(await offlineProvider.translate(['连衣裙'], 'zh-CN', locale, 'title')).toBeNull();
  });
});
