/**
 * Spec values whose CC-CEDICT sense is wrong for a product: finishes and materials ("漆皮" is
 * patent leather, not "paint leather"), cuts, skin types, variants and SKU options.
 */
export const specValues: Record<string, string> = {
  // Materials and finishes
  金属: 'Metal', 人造纤维: 'Synthetic Fiber', 液体硅胶: 'Liquid Silicone', 液体: 'Liquid',
  阻燃: 'Flame-Retardant',
  毛圈: 'French Terry', 毛呢: 'Wool Blend', 重磅: 'Heavyweight', 超纤皮: 'Microfiber Leather',
  超纤: 'Microfiber',
  合成皮: 'Synthetic Leather', 漆皮: 'Patent Leather', 牛反绒: 'Nubuck', 硫化橡胶: 'Vulcanized Rubber',
  硫化: 'Vulcanized', 醋酸: 'Acetate', 玳瑁: 'Tortoiseshell', 玳瑁纹: 'Tortoiseshell',
  淡水珍珠: 'Freshwater Pearl',
  淡水: 'Freshwater', 天鹅绒: 'Velvet', 丝绒: 'Velvet', 竹纤维: 'Bamboo Fiber', 棉布: 'Cotton Fabric',
  牛仔布: 'Denim', 牛津纺: 'Oxford', 网布: 'Mesh Fabric', 织带: 'Webbing', 反光: 'Reflective',
  反光织带: 'Reflective Webbing',
  包胶: 'Rubber-Coated', 银胶: 'Silver-Coated', 麦饭石: 'Maifan Stone', 电镀: 'Electroplated', 磨砂: 'Frosted',
  亮面: 'Glossy', 镜面: 'Mirror Finish', 木柄: 'Wooden Handle', 铝管: 'Aluminum Ferrule',
  加厚纸: 'Thick Paper',
  牛皮纸: 'Kraft Paper', 尼龙编织: 'Woven Nylon',
  柔: 'Soft', 超柔: 'Ultra-Soft', 水晶超柔: 'Crystal Ultra-Soft', 聚合物锂电池: 'Li-Polymer Battery',
  A类: 'Class A', B类: 'Class B', 类: 'Class', 针: 'Pin', '925银针': '925 Silver Pin', 胶: 'Glue',
  // Patterns and paper rulings
  格纹: 'Plaid', 菱格: 'Diamond Quilted', 格: 'Check', 方格: 'Grid', 横线: 'Lined', 点阵: 'Dot Grid',
  空白: 'Blank',
  // Cuts and heights (clothing, shoes)
  常规: 'Regular', 常规款: 'Regular', 尖领: 'Pointed Collar', 领: 'Collar', POLO领: 'Polo Collar',
  中长裙: 'Midi Skirt', 高筒: 'Knee-High', 中筒: 'Mid-Calf', 短筒: 'Ankle-High', 筒: 'Shaft', 低跟: 'Low Heel',
  中跟: 'Mid Heel', 平跟: 'Flat Heel', 跟: 'Heel', 九分: 'Ankle-Length', 半袖: 'Short-Sleeve',
  无骨: 'Seamless',
  // Bags and luggage
  单根: 'Single Strap', 双根: 'Double Straps', 链条: 'Chain', 双肩: 'Backpack-Style', 电脑插袋: 'Laptop Sleeve',
  插袋: 'Pocket', 证件袋: 'Document Pocket', 拉链暗袋: 'Hidden Zip Pocket', 暗袋: 'Hidden Pocket',
  万向轮: 'Spinner Wheels', 密码锁: 'Combination Lock', TSA海关锁: 'TSA Lock', 海关锁: 'Customs Lock',
  按扣: 'Snap Button', 磁扣: 'Magnetic Snap', 翻盖: 'Flip Cover',
  // Skin types and beauty effects
  任何肤质: 'All Skin Types', 干性: 'Dry', 油性: 'Oily', 混合性: 'Combination', 敏感肌: 'Sensitive Skin',
  滋润: 'Nourishing', 提亮: 'Brightening', 显白: 'Complexion-Brightening', 不吃粉: 'Low Powder Absorption',
  // Ages, audiences, places of use
  新手: 'Beginner', 猫狗通用: 'For Cats and Dogs', 室内外: 'Indoor/Outdoor', 车身: 'Car Body',
  仪表台: 'Dashboard',
  以上: 'and Above', 以下: 'and Below', 女宝: 'Baby Girl', 男宝: 'Baby Boy', 男女同款: 'Unisex',
  // SKU options: versions, counts, seats, connectors
  单支: 'Single', 高配版: 'High-Spec Edition', 降噪版: 'Noise-Canceling Edition', 旋转: 'Rotating',
  旋转款: 'Rotating',
  单层: 'Single-Tier', 双层: 'Double-Tier', 单电: '1 Battery', 双电: '2 Batteries', 三电: '3 Batteries',
  单头: 'Charger Only', 单充头: 'Charger Only', 前排: 'Front', 两座: '2 Seats', 五座: '5 Seats',
  前排两座: 'Front 2 Seats', 五座全包: '5-Seat Full Coverage', 转: 'to', 梅子色: 'Plum', 南瓜色: 'Pumpkin',
  枫叶红: 'Maple Red', 正红色: 'True Red', 正红: 'True Red',
};
