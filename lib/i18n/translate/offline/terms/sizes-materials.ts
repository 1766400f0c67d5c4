/** Attribute names, size values and materials as they appear in SKU specs. */
export const sizesMaterials: Record<string, string> = {
  // Attribute names
  尺码: 'Size', 尺寸: 'Size', 规格: 'Specification', 型号: 'Model', 款式: 'Style', 风格: 'Style',
  材质: 'Material', 面料: 'Fabric', 主面料: 'Main Fabric', 成分: 'Composition', 图案: 'Pattern', 重量: 'Weight',
  容量: 'Capacity', 功率: 'Power', 电压: 'Voltage', 品牌: 'Brand', 产地: 'Origin', 货号: 'Item No.',
  适用人群: 'Suitable for', 适用年龄: 'Suitable Age', 适用季节: 'Season', 适用场景: 'Occasion',
  上市年份季节: 'Release Season', 袖长: 'Sleeve Length', 衣长: 'Length', 裙长: 'Skirt Length',
  裤长: 'Pants Length', 领型: 'Collar Type', 袖型: 'Sleeve Type', 版型: 'Fit', 厚薄: 'Thickness',
  弹力指数: 'Stretch', 包装: 'Packaging', 数量: 'Quantity', 套餐: 'Bundle', 套餐类型: 'Bundle Type',
  净含量: 'Net Content', 保质期: 'Shelf Life', 是否现货: 'In Stock', 是否进口: 'Imported', 鞋码: 'Shoe Size',
  // Size values
  均码: 'One Size', 通码: 'One Size', 均码弹力: 'One Size Stretch', 码: 'Size', 大号: 'Large', 中号: 'Medium',
  小号: 'Small', 特大号: 'Extra Large', 加大码: 'Plus Size', 标准: 'Standard', 标准版: 'Standard Edition',
  升级版: 'Upgraded', 豪华版: 'Deluxe', 基础款: 'Basic', 单个: 'Single', 单只: 'Single', 一对: 'Pair', 一套: 'Set',
  成人: 'Adult',
  // Fabrics and fibres
  纯棉: 'Pure Cotton', 全棉: '100% Cotton', 棉: 'Cotton', 棉质: 'Cotton', 新疆棉: 'Xinjiang Cotton',
  精梳棉: 'Combed Cotton', 棉麻: 'Cotton Linen', 亚麻: 'Linen', 麻: 'Linen', 真丝: 'Silk',
  桑蚕丝: 'Mulberry Silk', 丝绸: 'Silk', 丝: 'Silk', 雪纺: 'Chiffon', 涤纶: 'Polyester', 聚酯纤维: 'Polyester',
  锦纶: 'Nylon', 尼龙: 'Nylon', 氨纶: 'Spandex', 莫代尔: 'Modal', 天丝: 'Tencel', 冰丝棉: 'Ice Silk Cotton',
  羊毛: 'Wool', 羊绒: 'Cashmere', 针织: 'Knit', 毛线: 'Yarn', 牛仔: 'Denim', 灯芯绒: 'Corduroy', 法兰绒: 'Flannel',
  珊瑚绒: 'Coral Fleece', 摇粒绒: 'Polar Fleece', 羊羔毛: 'Sherpa', 毛绒: 'Plush', 绒: 'Fleece', 华夫格: 'Waffle',
  帆布: 'Canvas', 牛津布: 'Oxford Cloth', 真皮: 'Genuine Leather', 头层牛皮: 'Top-Grain Leather',
  牛皮: 'Cowhide', 羊皮: 'Sheepskin', 皮革: 'Leather', 皮质: 'Leather', 皮: 'Leather', PU皮: 'PU Leather',
  人造革: 'Faux Leather', 麂皮: 'Suede', 绒面: 'Suede',
  // Hard materials
  不锈钢: 'Stainless Steel', 钢: 'Steel', 铁: 'Iron', 铝合金: 'Aluminum Alloy', 铝: 'Aluminum', 铜: 'Copper',
  合金: 'Alloy', 钛: 'Titanium', 银: 'Silver', 金: 'Gold', 塑料: 'Plastic', 硅胶: 'Silicone', 橡胶: 'Rubber',
  陶瓷: 'Ceramic', 瓷: 'Porcelain', 玻璃: 'Glass', 高硼硅玻璃: 'Borosilicate Glass', 钢化: 'Tempered',
  木: 'Wood', 木质: 'Wooden', 实木: 'Solid Wood', 竹: 'Bamboo', 竹子: 'Bamboo', 藤编: 'Rattan', 纸质: 'Paper',
  亚克力: 'Acrylic', 树脂: 'Resin', 石材: 'Stone', 大理石: 'Marble', 水晶玻璃: 'Crystal Glass',
  食品级: 'Food-Grade', 环保: 'Eco-Friendly', 无毒: 'Non-Toxic', 耐高温: 'Heat-Resistant',
  耐磨: 'Wear-Resistant', 防锈: 'Rust-Proof', 防烫: 'Heat-Proof', 加密: 'Dense', 软: 'Soft', 硬: 'Hard',
  // More attribute names and values
  适用机型: 'Compatible Model', 机型: 'Model', 升级: 'Upgraded', 升级款: 'Upgraded', 颜色分类: 'Color',
  尺码分类: 'Size',
  // Size systems and fits
  小码: 'Small', 中码: 'Medium', 大码女: "Women's Plus Size", 儿童码: "Kids' Size", 欧码: 'EU Size', 美码: 'US Size',
  偏大: 'Runs Large', 偏小: 'Runs Small', 正码: 'True to Size', 拍大一码: 'Size Up', 身高: 'Height', 体重建议: 'Weight Guide',
  胸围: 'Bust', 腰围: 'Waist', 臀围: 'Hip', 肩宽: 'Shoulder Width', 脚长: 'Foot Length', 内长: 'Inner Length',
};
