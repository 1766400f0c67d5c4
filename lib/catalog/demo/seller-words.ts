/**
 * Building blocks of Chinese supplier names. Places are the real industrial clusters behind each
 * category on 1688 (Yiwu small goods, Shenzhen electronics, Baigou bags, Chenghai toys …), so a
 * seller's city and its 产地 attribute read right to a buyer who knows the market.
 */

export type Place = {
  province: string;
  city: string;
  cityEn: string;
  /** Districts, towns or county-level cities that appear in factory names. */
  districts: readonly (readonly [zh: string, en: string])[];
};

const p = (province: string, city: string, cityEn: string, districts: Place['districts'] = []): Place => ({
  province,
  city,
  cityEn,
  districts,
});

export const places = {
  guangzhou: p('广东', '广州', 'Guangzhou', [['白云区', 'Baiyun'], ['番禺区', 'Panyu'], ['海珠区', 'Haizhu'], ['花都区', 'Huadu']]),
  shenzhen: p('广东', '深圳', 'Shenzhen', [['宝安区', "Bao'an"], ['龙华区', 'Longhua'], ['龙岗区', 'Longgang'], ['福田区', 'Futian']]),
  dongguan: p('广东', '东莞', 'Dongguan', [['虎门镇', 'Humen'], ['长安镇', "Chang'an"]]),
  shantou: p('广东', '汕头', 'Shantou', [['澄海区', 'Chenghai']]),
  chaozhou: p('广东', '潮州', 'Chaozhou', [['潮安区', "Chao'an"]]),
  jieyang: p('广东', '揭阳', 'Jieyang', [['榕城区', 'Rongcheng']]),
  yiwu: p('浙江', '义乌', 'Yiwu'),
  hangzhou: p('浙江', '杭州', 'Hangzhou', [['余杭区', 'Yuhang'], ['萧山区', 'Xiaoshan'], ['桐庐县', 'Tonglu']]),
  ningbo: p('浙江', '宁波', 'Ningbo', [['鄞州区', 'Yinzhou'], ['宁海县', 'Ninghai']]),
  wenzhou: p('浙江', '温州', 'Wenzhou', [['鹿城区', 'Lucheng'], ['瓯海区', "Ou'hai"]]),
  yongkang: p('浙江', '永康', 'Yongkang'),
  huzhou: p('浙江', '湖州', 'Huzhou', [['吴兴区', 'Wuxing']]),
  taizhou: p('浙江', '台州', 'Taizhou', [['黄岩区', 'Huangyan']]),
  pinghu: p('浙江', '平湖', 'Pinghu'),
  quanzhou: p('福建', '泉州', 'Quanzhou', [['晋江市', 'Jinjiang'], ['丰泽区', 'Fengze']]),
  shishi: p('福建', '石狮', 'Shishi'),
  baoding: p('河北', '保定', 'Baoding', [['白沟新城', 'Baigou']]),
  dingzhou: p('河北', '定州', 'Dingzhou'),
  yangzhou: p('江苏', '扬州', 'Yangzhou', [['邗江区', 'Hanjiang']]),
  nantong: p('江苏', '南通', 'Nantong', [['通州区', 'Tongzhou']]),
  changzhou: p('江苏', '常州', 'Changzhou', [['武进区', 'Wujin']]),
  qingdao: p('山东', '青岛', 'Qingdao', [['城阳区', 'Chengyang']]),
  chengdu: p('四川', '成都', 'Chengdu', [['武侯区', 'Wuhou']]),
} as const;

type PlaceKey = keyof typeof places;
type Words = readonly (readonly [zh: string, en: string])[];

export type Industry = {
  places: readonly PlaceKey[];
  /**
   * Trade words before 有限公司 / 商行: 服饰, 电子科技 … Kept as broad as the top-level category,
   * because a seller is drawn for any leaf of it (a 厨具 company selling cushions would jar).
   */
  company: Words;
  /** Words that already end in 厂: 服装厂, 鞋厂 … */
  factory: Words;
  /** Short word for the shop's login name: 佳禾服饰, 优联数码. */
  shop: string;
};

