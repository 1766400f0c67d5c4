import { colors } from './terms/colors';

/**
 * English → Chinese for shoppers' notes to the buyer, with no network: a phrasebook of what such
 * notes say (check the quality, no logo, remove the tags, pack it well, same colour as the picture,
 * size and colour words). It is a first draft for the purchaser, who reads the shopper's own words
 * beside it and corrects it before anything reaches the seller (lib/purchasing/buyer-notes): words
 * it does not know stay in English, where the purchaser sees them. A cloud provider (DeepL,
 * LibreTranslate) translates whole sentences instead when one is configured.
 */

/** Phrases (lower case, words separated by one space) → Chinese. Longest match wins. */
const phrases: Record<string, string> = {
  please: '请', pls: '请', plz: '请', kindly: '请',
  'thank you': '谢谢', thanks: '谢谢', 'thank you very much': '非常感谢',
  hello: '您好', hi: '您好',
  // Checking
  check: '检查', 'please check': '请检查', inspect: '检查', 'check the quality': '检查质量', 'check quality': '检查质量',
  quality: '质量', 'good quality': '质量好', 'check for defects': '检查有无瑕疵', defect: '瑕疵', defects: '瑕疵',
  damaged: '破损', damage: '破损', broken: '损坏', stain: '污渍', stains: '污渍', scratch: '划痕', scratches: '划痕',
  smell: '异味', 'bad smell': '异味', 'no smell': '无异味', works: '能正常使用', working: '正常使用', test: '测试',
  'make sure': '确保', 'make sure it works': '确保能正常使用', carefully: '仔细', well: '好',
  // Shipping
  'before shipping': '发货前', 'before you ship': '发货前', 'before sending': '发货前', 'before you send': '发货前',
  ship: '发货', send: '发', shipping: '发货', deliver: '发货', delivery: '发货', fast: '尽快', 'as soon as possible': '尽快', asap: '尽快', quickly: '尽快',
  'ship together': '一起发货', 'send together': '一起发', together: '一起', separately: '分开', 'in one package': '放在一个包裹里',
  // What not to include
  'no logo': '不要logo', 'without logo': '不要logo', logo: 'logo', 'no brand': '不要品牌标识', brand: '品牌',
  'no invoice': '不要发票', invoice: '发票', receipt: '小票', 'no receipt': '不要小票',
  'no price tag': '不要价格标签', 'price tag': '价格标签', 'price tags': '价格标签', 'no tags': '不要吊牌', tag: '吊牌', tags: '吊牌',
  label: '标签', labels: '标签', 'no label': '不要标签', 'no labels': '不要标签',
  flyer: '广告单', flyers: '广告单', ads: '广告', advertising: '广告', 'business card': '名片', 'business cards': '名片',
  'no flyers': '不要放广告单', 'no ads': '不要放广告', 'no advertising': '不要放广告',
  remove: '去掉', 'remove the tags': '去掉吊牌', 'remove tags': '去掉吊牌', 'cut the tags': '剪掉吊牌', 'take out': '拿掉',
  // Packing
  pack: '包装', packing: '包装', package: '包装', packaging: '包装', 'pack well': '包装好', 'pack carefully': '仔细包装',
  'pack it well': '包装好', 'pack them well': '包装好', 'bubble wrap': '气泡膜', fragile: '易碎品', 'extra packing': '加固包装',
  box: '盒子', 'original box': '原装盒', 'original packaging': '原包装', 'no box': '不要盒子', 'without box': '不要盒子', 'without the box': '不要盒子',
  gift: '礼物', 'gift wrap': '礼品包装', 'gift box': '礼盒', 'it is a gift': '这是礼物', "it's a gift": '这是礼物', bag: '袋子',
  // Matching the listing
  'same as the picture': '和图片一样', 'same as picture': '和图片一样', 'same as the photo': '和图片一样', 'as shown': '和图片一样',
  'as in the picture': '和图片一样', 'as pictured': '和图片一样', picture: '图片', pictures: '图片', photo: '照片', photos: '照片',
  'same color as the picture': '颜色和图片一样', 'same colour as the picture': '颜色和图片一样', 'as the picture': '和图片一样',
  'same color': '同一颜色', 'same colour': '同一颜色', 'same size': '同一尺码', 'same batch': '同一批次',
  color: '颜色', colour: '颜色', colors: '颜色', colours: '颜色', size: '尺码', sizes: '尺码', 'size chart': '尺码表',
  length: '长度', width: '宽度', height: '高度', waist: '腰围', chest: '胸围', measure: '测量', measurements: '尺寸',
  'if out of stock': '如果缺货', 'out of stock': '缺货', 'sold out': '售罄', 'do not substitute': '不要替换', 'no substitutes': '不要替换',
  'no substitute': '不要替换', replace: '更换', change: '换', exchange: '换货', cancel: '取消', refund: '退款',
  'contact me': '请联系我', 'let me know': '请告诉我', 'tell me': '请告诉我',
  // Little words
  'do not': '不要', "don't": '不要', dont: '不要', not: '不', no: '不要', without: '不要', with: '带', and: '和', or: '或',
  only: '只要', also: '也', if: '如果', new: '全新', 'brand new': '全新', real: '正品', genuine: '正品', original: '原装',
  one: '', 'only one': '只要一个', two: '两个', three: '三个', pair: '双', pairs: '双', piece: '件', pieces: '件', set: '套', sets: '套',
  big: '大', small: '小', bigger: '大一点', smaller: '小一点', long: '长', short: '短', left: '左', right: '右',
  // Dropped: the Chinese needs no article, and pronouns are understood.
  the: '', a: '', an: '', it: '', them: '', is: '', are: '', this: '', that: '', in: '', for: '', to: '', of: '', my: '', me: '', i: '', you: '', your: '',
};

