import { describe, expect, it } from 'vitest';
import { offlineProvider } from './index';

/**
 * Strings of the demo catalog (lib/catalog/demo) that once read as dictionary nonsense, with the
 * English a shopper should see. Each was fixed in the glossary (terms/*.ts), the phrase tables
 * (terms/phrases.ts) or a translator rule; these pin the fixes.
 */
async function en(kind: 'title' | 'attribute' | 'text', zh: string): Promise<string> {
  const out = await offlineProvider.translate([zh], 'zh-CN', 'en', kind);
  if (!out) throw new Error('offline provider refused en');
  return out[0] ?? '';
}

const SPEC_NAMES: [string, string][] = [
  ['是否跨境出口专供货源', 'Cross-Border Export Supply'], // was "Whether Cross-Border Export Focused on One Thing Lay Supply of Goods"
  ['链长', 'Chain Length'], // "Chain Long"
  ['货号', 'Item No.'],
  ['闭合方式', 'Closure Type'], // "Close by Coming Together Way"
  ['腰型', 'Waist Type'], // "Waist and Lower Back Type"
  ['提拎部件', 'Handle Type'], // "Carry Lift Up Part"
  ['供电方式', 'Power Supply'], // "Supply Electricity Way"
  ['最大输出功率', 'Max Output Power'], // "The Highest Degree Large Output Power"
  ['门襟', 'Front Closure'], // "Door Lapel"
  ['适合肤质', 'Skin Type'], // "Suitable for Skin Character"
  ['适用月龄', 'Suitable Age'], // "Compatible with Age in Months"
  ['输入电压', 'Input Voltage'], // "Import Voltage"
  ['是否带盖', 'With Lid'], // "Whether with Lid"
  ['色号', 'Shade'], // "Color Size"
  ['接口类型', 'Connector Type'],
  ['安装方式', 'Installation'], // "Install Way"
  ['认证', 'Certification'], // "Authenticate"
];

const SPEC_VALUES: [string, string][] = [
  ['否', 'No'], // "Negate"
  ['是', 'Yes'], // "" (是 is a filler word inside sentences)
  ['无', 'None'], // "Not to Have"
  ['无填充', 'No Filling'], // "Not to Have Fill Up"
  ['14岁以上', '14+ Years'], // "14 Years That Level or Higher"
  ['18个月以上', '18+ Months'],
  ['3年', '3 Years'], // "3"
  ['常规', 'Regular'], // "Code of Conduct"
  ['万向轮', 'Spinner Wheels'], // "Ten Thousand Towards Wheel"
  ['漆皮', 'Patent Leather'], // "Paint Leather"
  ['毛呢', 'Wool Blend'], // "Hair Particle Indicating Strong Affirmation"
  ['干性', 'Dry'], // "Tree Trunk Nature"
  ['麦饭石涂层', 'Maifan Stone Coating'], // "Wheat Cooked Rice Rock Coating"
  ['高配版', 'High-Spec Edition'], // "High Join Version"
  ['USB转Type-C', 'USB to Type-C'], // "USB Revolve Type-C"
  ['头+1米线', 'Charger + 1m Cable'], // "Head + 1 Rice-Flour Noodles"
  ['带1米线', 'With 1m Cable'],
  ['双电', '2 Batteries'], // "Double Electric"
  ['仪表台', 'Dashboard'], // "Appearance Platform"
  ['正红色', 'True Red'], // "Straight Red"
];

const PLACES: [string, string][] = [
  ['广东广州', 'Guangzhou, Guangdong'], // "Wide East Wide Prefecture"
  ['浙江义乌', 'Yiwu, Zhejiang'], // "浙 River Justice Crow"
  ['广东 深圳', 'Shenzhen, Guangdong'], // "Wide East Deep 圳"
  ['福建石狮', 'Shishi, Fujian'], // "Good Fortune Establish Rock Lion"
  ['江苏南通', 'Nantong, Jiangsu'], // "River Perilla Frutescens South Go Through"
  ['四川成都', 'Chengdu, Sichuan'], // "Four River Succeed All"
  ['河北 保定', 'Baoding, Hebei'],
  ['广东省广州市', 'Guangzhou, Guangdong'],
  ['上海市', 'Shanghai'],
];