const clothing: Industry = {
  places: ['guangzhou', 'hangzhou', 'dongguan', 'shishi', 'huzhou'],
  company: [['服饰', 'Apparel'], ['服装', 'Garment'], ['服饰贸易', 'Apparel Trading']],
  factory: [['服装厂', 'Garment Factory'], ['制衣厂', 'Clothing Factory'], ['服饰厂', 'Apparel Factory']],
  shop: '服饰',
};

/** Keyed by top-level category slug. */
export const industries: Readonly<Record<string, Industry>> = {
  'womens-clothing': clothing,
  'mens-clothing': clothing,
  shoes: {
    places: ['quanzhou', 'wenzhou', 'guangzhou', 'chengdu'],
    company: [['鞋业', 'Shoes'], ['鞋业贸易', 'Footwear Trading']],
    factory: [['鞋厂', 'Shoe Factory'], ['鞋业厂', 'Footwear Factory']],
    shop: '鞋业',
  },
  'bags-luggage': {
    places: ['baoding', 'guangzhou', 'pinghu', 'yiwu'],
    company: [['箱包', 'Bags'], ['皮具', 'Leather Goods'], ['箱包皮具', 'Bags and Leather Goods']],
    factory: [['皮具厂', 'Leather Goods Factory'], ['箱包厂', 'Bag Factory']],
    shop: '箱包',
  },
  'phone-accessories': {
    places: ['shenzhen', 'dongguan', 'guangzhou'],
    company: [['电子科技', 'Electronic Technology'], ['数码科技', 'Digital Technology'], ['电子', 'Electronics']],
    factory: [['电子厂', 'Electronics Factory']],
    shop: '数码',
  },
  electronics: {
    places: ['shenzhen', 'dongguan'],
    company: [['电子科技', 'Electronic Technology'], ['智能科技', 'Smart Technology'], ['数码科技', 'Digital Technology']],
    factory: [['电子厂', 'Electronics Factory']],
    shop: '电子',
  },
  'home-kitchen': {
    places: ['yiwu', 'yongkang', 'chaozhou', 'jieyang', 'taizhou', 'nantong'],
    company: [['日用品', 'Daily Necessities'], ['家居用品', 'Household Products'], ['家居', 'Home Furnishing']],
    factory: [['日用品厂', 'Daily Necessities Factory'], ['家居用品厂', 'Household Products Factory']],
    shop: '日用',
  },
  beauty: {
    places: ['guangzhou', 'yiwu', 'shenzhen'],
    company: [['化妆品', 'Cosmetics'], ['生物科技', 'Biotechnology'], ['美妆用品', 'Beauty Products']],
    factory: [['化妆品厂', 'Cosmetics Factory'], ['美妆用品厂', 'Beauty Products Factory']],
    shop: '美妆',
  },
  toys: {
    places: ['shantou', 'yiwu', 'yangzhou'],
    company: [['玩具', 'Toys'], ['儿童玩具', "Children's Toys"], ['玩具贸易', 'Toys Trading']],
    factory: [['玩具厂', 'Toy Factory'], ['玩具制品厂', 'Toy Products Factory']],
    shop: '玩具',
  },
  'sports-outdoor': {
    places: ['yiwu', 'ningbo', 'nantong', 'dingzhou', 'quanzhou'],
    company: [['体育用品', 'Sporting Goods'], ['户外用品', 'Outdoor Products'], ['运动用品', 'Sports Products']],
    factory: [['体育用品厂', 'Sporting Goods Factory'], ['运动器材厂', 'Sports Equipment Factory']],
    shop: '运动',
  },
  'pet-supplies': {
    places: ['yiwu', 'hangzhou', 'guangzhou', 'nantong'],
    company: [['宠物用品', 'Pet Products']],
    factory: [['宠物用品厂', 'Pet Products Factory']],
    shop: '宠物',
  },
  'stationery-office': {
    places: ['yiwu', 'ningbo', 'hangzhou', 'wenzhou'],
    company: [['文具', 'Stationery'], ['文化用品', 'Stationery Supplies']],
    factory: [['文具厂', 'Stationery Factory'], ['文化用品厂', 'Stationery Supplies Factory']],
    shop: '文具',
  },
  jewelry: {
    places: ['yiwu', 'guangzhou', 'shenzhen', 'qingdao'],
    company: [['饰品', 'Accessories'], ['首饰', 'Jewelry'], ['珠宝首饰', 'Jewelry']],
    factory: [['饰品厂', 'Accessories Factory'], ['首饰厂', 'Jewelry Factory']],
    shop: '饰品',
  },
  'baby-maternity': {
    places: ['hangzhou', 'guangzhou', 'shantou', 'huzhou', 'yiwu'],
    company: [['母婴用品', 'Mother and Baby Products'], ['婴童用品', 'Baby Products']],
    factory: [['婴童用品厂', 'Baby Products Factory'], ['母婴用品厂', 'Mother and Baby Products Factory']],
    shop: '母婴',
  },
  'auto-accessories': {
    places: ['guangzhou', 'shenzhen', 'yiwu', 'changzhou'],
    company: [['汽车用品', 'Auto Accessories'], ['汽车配件', 'Auto Parts']],
    factory: [['汽车用品厂', 'Auto Accessories Factory']],
    shop: '车品',
  },
};

