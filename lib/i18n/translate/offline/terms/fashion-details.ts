/** Fit, cut, style and garment-part words that modify a clothing item. */
export const fashionDetails: Record<string, string> = {
  // Fit and cut
  宽松: 'Loose', 修身: 'Slim-Fit', 显瘦: 'Slimming', 收腰: 'Cinched Waist', 高腰: 'High-Waist',
  中腰: 'Mid-Waist', 低腰: 'Low-Rise', 松紧腰: 'Elastic Waist', 直筒: 'Straight', 阔腿: 'Wide-Leg',
  紧身: 'Tight', 弹力: 'Stretch', 高弹: 'High-Stretch', 垂感: 'Drapey', 廓形: 'Oversized', 加大: 'Plus Size',
  大码: 'Plus Size', 加肥: 'Plus Size', 短款: 'Short', 长款: 'Long', 中长款: 'Mid-Length', 薄款: 'Thin',
  厚款: 'Thick', 加厚: 'Thickened', 加绒: 'Fleece-Lined', 加长: 'Extended', 加宽: 'Widened', 露脐: 'Cropped',
  短款上衣: 'Crop Top', 高领: 'Turtleneck', 圆领: 'Crew Neck', V领: 'V-Neck', 方领: 'Square Neck',
  翻领: 'Lapel', 立领: 'Stand Collar', 一字肩: 'Off-Shoulder', 连帽: 'Hooded', 开叉: 'Slit', 荷叶边: 'Ruffled',
  泡泡袖: 'Puff Sleeve', 蝙蝠袖: 'Batwing Sleeve', 拼接: 'Patchwork', 撞色: 'Contrast Color', 印花: 'Printed',
  刺绣: 'Embroidered', 碎花: 'Floral', 格子: 'Plaid', 条纹: 'Striped', 波点: 'Polka Dot', 纯色: 'Solid Color',
  蕾丝: 'Lace', 褶皱: 'Pleated', 镂空: 'Hollow-Out', 亮片: 'Sequin', 绑带: 'Lace-Up', 拉链: 'Zipper',
  纽扣: 'Button', 口袋: 'Pocket', 系带: 'Tie-Up',
  // Styles
  韩版: 'Korean-Style', 韩国: 'Korean', 日系: 'Japanese-Style', 法式: 'French-Style', 欧美: 'Western-Style',
  港风: 'Hong Kong-Style', 复古: 'Vintage', 简约: 'Minimalist', 百搭: 'Versatile', 气质: 'Elegant',
  优雅: 'Elegant', 休闲: 'Casual', 商务: 'Business', 通勤: 'Office', 学院风: 'Preppy', 街头: 'Streetwear',
  嘻哈: 'Hip-Hop', 甜美: 'Sweet', 可爱: 'Cute', 性感: 'Sexy', 淑女: 'Ladylike', 名媛: 'Socialite',
  小香风: 'Tweed-Style', 森系: 'Boho', 国风: 'Chinese-Style', 中国风: 'Chinese-Style',
  新中式: 'New Chinese-Style', 潮牌: 'Streetwear Brand', 洋气: 'Stylish', 时尚: 'Fashion',
  时髦: 'Fashionable', 帅气: 'Cool', 高级感: 'Premium', 设计感: 'Designer', 小众: 'Niche', 少女: 'Girly',
  少女心: 'Girly', 小清新: 'Fresh', 文艺: 'Artsy', 慵懒风: 'Lazy-Style', 工装: 'Workwear', 运动风: 'Sporty',
  辣妹: 'Hot Girl', 老钱风: 'Old Money Style', 美式: 'American-Style',
  // Seasons
  春季: 'Spring', 夏季: 'Summer', 秋季: 'Autumn', 冬季: 'Winter', 春秋: 'Spring Autumn', 秋冬: 'Autumn Winter',
  春夏: 'Spring Summer', 四季: 'All-Season', 四季通用: 'All-Season', 春: 'Spring', 夏: 'Summer', 秋: 'Autumn',
  冬: 'Winter', 夏天: 'Summer', 冬天: 'Winter',
  // Body shape, jewelry and craft details
  胖mm: 'Plus-Size', 遮肚: 'Tummy-Hiding', 遮肉: 'Figure-Flattering', 增高: 'Height-Increasing',
  浅口: 'Low-Cut', 隐形: 'Invisible', 不掉跟: 'Anti-Slip Heel', 日式: 'Japanese-Style', 青年: 'Youth',
  字母: 'Letter', 大牌: 'Designer-Style', 哺乳: 'Nursing', 大肠发圈: 'Scrunchie', 平光镜: 'Plain Glasses',
  护目镜: 'Goggles', 耳坠: 'Drop Earrings', 粉晶: 'Rose Quartz', 招财: 'Good Fortune', 转运: 'Good Luck',
  天然: 'Natural', 手工: 'Handmade', 编织: 'Woven', 钩针: 'Crochet', 立体: '3D', 全身: 'Full-Body',
  沙滩鞋: 'Beach Shoes', 沙滩: 'Beach', A字: 'A-Line', 百褶: 'Pleated', 软底: 'Soft-Sole', 底: 'Sole',
  鞋底: 'Sole',
  // Garment construction and wear
  落肩: 'Drop Shoulder', 插肩袖: 'Raglan Sleeve', 灯笼袖: 'Lantern Sleeve', 喇叭袖: 'Flare Sleeve', 收口: 'Cuffed',
  束脚: 'Jogger', 松紧: 'Elastic', 松紧带: 'Elastic Band', 抽绳: 'Drawstring', 双排扣: 'Double-Breasted', 单排扣: 'Single-Breasted',
  开衩: 'Slit', 不规则: 'Asymmetric', 毛边: 'Raw Hem', 破洞: 'Ripped', 做旧: 'Distressed', 水洗牛仔: 'Washed Denim',
  提花: 'Jacquard', 烫金: 'Gold Foil', 绣花: 'Embroidered', 贴布: 'Patch', 拼色: 'Color Block', 扎染: 'Tie-Dye',
  无痕: 'Seamless', 无钢圈: 'Wireless', 聚拢: 'Push-Up', 高开叉: 'High Slit', 垂坠: 'Draped',
};
