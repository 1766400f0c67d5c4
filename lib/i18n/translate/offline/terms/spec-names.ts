/**
 * Spec (attribute) names as 1688 lists them, and the 【labels】 of detail descriptions. Names are
 * nouns a shopper scans in a spec table ("Chain Length", "Closure Type"), not dictionary senses
 * ("Chain Long", "Close by Coming Together Way").
 */
export const specNames: Record<string, string> = {
  // Listing identity and trade
  是否跨境出口专供货源: 'Cross-Border Export Supply', 跨境出口: 'Cross-Border Export', 货源: 'Supply',
  是否: '', 是否带盖: 'With Lid', 是否可定制: 'Customizable', 是否支持定制: 'Customizable', 是否包邮: 'Free Shipping',
  货号: 'Item No.', 品名: 'Product Name', 产品名称: 'Product Name', 商品名称: 'Product Name',
  认证: 'Certification',
  质保: 'Warranty', 保修: 'Warranty', 执行标准: 'Standard', 生产日期: 'Production Date', 上市时间: 'Release Date',
  销售渠道: 'Sales Channel',
  // Sizes and measurements
  链长: 'Chain Length', 长度: 'Length', 宽度: 'Width', 高度: 'Height', 厚度: 'Thickness', 直径: 'Diameter',
  口径: 'Opening Diameter', 靴筒高度: 'Shaft Height', 鞋跟高度: 'Heel Height', 跟高: 'Heel Height', 鞋跟: 'Heel',
  屏幕尺寸: 'Screen Size', 屏幕: 'Screen', 页数: 'Page Count', 内页: 'Inner Pages', 适用月龄: 'Suitable Age',
  月龄: 'Age in Months', 色号: 'Shade', 笔尖规格: 'Nib Size', 笔尖: 'Nib', 墨水颜色: 'Ink Color', 墨水: 'Ink',
  // Make-up of the product
  填充物: 'Filling', 填充: 'Filling', 刷毛材质: 'Bristle Material', 刷毛: 'Bristles', 镶嵌材质: 'Inlay Material',
  线材: 'Cable Material', 质地: 'Texture', 内部结构: 'Interior Layout', 门襟: 'Front Closure',
  腰型: 'Waist Type',
  腰: 'Waist', 提拎部件: 'Handle Type', 提拎: 'Handle', 颗粒类型: 'Brick Size', 锁类型: 'Lock Type',
  轮子: 'Wheels', 类型: 'Type', 电池类型: 'Battery Type', 接口类型: 'Connector Type', 蓝牙版本: 'Bluetooth Version',
  版本: 'Version',
  // How it works or is used
  供电方式: 'Power Supply', 闭合方式: 'Closure Type', 背包方式: 'Carry Style', 佩戴方式: 'Wearing Style',
  遥控方式: 'Remote Control Type', 安装方式: 'Installation', 充电方式: 'Charging Method', 使用方式: 'How to Use',
  续航时间: 'Battery Life', 输出接口: 'Output Port', 输出: 'Output', 输入: 'Input', 输入电压: 'Input Voltage',
  输出功率: 'Output Power', 最大输出功率: 'Max Output Power', 最大: 'Max', 功效: 'Benefits',
  防水等级: 'Waterproof Rating',
  防水指数: 'Water Resistance', 安全等级: 'Safety Grade', 等级: 'Grade',
  // Who and what it suits
  适用对象: 'Suitable for', 适用空间: 'Room', 适用设备: 'Compatible Devices', 适用车型: 'Compatible Vehicles',
  车型: 'Vehicle Model', 适用品牌: 'Compatible Brand', 适用场地: 'Venue', 适用炉灶: 'Compatible Stoves',
  适用范围: 'Application', 适合肤质: 'Skin Type', 肤质: 'Skin Type', 适用性别: 'Gender', 适用人数: 'Capacity',
  // Description labels (【卖点】 …)
  卖点: 'Selling Points', 产品卖点: 'Selling Points', 发货: 'Shipping', 温馨提示: 'Note', 注意事项: 'Notes',
  售后: 'After-Sales', 售后服务: 'After-Sales Service', 包装清单: 'Package Contents',
  洗涤说明: 'Care Instructions',
  发货时间: 'Dispatch Time', 发货地: 'Ships From', 产品参数: 'Specifications', 商品详情: 'Product Details',
};
