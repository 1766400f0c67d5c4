/** Words a title keeps lower-case unless they open it. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Latin words sellers write in lower case that read as acronyms or brands in English. */
export const LATIN_WORDS: Record<string, string> = {
  ins: 'INS', led: 'LED', usb: 'USB', diy: 'DIY', pu: 'PU', pvc: 'PVC', abs: 'ABS', eva: 'EVA', tpu: 'TPU',
  pc: 'PC', ipad: 'iPad', iphone: 'iPhone', airpods: 'AirPods', macbook: 'MacBook', 'type-c': 'Type-C',
  typec: 'Type-C', vip: 'VIP', ip: 'IP', rgb: 'RGB', hd: 'HD', '3d': '3D', ok: 'OK', logo: 'Logo', polo: 'Polo',
  ins风: 'INS Style', jk: 'JK', dk: 'DK', lolita: 'Lolita', oversize: 'Oversized', bf: 'Boyfriend', wifi: 'WiFi',
  hdmi: 'HDMI', gps: 'GPS', nfc: 'NFC', tws: 'TWS', ssd: 'SSD', otg: 'OTG', pd: 'PD', mp3: 'MP3', fm: 'FM',
  promax: 'Pro Max', pro: 'Pro', max: 'Max', mini: 'Mini', plus: 'Plus', ultra: 'Ultra', mate: 'Mate',
};

/** True for words whose casing is deliberate: acronyms, models, sizes, numbers (iPhone15, XL, 15W). */
function hasDeliberateCase(word: string): boolean {
  return /\d/.test(word) || /[A-Z]/.test(word.slice(1).replace(/-[A-Z]/g, '')) || /^[A-Z]$/.test(word);
}

function capitalize(word: string): string {
  return word
    .split('-')
    .map((part) => (part ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join('-');
}

/** Title Case for listing titles and spec values: "2025 Summer New Korean-Style Loose T-Shirt". */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .filter(Boolean)
    .map((word, i) => {
      if (hasDeliberateCase(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return capitalize(lower);
    })
    .join(' ');
}

/**
 * Sentence case for descriptions: lower-cases plain capitalised words, then capitalises sentence
 * starts. `keep` names the words to leave alone (proper nouns, brands), as a set or a test.
 */
export function sentenceCase(text: string, keep: ReadonlySet<string> | ((word: string) => boolean)): string {
  const kept = typeof keep === 'function' ? keep : (word: string) => keep.has(word);
  const caseWord = (word: string): string => {
    if (kept(word)) return word;
    if (word.includes('/')) return word.split('/').map(caseWord).join('/'); // "Indoor/Outdoor"
    // Brackets and quotes around a word are not part of its casing: "(Free" is not "iPhone".
    const wrapped = /^([(["']+)(.+)$/.exec(word);
    if (wrapped) return (wrapped[1] ?? '') + caseWord(wrapped[2] ?? '');
    // A number's unit reads lower case mid-sentence ("3-Pack" → "3-pack", "14-Inch" → "14-inch").
    const unit = /^(\d[\d.]*-)([A-Z][a-z]+)$/.exec(word);
    if (unit) return unit[1] + (unit[2] ?? '').toLowerCase();
    if (hasDeliberateCase(word)) return word;
    // A capital letter that names a shape keeps it: "T-shirt", "A-line", "V-neck".
    if (/^[A-Z]-[A-Za-z]/.test(word)) return word.slice(0, 2) + word.slice(2).toLowerCase();
    return word.toLowerCase();
  };
  return text
    .split(' ')
    .map(caseWord)
    .join(' ')
    .replace(/(^|[.!?]\s+)([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * Drops a word or short phrase equal to the one just before it ("Women's Women's", "Plus Size Plus
 * Size"), which happens when adjacent Chinese words are synonyms (加肥加大) or share a head noun.
 */
export function dropAdjacentDuplicates(text: string): string {
  const out: string[] = [];
  const words = text.split(' ').filter(Boolean);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w.toLowerCase() === b[i]?.toLowerCase());
  for (let i = 0; i < words.length; ) {
    let skipped = false;
    for (let n = 3; n >= 1; n--) {
      if (out.length >= n && same(out.slice(-n), words.slice(i, i + n))) {
        i += n;
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    out.push(words[i] ?? '');
    i++;
  }
  return out.join(' ');
}
