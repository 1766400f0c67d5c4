/** Clothing items as 1688/Taobao sellers name them. Values are title-ready English. */
export const apparel: Record<string, string> = {
  // Tops
  T恤: 'T-Shirt', T恤衫: 'T-Shirt', 短袖T恤: 'Short-Sleeve T-Shirt', 长袖T恤: 'Long-Sleeve T-Shirt',
  POLO衫: 'Polo Shirt', polo衫: 'Polo Shirt', 衬衫: 'Shirt', 衬衣: 'Shirt', 白衬衫: 'White Shirt',
  白衬衣: 'White Shirt', 雪纺衫: 'Chiffon Blouse', 打底衫: 'Base Layer Top', 上衣: 'Top', 背心: 'Tank Top',
  吊带: 'Camisole', 吊带背心: 'Camisole', 吊带裙: 'Slip Dress', 抹胸: 'Tube Top', 卫衣: 'Sweatshirt',
  连帽卫衣: 'Hoodie', 加绒卫衣: 'Fleece-Lined Sweatshirt', 毛衣: 'Sweater', 针织衫: 'Knit Top', 开衫: 'Cardigan',
  针织开衫: 'Knit Cardigan', 马甲: 'Vest', 坎肩: 'Vest', 短袖: 'Short-Sleeve', 长袖: 'Long-Sleeve',
  七分袖: '3/4-Sleeve', 五分袖: 'Half-Sleeve', 无袖: 'Sleeveless',
  // Outerwear
  外套: 'Jacket', 夹克: 'Jacket', 风衣: 'Trench Coat', 大衣: 'Coat', 毛呢大衣: 'Wool Coat', 羽绒服: 'Down Jacket',
  棉服: 'Padded Jacket', 棉衣: 'Padded Jacket', 冲锋衣: 'Outdoor Shell Jacket', 西装: 'Suit', 西服: 'Suit',
  小西装: 'Blazer', 皮衣: 'Leather Jacket', 牛仔外套: 'Denim Jacket', 防晒衣: 'Sun Protection Jacket',
  防晒服: 'Sun Protection Jacket', 羊绒衫: 'Cashmere Sweater',
  // Bottoms
  裤子: 'Pants', 长裤: 'Pants', 短裤: 'Shorts', 休闲裤: 'Casual Pants', 运动裤: 'Sweatpants', 牛仔裤: 'Jeans',
  阔腿裤: 'Wide-Leg Pants', 直筒裤: 'Straight Pants', 西裤: 'Dress Pants', 工装裤: 'Cargo Pants',
  打底裤: 'Leggings', 紧身裤: 'Leggings', 瑜伽裤: 'Yoga Pants', 九分裤: 'Ankle Pants', 七分裤: 'Capri Pants',
  哈伦裤: 'Harem Pants', 喇叭裤: 'Flare Pants', 睡裤: 'Pajama Pants', 裙裤: 'Culottes', 背带裤: 'Overalls',
  // Dresses and skirts
  连衣裙: 'Dress', 长裙: 'Long Dress', 短裙: 'Short Skirt', 半身裙: 'Skirt', 百褶裙: 'Pleated Skirt',
  包臀裙: 'Bodycon Skirt', A字裙: 'A-Line Skirt', 纱裙: 'Tulle Skirt', 公主裙: 'Princess Dress',
  碎花裙: 'Floral Dress', 旗袍: 'Qipao Dress', 汉服: 'Hanfu', 礼服: 'Evening Gown', 婚纱: 'Wedding Dress',
  // Sets, underwear, sleepwear
  套装: 'Set', 两件套: 'Two-Piece Set', 三件套: 'Three-Piece Set', 运动套装: 'Tracksuit', 睡衣: 'Pajamas',
  家居服: 'Loungewear', 睡裙: 'Nightgown', 浴袍: 'Bathrobe', 内衣: 'Underwear', 文胸: 'Bra', 胸罩: 'Bra',
  内裤: 'Underwear', 三角裤: 'Briefs', 平角裤: 'Boxer Briefs', 泳衣: 'Swimsuit', 泳裤: 'Swim Trunks',
  比基尼: 'Bikini', 袜子: 'Socks', 船袜: 'No-Show Socks', 丝袜: 'Stockings', 连裤袜: 'Tights',
  秋衣: 'Thermal Top', 秋裤: 'Thermal Pants', 保暖内衣: 'Thermal Underwear',
  // Workwear, kids, categories
  工作服: 'Work Uniform', 校服: 'School Uniform', 童装: "Kids' Clothing", 女装: "Women's Clothing",
  男装: "Men's Clothing", 夏装: 'Summer Clothes', 冬装: 'Winter Clothes', 情侣装: 'Couple Outfit',
  亲子装: 'Family Matching Outfit', 孕妇装: 'Maternity Clothing', 服装: 'Clothing', 衣服: 'Clothes',
  // Accessories worn
  帽子: 'Hat', 棒球帽: 'Baseball Cap', 鸭舌帽: 'Baseball Cap', 渔夫帽: 'Bucket Hat', 遮阳帽: 'Sun Hat',
  毛线帽: 'Knit Beanie', 围巾: 'Scarf', 丝巾: 'Silk Scarf', 披肩: 'Shawl', 手套: 'Gloves',
  领带: 'Tie', 腰带: 'Belt', 皮带: 'Belt', 口罩: 'Face Mask', 袖套: 'Arm Sleeves',
  // Single characters jieba leaves alone inside unfamiliar compounds
  衣: 'Top', 裙: 'Skirt', 裤: 'Pants', 衫: 'Shirt', 袜: 'Socks', 帽: 'Hat',
  // More garments, fabrics and accessories
  束脚裤: 'Jogger Pants', 拖地裤: 'Floor-Length Pants', 四角裤: 'Boxers', 裤头: 'Underpants',
  裤衩: 'Underpants', 速干衣: 'Quick-Dry Top', 雨衣: 'Raincoat', 雨披: 'Rain Poncho', 服: 'Clothes',
  爬服: 'Crawling Suit', 卫裤: 'Sweatpants', polo: 'Polo', 吊带衫: 'Camisole', 外搭: 'Cover-Up',
  罩衫: 'Cover-Up', 防晒衫: 'Sun Protection Shirt', 连体裤: 'Jumpsuit', 羊绒大衣: 'Cashmere Coat',
  双面呢: 'Double-Faced Wool', 五分裤: 'Half Pants', 沙滩裤: 'Beach Shorts', 制服: 'Uniform',
  水手服: 'Sailor Uniform', 哺乳衣: 'Nursing Top', 面包服: 'Puffer Jacket', 健步鞋: 'Walking Shoes',
  羽绒: 'Down', 打底: 'Base Layer', 内搭: 'Inner Layer', 长衫: 'Long Shirt', 短外套: 'Short Jacket',
  裙子: 'Skirt', 吊带裙子: 'Slip Dress', 羊毛袜: 'Wool Socks', 中筒袜: 'Crew Socks', 长筒袜: 'Knee-High Socks',
  小西服: 'Blazer', 妈妈装: "Mom's Clothing", 三合一外套: '3-in-1 Jacket', 羽绒背心: 'Down Vest', 内胆: 'Liner',
  运动内衣: 'Sports Bra', 防震: 'Shockproof', 草帽: 'Straw Hat', 沙滩帽: 'Beach Hat', 耳圈: 'Hoop Earrings',
  大耳圈: 'Large Hoop Earrings', 冰袖: 'Cooling Arm Sleeves', 开车: 'Driving', 粗花呢: 'Tweed',
  胖子: 'Plus-Size', 鲨鱼裤: 'Shark Pants', 学生袜: 'Student Socks',
  // Seller spellings and garment names CC-CEDICT reads literally
  体恤: 'T-Shirt', 套头衫: 'Pullover', 茶歇裙: 'Tea Dress', 衬衫裙: 'Shirt Dress', 包屁衣: 'Baby Bodysuit',
};