const TITLES: [string, string][] = [
  ['爱心钛钢不掉色项链', 'Heart Titanium Steel Non-Fading Necklace'], // "Compassion Titanium Steel …"
  ['2024新款爱心叠戴项链', '2024 New Heart Layered Necklace'], // "… Pile Up Put on or Wear Necklace"
  ['跨境专供轻便牛津布双肩包 工厂批发', 'Cross-Border Exclusive Lightweight Oxford Cloth Backpack Factory Wholesale'],
  ['亚马逊耐咬橡胶磨牙玩具 一件起批 支持定制', 'Amazon Bite-Resistant Rubber Chew Toy MOQ 1 Customizable'], // "One Piece Rise Ascertain Be in Favor of Custom"
  ['迷你双口20W氮化镓充电器多口', 'Mini Dual-Port 20W GaN Charger Multi-Port'], // "Double Mouth … Nitrogen Make Into Gallium …"
  ['2024新款复古插卡防水蓝牙音箱长续航', '2024 New Vintage Card Slot Waterproof Bluetooth Speaker Long Battery Life'], // "Insert Block"
  ['网红2025新款大屏硅胶智能手表学生', 'Viral 2025 New Large Screen Silicone Smartwatch Student'], // "Large Get Rid of"
  ['简约大容量头层牛皮菱格托特包', 'Minimalist Large Capacity Top-Grain Leather Diamond Quilted Tote Bag'], // "Water Caltrop Square"
  ['2025新款迷你重低音长续航无线音响便携', '2025 New Mini Heavy Bass Long Battery Life Wireless Speaker Portable'], // "Repeat Bass"
  ['圆领体恤', 'Crew Neck T-Shirt'], // "Crew Neck Empathize with"
  ['25年秋冬新款毛衣女', '2025 Autumn Winter New Sweater Women\'s'],
];

const DESCRIPTION_LINES: [string, string][] = [
  ['【温馨提示】由于拍摄光线及显示器不同，图片颜色可能存在轻微色差，请以实物为准。', 'Note: colours may differ slightly between screens; the actual item prevails.'],
  [
    '【温馨提示】由于拍摄光线及显示器不同，图片颜色可能存在轻微色差，请以实物为准。尺寸为手工测量，存在1-3cm误差，属正常现象。',
    'Note: colours may differ slightly between screens; the actual item prevails. Measurements are taken by hand and may be off by 1-3cm.',
  ],
  ['【产地】广东广州', 'Origin: Guangzhou, Guangdong'], // "(Origin) wide east wide prefecture"
  ['【商品名称】智能手表', 'Product name: smartwatch'], // "(commodity name) smartwatch"
  ['【发货】下单后48小时内发货', 'Shipping: ships within 48 hours of ordering'], // "(dispatch) place an order rear 48 hours inner dispatch"
  ['【发货】支持一件代发，72小时内发货', 'Shipping: dropshipping available, ships within 72 hours'],
  ['【卖点】运动计步，大屏，血氧', 'Selling points: step counting, large screen, blood oxygen'], // "sports calculate step, large get rid of, …"
  ['【颜色】粉色/黑色/金色', 'Color: pink/black/gold'], // "pink/ black/ gold"
  ['【尺码】40/41/42/43', 'Size: 40/41/42/43'], // "40 41 42 43"
  ['【型号】iPhone 15/iPhone 15 Pro Max', 'Model: iPhone 15/iPhone 15 Pro Max'], // "iPhone 15 pro max"
  ['【接口类型】Type-C转Type-C/USB转Lightning', 'Connector type: Type-C to Type-C/USB to Lightning'],
  ['【品牌】无', 'Brand: none'],
];

describe('demo catalog fixes', () => {
  it.each(SPEC_NAMES)('spec name %s', async (zh, english) => expect(await en('attribute', zh)).toBe(english));
  it.each(SPEC_VALUES)('spec value %s', async (zh, english) => expect(await en('attribute', zh)).toBe(english));
  it.each(PLACES)('place %s', async (zh, english) => expect(await en('attribute', zh)).toBe(english));
  it.each(TITLES)('title %s', async (zh, english) => expect(await en('title', zh)).toBe(english));
  it.each(DESCRIPTION_LINES)('description line %s', async (zh, english) => expect(await en('text', zh)).toBe(english));
});

describe('description rules', () => {
  it('keeps a 【label】 in the middle of a line as brackets', async () => {
    expect(await en('text', '纯棉【包邮】')).toBe('Pure cotton (free shipping)');
  });

  it('matches boilerplate only between punctuation, not inside a longer clause', async () => {
    expect(await en('text', '源头工厂直销')).not.toMatch(/direct from the source factory/);
  });

  it('keeps place names capitalised and every line separate', async () => {
    expect(await en('text', '【产地】浙江义乌\n【发货】现货速发，24小时内发货')).toBe(
      'Origin: Yiwu, Zhejiang\nShipping: in stock; ships within 24 hours',
    );
  });
});
