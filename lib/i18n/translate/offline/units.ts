/**
 * Measure words that follow a number ("3-6岁", "1米", "20000毫安", "3只装"). `#` stands for the
 * number. Checked before the glossary so 米 after a number is metres, not rice, and 号 is a size.
 */
export const units: Record<string, string> = {
  // Age and time
  岁: '# Years', 个月: '# Months', 岁以上: '#+ Years', 个月以上: '#+ Months', 岁以下: 'Under # Years', 月: '# Months', 天: '# Days', 年: '#', 小时: '# Hours', 分钟: '# Minutes',
  // Length and size
  米: '#m', 厘米: '#cm', 毫米: '#mm', 公分: '#cm', 寸: '#-Inch', 英寸: '#-Inch', 寸屏: '#-Inch Screen',
  码: 'Size #', 号: 'Size #',
  // Weight and volume
  克: '#g', 千克: '#kg', 公斤: '#kg', 斤: '# Jin', 毫升: '#ml', 升: '#L',
  // Electrical and physical
  毫安: '#mAh', 毫安时: '#mAh', 瓦: '#W', 伏: '#V', 度: '#°', 倍: '#x',
  // Variants and structure
  色: '# Colors', 种颜色: '# Colors', 层: '#-Tier', 档: '#-Speed', 孔: '#-Hole', 代: 'Gen #',
  // Counts
  件: '# Pcs', 个: '# Pcs', 只: '# Pcs', 支: '# Pcs', 条: '# Pcs', 块: '# Pcs', 片: '# Pcs', 根: '# Pcs',
  粒: '# Pcs', 颗: '# Pcs', 张: '# Sheets', 双: '# Pairs', 对: '# Pairs', 套: '# Sets', 本: '# Books',
  包: '# Packs', 瓶: '# Bottles', 盒: '# Boxes', 袋: '# Bags', 卷: '# Rolls', 抽: '#-Count',
  人: '# Persons', 人份: '# Servings',
  // Packs and sets
  件套: '#-Piece Set', 只装: '#-Pack', 个装: '#-Pack', 支装: '#-Pack', 条装: '#-Pack', 片装: '#-Pack',
  件装: '#-Pack', 包装: '#-Pack', 装: '#-Pack', 双装: '#-Pair Pack',
};

/**
 * Chinese numerals that act as numbers before a measure word (两件套 → 2-Piece Set). 一 is left
 * out: "一对", "一套" read better as the glossary's "Pair", "Set" than as "1 Pairs".
 */
export const chineseNumerals: Record<string, string> = {
  二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10',
};

/** Applies a unit template to a number, or null when `unit` is not a measure word. */
export function formatQuantity(num: string, unit: string): string | null {
  // 2025年 and 25年 (新款) are years, 3年 (a warranty, a shelf life) a duration.
  if (unit === '年' && /^\d{2}$/.test(num) && Number(num) >= 20) return `20${num}`;
  const template = unit === '年' && Number.parseFloat(num) < 20 ? '# Years' : units[unit];
  if (!template) return null;
  const english = template.replace('#', num);
  return num === '1' ? english.replace(/\b(Year|Month|Day|Hour|Minute|Pair|Set|Book|Pack|Bottle|Box|Bag|Roll|Person|Serving|Sheet)(?:e?s)\b/, '$1') : english;
}
