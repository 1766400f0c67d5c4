/** Shoes, bags, luggage, jewelry, hair accessories, watches and eyewear. */
export const shoesBagsJewelry: Record<string, string> = {
  // Shoes
  鞋: 'Shoes', 鞋子: 'Shoes', 运动鞋: 'Sneakers', 跑步鞋: 'Running Shoes', 跑鞋: 'Running Shoes',
  休闲鞋: 'Casual Shoes', 板鞋: 'Skate Shoes', 帆布鞋: 'Canvas Shoes', 小白鞋: 'White Sneakers',
  老爹鞋: 'Chunky Sneakers', 篮球鞋: 'Basketball Shoes', 皮鞋: 'Leather Shoes', 高跟鞋: 'High Heels',
  单鞋: 'Flats', 平底鞋: 'Flats', 乐福鞋: 'Loafers', 豆豆鞋: 'Loafers', 玛丽珍鞋: 'Mary Jane Shoes',
  凉鞋: 'Sandals', 拖鞋: 'Slippers', 凉拖: 'Slides', 凉拖鞋: 'Slides', 人字拖: 'Flip-Flops', 洞洞鞋: 'Clogs',
  靴子: 'Boots', 短靴: 'Ankle Boots', 长靴: 'Knee-High Boots', 马丁靴: 'Martin Boots', 雪地靴: 'Snow Boots',
  雨鞋: 'Rain Boots', 雨靴: 'Rain Boots', 棉鞋: 'Padded Shoes', 布鞋: 'Cloth Shoes', 童鞋: "Kids' Shoes",
  学步鞋: 'Toddler Shoes', 鞋垫: 'Insoles', 鞋带: 'Shoelaces', 厚底: 'Platform', 平底: 'Flat', 坡跟: 'Wedge',
  粗跟: 'Chunky Heel', 细跟: 'Stiletto', 网面: 'Mesh', 飞织: 'Flyknit', 外穿: 'Outdoor Wear', 一脚蹬: 'Slip-On',
  靴: 'Boots',
  // Bags and luggage
  包包: 'Bag', 女包: "Women's Bag", 男包: "Men's Bag", 单肩包: 'Shoulder Bag', 斜挎包: 'Crossbody Bag',
  手提包: 'Handbag', 托特包: 'Tote Bag', 双肩包: 'Backpack', 背包: 'Backpack', 书包: 'School Bag',
  电脑包: 'Laptop Bag', 腰包: 'Waist Bag', 胸包: 'Chest Bag', 钱包: 'Wallet', 皮夹: 'Wallet',
  卡包: 'Card Holder', 零钱包: 'Coin Purse', 手拿包: 'Clutch', 链条包: 'Chain Bag', 小方包: 'Small Square Bag',
  水桶包: 'Bucket Bag', 腋下包: 'Underarm Bag', 帆布包: 'Canvas Bag', 购物袋: 'Shopping Bag', 行李箱: 'Suitcase',
  拉杆箱: 'Trolley Suitcase', 旅行包: 'Travel Bag', 旅行袋: 'Travel Bag', 收纳包: 'Storage Pouch',
  化妆包: 'Makeup Bag', 洗漱包: 'Toiletry Bag', 手机包: 'Phone Bag', 单肩: 'Shoulder', 斜挎: 'Crossbody',
  手提: 'Handheld', 包: 'Bag', 箱: 'Box',
  // Jewelry
  饰品: 'Jewelry', 首饰: 'Jewelry', 项链: 'Necklace', 锁骨链: 'Collarbone Chain', 吊坠: 'Pendant',
  耳环: 'Earrings', 耳钉: 'Stud Earrings', 耳夹: 'Ear Clips', 耳饰: 'Earrings', 手链: 'Bracelet',
  手镯: 'Bangle', 戒指: 'Ring', 对戒: 'Couple Rings', 脚链: 'Anklet', 胸针: 'Brooch', 手串: 'Bead Bracelet',
  珍珠: 'Pearl', 锆石: 'Zircon', 水钻: 'Rhinestone', 钻石: 'Diamond', 水晶: 'Crystal', 玉: 'Jade',
  翡翠: 'Jadeite', 和田玉: 'Hetian Jade', '925银': '925 Silver', 纯银: 'Sterling Silver',
  银项链: 'Silver Necklace', 黄金: 'Gold', 镀金: 'Gold-Plated', '18K金': '18K Gold', 钛钢: 'Titanium Steel',
  不掉色: 'Non-Fading',
  // Hair accessories
  发夹: 'Hair Clip', 发卡: 'Hair Clip', 边夹: 'Side Clip', 抓夹: 'Claw Clip', 鲨鱼夹: 'Claw Clip',
  发圈: 'Hair Tie', 头绳: 'Hair Tie', 发箍: 'Headband', 头箍: 'Headband', 发带: 'Hair Band',
  发饰: 'Hair Accessories', 头饰: 'Headwear', 假发: 'Wig',
  // Watches and eyewear
  手表: 'Watch', 腕表: 'Wristwatch', 石英表: 'Quartz Watch', 机械表: 'Mechanical Watch',
  电子表: 'Digital Watch', 表带: 'Watch Strap', 眼镜: 'Glasses', 墨镜: 'Sunglasses', 太阳镜: 'Sunglasses',
  眼镜框: 'Glasses Frame', 镜框: 'Frame', 防蓝光: 'Anti-Blue Light', 偏光: 'Polarized',
  // Silver marks and audiences
  s925: 'S925', S925: 'S925', s925银: 'S925 Silver', S925银: 'S925 Silver', 男女孩: 'Boys and Girls',
  尖头: 'Pointed-Toe', 圆头: 'Round-Toe', 方头: 'Square-Toe', 职业: 'Professional', 工作鞋: 'Work Shoes', 公文包: 'Briefcase',
  小包: 'Small Bag', 后脑勺: 'Back of Head', 开口: 'Open', 开口手镯: 'Open Bangle', 石英: 'Quartz', 双头: 'Dual-Tip',
  // Rings, luggage and wallets CC-CEDICT reads literally
  尾戒: 'Pinky Ring', 食指戒: 'Index Finger Ring', 戒: 'Ring', 登机箱: 'Carry-On Suitcase', 旅行箱: 'Travel Suitcase', 密码箱: 'Combination Suitcase',
  钱夹: 'Billfold Wallet', 切尔西靴: 'Chelsea Boots', 切尔西: 'Chelsea',
};
