/**
 * Ferry's catalog category for a 1688 category id, owned by the connector: 1688 id → the slug of the
 * Ferry category its offers are filed under. A leaf id names its own category; a top-level id files
 * under that category's first leaf. The ids listed are the ones the connector has been pointed at
 * so far — the 1688 sandbox's tree, which is also Ferry's starting category tree (`ferry db seed`);
 * an agent trading on real 1688 categories adds their ids here (or, later, in a category table).
 * The connector reads no demo data: a test checks this table still files every sandbox category
 * where the demo catalog says it belongs.
 */
const categorySlugs: Readonly<Record<string, string>> = {
  // 女装 Women's Clothing
  '10166': 'womens-dresses',
  '1037024': 'womens-dresses', // 连衣裙
  '1037031': 'womens-t-shirts', // 女士T恤
  '1037035': 'womens-trousers', // 女裤
  '1037042': 'womens-coats', // 女士外套
  // 男装 Men's Clothing
  '10165': 'mens-t-shirts',
  '1037112': 'mens-t-shirts', // 男士T恤
  '1037118': 'mens-shirts', // 男士衬衫
  '1037125': 'mens-hoodies', // 卫衣
  '1037131': 'mens-trousers', // 男裤
  // 鞋靴 Shoes
  '1038378': 'sneakers',
  '1038401': 'sneakers', // 运动鞋
  '1038407': 'sandals-slippers', // 凉鞋拖鞋
  '1038412': 'boots', // 靴子
  '1038419': 'canvas-shoes', // 帆布鞋
  // 箱包 Bags & Luggage
  '1042954': 'handbags',
  '1042961': 'handbags', // 女包
  '1042968': 'backpacks', // 双肩包
  '1042973': 'luggage', // 拉杆箱
  '1042980': 'wallets', // 钱包
  // 手机配件 Phone Accessories
  '1043351': 'phone-cases',
  '1043358': 'phone-cases', // 手机壳
  '1043364': 'charging-cables', // 数据线
  '1043370': 'chargers', // 充电器
  '1043377': 'phone-stands', // 手机支架
  // 数码电子 Consumer Electronics
  '1043500': 'earbuds',
  '1043512': 'earbuds', // 蓝牙耳机
  '1043518': 'smartwatches', // 智能手表
  '1043525': 'power-banks', // 充电宝
  '1043531': 'bluetooth-speakers', // 蓝牙音箱
  // 家居厨房 Home & Kitchen
  '13': 'drinkware',
  '1044102': 'drinkware', // 水杯
  '1044109': 'cookware', // 锅具
  '1044115': 'storage', // 收纳整理
  '1044121': 'home-textiles', // 家纺布艺
  // 美妆个护 Beauty & Personal Care
  '97': 'lipsticks',
  '1045202': 'lipsticks', // 口红
  '1045208': 'skincare', // 护肤品
  '1045215': 'makeup-tools', // 美妆工具
  // 玩具 Toys
  '1813': 'plush-toys',
  '1046301': 'plush-toys', // 毛绒玩具
  '1046308': 'building-blocks', // 积木
  '1046314': 'rc-toys', // 遥控玩具
  // 运动户外 Sports & Outdoors
  '18': 'fitness-equipment',
  '1047402': 'fitness-equipment', // 健身器材
  '1047408': 'yoga', // 瑜伽用品
  '1047415': 'camping', // 户外露营
  '1047421': 'ball-sports', // 球类运动
  // 宠物用品 Pet Supplies
  '1048501': 'pet-bowls',
  '1048508': 'pet-bowls', // 宠物碗
  '1048514': 'pet-toys', // 宠物玩具
  '1048521': 'pet-beds', // 宠物窝
  '1048527': 'pet-collars', // 项圈牵引
  // 文具办公 Stationery & Office
  '67': 'pens',
  '1049602': 'pens', // 笔类
  '1049608': 'notebooks', // 笔记本
  '1049615': 'pencil-cases', // 笔袋
  // 饰品 Jewelry & Accessories
  '54': 'necklaces',
  '1050702': 'necklaces', // 项链
  '1050708': 'earrings', // 耳饰
  '1050715': 'rings', // 戒指
  '1050721': 'hair-accessories', // 发饰
  // 母婴 Mother & Baby
  '1501': 'baby-bottles',
  '1051802': 'baby-bottles', // 奶瓶
  '1051808': 'baby-clothing', // 婴儿服装
  '1051815': 'pacifiers-teethers', // 安抚奶嘴牙胶
  // 汽车用品 Car Accessories
  '55': 'car-phone-holders',
  '1052902': 'car-phone-holders', // 车载手机支架
  '1052908': 'car-seat-cushions', // 汽车坐垫
  '1052915': 'car-cleaning', // 洗车用品
  '1052921': 'car-chargers', // 车载充电器
};

/**
 * An id Ferry does not know (a real 1688 category outside the table) still has to land somewhere
 * for the import to succeed: the general-merchandise leaf "storage" (收纳整理), which staff re-file
 * from the admin.
 */
export const FALLBACK_CATEGORY_SLUG = 'storage';

export function categorySlugFor(categoryId: string): { slug: string; isKnown: boolean } {
  const slug = Object.hasOwn(categorySlugs, categoryId) ? categorySlugs[categoryId] : undefined;
  return slug ? { slug, isKnown: true } : { slug: FALLBACK_CATEGORY_SLUG, isKnown: false };
}
