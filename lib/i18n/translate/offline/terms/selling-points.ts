/**
 * Selling points and trade phrases of listing titles whose dictionary reading is wrong or
 * literal: 一件起批 is a minimum order of one, not "One Piece Rise Ascertain"; 重低音 is heavy
 * bass, not "Repeat Bass"; 爱心 on jewelry is a heart, not "Compassion".
 */
export const sellingPoints: Record<string, string> = {
  // Trade phrases and styles
  一件起批: 'MOQ 1', 起批: 'Minimum Order', 支持定制: 'Customizable', 支持: 'Supports',
  跨境专供: 'Cross-Border Exclusive', 专供: 'Exclusive', 外贸爆款: 'Export Bestseller', 平价: 'Affordable',
  国潮: 'Guochao', 英伦: 'British', 英伦风: 'British Style', 机能风: 'Techwear Style', 机能: 'Techwear',
  温柔风: 'Soft Style', 温柔: 'Gentle', 高街: 'High Street', 美式复古: 'American Vintage',
  比赛专用: 'for Competition', 考试专用: 'for Exams',
  // Prefixes jieba leaves alone
  多: 'Multi-', 无: 'No', 少: 'Less',
  // Phones, audio, chargers, wearables
  大屏: 'Large Screen', 屏: 'Screen', 血氧: 'Blood Oxygen', 计步: 'Step Counter', 运动计步: 'Step Counting',
  触控: 'Touch Control', 低延迟: 'Low Latency', 延迟: 'Latency', 音量: 'Volume', 大音量: 'Loud Volume',
  重低音: 'Heavy Bass', 插卡: 'Card Slot', 半入耳式: 'Semi-In-Ear', 氮化镓: 'GaN', 多口: 'Multi-Port',
  双口: 'Dual-Port', 双USB: 'Dual USB', 弯头: 'Right-Angle', 自带线: 'Built-In Cable', 自带: 'Built-In',
  超级快充: 'Super Fast Charging', 显示: 'Display', 电压显示: 'Voltage Display', 带电压显示: 'with Voltage Display',
  折叠插脚: 'Foldable Prongs', 插脚: 'Prongs', 镜头保护: 'Lens Protection', 保护: 'Protection',
  '360度旋转': '360° Rotating', 防抖: 'Anti-Shake',
  // Toys and sports
  高速: 'High-Speed', 四驱: '4WD', 漂移: 'Drift', 抓机娃娃: 'Claw Machine Doll', 小熊: 'Little Bear',
  儿童礼物: "Kids' Gift", 大颗粒积木: 'Large Building Blocks', 小颗粒积木: 'Small Building Blocks',
  桶装: 'Bucket-Packed', 练臂肌: 'Arm Toning', 双面: 'Double-Sided', 健身房: 'Gym', 公园: 'Park',
  // Clothing, shoes, bags and jewelry
  抗皱: 'Wrinkle-Resistant', 拖地: 'Floor-Length', 防臭: 'Anti-Odor', 减震: 'Shock-Absorbing',
  踩屎感: 'Cloud-Soft', 高帮: 'High-Top', 低帮: 'Low-Top', 减负: 'Load-Reducing', 多口袋: 'Multi-Pocket',
  多卡位: 'Multiple Card Slots', 卡位: 'Card Slots', 防盗刷: 'RFID Blocking', 防盗: 'Anti-Theft',
  爱心: 'Heart', 叠戴: 'Layered', 素圈: 'Plain Band', 小众设计: 'Niche Design', 设计: 'Design',
  盘发: 'Updo', 盘发夹: 'Updo Hair Clip',
  // Home, kitchen and car care
  防尘: 'Dustproof', 可叠加: 'Stackable', 叠加: 'Stackable', 衣柜: 'Wardrobe', 客厅沙发: 'Living Room Sofa',
  不粘: 'Non-Stick', 少油烟: 'Low-Smoke', 油烟: 'Cooking Fumes', 燃气灶: 'Gas Stove',
  燃气灶适用: 'Gas Stove Compatible', 电磁炉通用: 'Induction Compatible', 强力去污: 'Heavy-Duty Stain Removal',
  去污: 'Stain Removal', 免擦洗: 'No-Scrub', 擦洗: 'Scrubbing', 泡沫: 'Foam', 上光: 'Gloss-Enhancing',
  轿车: 'Sedan', 深度睡眠: 'Deep Sleep', 深度: 'Deep',
  // Baby, pets and beauty
  防胀气: 'Anti-Colic', 胀气: 'Colic', 安睡: 'Sound Sleep', 防掉: 'Anti-Drop', 带手柄: 'with Handles',
  防打翻: 'Anti-Tip', 高脚: 'Elevated', 斜口: 'Tilted', 安抚: 'Soothing', 发声: 'Squeaky',
  防过敏: 'Hypoallergenic', 过敏: 'Allergy', 清爽: 'Refreshing',
  // Study
  刷题: 'Exam Practice', 考研: 'Grad Exam Prep',
};
