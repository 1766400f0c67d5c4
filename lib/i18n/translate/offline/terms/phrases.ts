/**
 * Fixed phrases that word-by-word translation cannot get right, because their meaning is not the
 * sum of their words. Not glossary words (they hold punctuation and never steer jieba): the
 * translator matches them whole before segmenting.
 */

/**
 * Boilerplate sentences and clauses of 1688 detail descriptions, matched only between punctuation
 * marks (or line ends) of a description line. `{n}` matches a number or range ("24", "1-3").
 * Written in sentence case; the translator capitalises sentence starts.
 */
export const descriptionSentences: Record<string, string> = {
  // Colour and measurement disclaimers (温馨提示)
  '由于拍摄光线及显示器不同，图片颜色可能存在轻微色差，请以实物为准': 'colours may differ slightly between screens; the actual item prevails',
  '由于拍摄光线及显示器不同，图片颜色可能存在色差，请以实物为准': 'colours may differ slightly between screens; the actual item prevails',
  '由于显示器不同，图片颜色可能存在轻微色差，请以实物为准': 'colours may differ slightly between screens; the actual item prevails',
  图片颜色可能存在轻微色差: 'colours in the pictures may differ slightly',
  颜色以实物为准: 'the actual colour prevails',
  请以实物为准: 'the actual item prevails',
  以实物为准: 'the actual item prevails',
  '尺寸为手工测量，存在{n}cm误差，属正常现象': 'measurements are taken by hand and may be off by {n}cm',
  '手工测量，存在{n}cm误差，属正常现象': 'measured by hand; allow {n}cm difference',
  '手工测量存在{n}cm误差': 'measured by hand; allow {n}cm difference',
  属正常现象: 'this is normal',
  // Shipping (发货)
  '现货速发，{n}小时内发货': 'in stock; ships within {n} hours',
  '{n}小时内发货': 'ships within {n} hours',
  '下单后{n}小时内发货': 'ships within {n} hours of ordering',
  '付款后{n}小时内发货': 'ships within {n} hours of payment',
  '{n}天内发货': 'ships within {n} days',
  现货速发: 'in stock, ships fast',
  现货充足: 'plenty in stock',
  支持一件代发: 'dropshipping available',
  一件代发: 'dropshipping available',
  源头工厂: 'direct from the source factory',
  厂家直销: 'direct from the manufacturer',
  当天发货: 'ships the same day',
  量大从优: 'discounts for large orders',
  支持定制: 'customization available',
};

/**
 * Whole spec values (and names) whose English is not word by word: a lone 是 / 否 answers a yes/no
 * spec ("是否跨境出口专供货源"), 无 means "None", and a few compound values need the reading a
 * shopper expects. Matched only against the entire text of a title or spec, never inside one.
 */
export const wholeValues: Record<string, string> = {
  是: 'Yes',
  否: 'No',
  有: 'Yes',
  无: 'None',
  没有: 'None',
  其他: 'Other',
  其它: 'Other',
  '头+1米线': 'Charger + 1m Cable',
  '头+1.5米线': 'Charger + 1.5m Cable',
  '头+2米线': 'Charger + 2m Cable',
  '充电头+线': 'Charger + Cable',
  '头+线': 'Charger + Cable',
};