/** Auspicious two-character trade names, with pinyin for the English company name. */
export const brandWords: Words = [
  ['佳禾', 'Jiahe'], ['优联', 'Youlian'], ['鑫源', 'Xinyuan'], ['恒达', 'Hengda'], ['华美', 'Huamei'],
  ['金诺', 'Jinnuo'], ['新悦', 'Xinyue'], ['宏图', 'Hongtu'], ['盛世', 'Shengshi'], ['顺发', 'Shunfa'],
  ['嘉乐', 'Jiale'], ['博远', 'Boyuan'], ['正和', 'Zhenghe'], ['锦程', 'Jincheng'], ['百汇', 'Baihui'],
  ['创美', 'Chuangmei'], ['星辰', 'Xingchen'], ['雅居', 'Yaju'], ['美琪', 'Meiqi'], ['乐童', 'Letong'],
  ['润发', 'Runfa'], ['蓝海', 'Lanhai'], ['青禾', 'Qinghe'], ['明洋', 'Mingyang'], ['瑞祥', 'Ruixiang'],
  ['合众', 'Hezhong'], ['德信', 'Dexin'], ['永盛', 'Yongsheng'], ['凯旋', 'Kaixuan'], ['丰泽', 'Fengze'],
  ['海纳', 'Haina'], ['骏达', 'Junda'], ['欣怡', 'Xinyi'], ['悦享', 'Yuexiang'], ['万家', 'Wanjia'],
  ['达兴', 'Daxing'], ['隆昌', 'Longchang'], ['兴旺', 'Xingwang'], ['泰和', 'Taihe'], ['思源', 'Siyuan'],
  ['启航', 'Qihang'], ['尚品', 'Shangpin'], ['优品', 'Youpin'], ['潮衣坊', 'Chaoyifang'], ['金冠', 'Jinguan'],
  ['诚信', 'Chengxin'], ['友邦', 'Youbang'], ['聚福', 'Jufu'], ['天成', 'Tiancheng'], ['和美', 'Hemei'],
  ['伟业', 'Weiye'], ['东升', 'Dongsheng'], ['鸿运', 'Hongyun'], ['安顺', 'Anshun'], ['晶彩', 'Jingcai'],
];