/** English colour names from the glossary (Black → 黑色): the longest Chinese form, which carries 色. */
const colorWords: Record<string, string> = (() => {
  const out: Record<string, string> = {};
  for (const [zh, en] of Object.entries(colors)) {
    const key = en.toLowerCase();
    if (zh.length > (out[key]?.length ?? 0) && !['color', 'multicolor'].includes(key)) out[key] = zh;
  }
  return out;
})();

const table: Record<string, string> = { ...colorWords, ...phrases };
const longest = Math.max(...Object.keys(table).map((k) => k.split(' ').length));

const isLatin = (s: string) => /^[\x20-\x7e]+$/.test(s);

function translateClause(clause: string): string {
  const words = clause.toLowerCase().replace(/’/g, "'").match(/[a-z0-9']+(?:[-/.][a-z0-9]+)*|[^\sa-z0-9']/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(longest, words.length - i); n > 0; n--) {
      const zh = table[words.slice(i, i + n).join(' ')];
      if (zh !== undefined) {
        if (zh) out.push(zh);
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      // Sizes, model numbers, quantities and words the phrasebook lacks stay as the shopper wrote them.
      out.push(originalCase(clause, words[i]!));
      matched = 1;
    }
    i += matched;
  }
  // "Before shipping" leads a Chinese sentence (发货前请检查质量), wherever the English put it.
  const before = out.indexOf('发货前');
  if (before > 0) out.unshift(...out.splice(before, 1));
  // So does "please", which English may put last ("same colour as the picture please").
  if (out.length > 1 && out.at(-1) === '请') out.unshift(...out.splice(-1, 1));
  // Chinese runs join without spaces; a Latin word keeps a space on its Latin side.
  return out.reduce((text, part) => (text && isLatin(part) && isLatin(text.at(-1)!) ? `${text} ${part}` : text + part), '');
}

/** The word as the shopper typed it (XL, iPhone), found case-insensitively in the clause. */
function originalCase(clause: string, lower: string): string {
  const at = clause.toLowerCase().indexOf(lower);
  return at < 0 ? lower : clause.slice(at, at + lower.length);
}

/** A note in English → a Chinese draft: clause by clause, clauses joined with Chinese punctuation. */
export function translateNoteEnZh(note: string): string {
  const sentences = note
    .split(/(?<=[.!?;。！？；])\s*|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return sentences
    .map((sentence) => {
      const clauses = sentence
        .replace(/[.!?;。！？；]+$/, '')
        .split(/\s*[,，]\s*/)
        .map(translateClause)
        .filter(Boolean);
      return clauses.length ? `${clauses.join('，')}。` : '';
    })
    .join('');
}
