/** Selling phrases, audiences and everyday adjectives that fill 1688/Taobao titles. */
export const marketing: Record<string, string> = {
  // Trade and promotion phrases
  新款: 'New', 新品: 'New Arrival', 爆款: 'Bestseller', 热卖: 'Hot Sale', 热销: 'Hot Selling', 网红: 'Viral',
  网红款: 'Viral', 同款: 'Same Style', 明星同款: 'Celebrity Style', 潮: 'Trendy', 潮流: 'Trendy', ins: 'INS',
  ins风: 'INS Style', 风: 'Style', 一件代发: 'Dropshipping', 代发: 'Dropshipping', 厂家直销: 'Factory Direct',
  厂家: 'Manufacturer', 工厂: 'Factory', 直销: 'Direct Sale', 源头: 'Source', 源头工厂: 'Source Factory',
  跨境: 'Cross-Border', 外贸: 'Export', 出口: 'Export', 亚马逊: 'Amazon', 批发: 'Wholesale', 现货: 'In Stock',
  包邮: 'Free Shipping', 特价: 'Special Offer', 促销: 'Promotion', 清仓: 'Clearance', 库存: 'Stock',
  定制: 'Custom', 定做: 'Custom-Made', 来图定制: 'Custom Design', logo: 'Logo', 印logo: 'Custom Logo',
  正品: 'Genuine', 高品质: 'High Quality', 高端: 'High-End', 品质: 'Quality', 精品: 'Premium', 高档: 'High-End',
  轻奢: 'Affordable Luxury', 奢华: 'Luxury', 实拍: 'Real Shot', 现货速发: 'In Stock Fast Shipping',
  速发: 'Fast Shipping', 专柜: 'Boutique', 原创: 'Original', 经典: 'Classic', 基础: 'Basic', 型: 'Type',
  版: 'Version',
  // Audience
  女: "Women's", 男: "Men's", 女士: "Women's", 男士: "Men's", 女式: "Women's", 男式: "Men's", 女款: "Women's",
  男款: "Men's", 女生: "Women's", 男生: "Men's", 女性: "Women's", 男性: "Men's", 男女: 'Unisex',
  男女通用: 'Unisex', 中性: 'Unisex', 情侣: 'Couple', 情侣款: 'Couple Style', 学生党: 'Students',
  中老年: 'Middle-Aged and Elderly', 妈妈: 'Mom', 老人: 'Elderly', 大童: 'Big Kids', 中大童: 'Big Kids',
  小童: 'Little Kids', 童: 'Kids',
  // Everyday adjectives
  大: 'Large', 小: 'Small', 中: 'Medium', 长: 'Long', 短: 'Short', 高: 'High', 低: 'Low', 厚: 'Thick',
  薄: 'Thin', 宽: 'Wide', 新: 'New', 多功能: 'Multifunctional', 多用途: 'Multipurpose', 实用: 'Practical',
  耐用: 'Durable', 轻便: 'Lightweight', 轻薄: 'Lightweight', 舒适: 'Comfortable', 柔软: 'Soft', 结实: 'Sturdy',
  好看: 'Beautiful', 漂亮: 'Pretty', 高颜值: 'Good-Looking', 卡通: 'Cartoon', 动漫: 'Anime', 萌: 'Cute',
  创意礼品: 'Creative Gift', 个性: 'Personalized', 简单: 'Simple', 大气: 'Elegant', 精致: 'Exquisite',
  独特: 'Unique', 方形: 'Square', 圆形: 'Round',
  // Function prefixes
  防: 'Anti-', 免: 'No-', 带: 'with', 加: 'Extra', 可: '', 不: 'Non-', 全: 'Full', 半: 'Half', 双: 'Double',
  单: 'Single', 迷你型: 'Mini', 超: 'Super', 超大: 'Extra Large', 超薄: 'Ultra-Thin', 超轻: 'Ultra-Light',
  抗菌: 'Antibacterial', 除菌: 'Sterilizing', 免烫: 'Non-Iron', 速热: 'Fast Heating', 一体: 'One-Piece',
  一体式: 'One-Piece',
  // Measure words and nouns that surface alone
  件: 'Piece', 个: 'Piece', 只: 'Piece', 条: 'Piece', 支: 'Piece', 片: 'Piece', 张: 'Sheet', 对: 'Pair',
  套: 'Set', 组: 'Set', 装: 'Pack', 盒装: 'Boxed', 袋装: 'Bagged', 瓶装: 'Bottled', 散装: 'Bulk',
  礼盒: 'Gift Box', 礼盒装: 'Gift Box', 年: 'Year', 岁: 'Years', 号: 'Size', 用: 'for', 专用: 'Dedicated',
  系列: 'Series', 壳: 'Case', 膜: 'Film', 链: 'Chain', 环: 'Ring', 夹: 'Clip', 贴: 'Sticker', 绳: 'Rope',
  棒: 'Stick', 球: 'Ball', 镜: 'Mirror', 巾: 'Towel', 套件: 'Kit', 工具: 'Tool', 工具箱: 'Toolbox',
  工厂直供: 'Factory Direct', 直供: 'Direct Supply', 厂家直供: 'Factory Direct',
  // Trade terms and relative sizes
  工艺: 'Craft', 礼品: 'Gift', 赠品: 'Freebie', 样品: 'Sample', 贴牌: 'OEM', 代工: 'OEM', 印字: 'Custom Print',
  刻字: 'Engraving', 成品: 'Finished', 医用: 'Medical', 儿童款: "Kids'", 成人款: 'Adult',
  同色系: 'Matching Color', 小型: 'Compact', 大型: 'Large', 中型: 'Medium', 前: 'Front', 后: 'Rear',
  字: 'Letter', 内: 'Inner', 外: 'Outer',
  // Description phrases
  这款: 'This', 本款: 'This', 采用: 'Made of', 优质: 'Premium', 穿着: 'Wearing', 适合: 'Suitable for', 日常: 'Daily',
  约会: 'Dates', 场合: 'Occasions', 上身: 'On the Body', 效果: 'Effect', 搭配: 'Pairs with', 细节: 'Details', 做工: 'Workmanship',
  手感: 'Feel', 质感: 'Texture', 面料舒适: 'Comfortable Fabric', 亲肤: 'Skin-Friendly', 不起球: 'Anti-Pilling', 不变形: 'Keeps Shape',
};
