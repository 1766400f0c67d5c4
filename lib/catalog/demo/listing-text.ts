import type { Rng } from './random';
import { marketingHeads, marketingTails, titleYears, type LeafVocabulary } from './vocabulary';

/**
 * 1688 titles are keyword strings, not sentences: opener (`2025夏季新款`, `跨境`), style,
 * material, selling points, the noun with its audience glued on (`T恤女`), and a marketing tail
 * after a space. This reproduces that order and its optional parts.
 */

/** 1688 caps subjects at 60 characters. */
const MAX_TITLE_LENGTH = 60;

export type TitleChoices = {
  noun: string;
  material: string | null;
  style: string | null;
  season: string | null;
  year: string;
  isCrossBorder: boolean;
};

export function chooseTitleWords(rng: Rng, v: LeafVocabulary): TitleChoices {
  const noun = rng.pick(v.nouns);
  const material = v.materials.length > 0 ? rng.pick(v.materials) : null;
  return {
    noun,
    material,
    style: v.styles.length > 0 ? rng.pick(v.styles) : null,
    season: v.seasons.length > 0 ? rng.pick(v.seasons) : null,
    year: rng.weighted(titleYears),
    isCrossBorder: rng.chance(0.3),
  };
}

export function writeTitle(rng: Rng, v: LeafVocabulary, c: TitleChoices): string {
  const head: string[] = [];
  const roll = rng.next();
  const dated = c.season && roll < 0.7 ? `${c.year}${c.season}新款` : roll < 0.55 ? `${c.year}新款` : null;
  if (c.isCrossBorder) head.push(rng.pick(['跨境', '亚马逊', '外贸', '跨境专供']));
  else if (roll < 0.25) head.push(rng.pick(marketingHeads.filter((h) => !['跨境', '亚马逊', '外贸'].includes(h) && !(dated && h === '新款'))));
  if (dated) head.push(dated);

  const features = rng
    .sample(rng.shuffle(v.features), rng.int(1, Math.min(3, v.features.length)))
    .filter((f) => !c.noun.includes(f) && f !== c.style && f !== c.material);
  const before: string[] = [];
  if (c.style && rng.chance(0.75)) before.push(c.style);
  if (features[0]) before.push(features[0]);
  // A noun that already names the material (硅胶手机壳) must not repeat it.
  if (c.material && !c.noun.includes(c.material) && rng.chance(0.7)) before.push(c.material);
  if (features[1]) before.push(features[1]);

  const audience = v.audiences.length > 0 && rng.chance(0.75) ? rng.pick(v.audiences) : '';
  const after: string[] = [];
  if (features[2]) after.push(features[2]);
  const secondStyle = v.styles.length > 1 && rng.chance(0.25) ? rng.pick(v.styles) : null;
  // Two 'ins' styles (ins风 + ins潮) read as a stutter; any other pair is normal seller keyword stuffing.
  if (secondStyle && secondStyle !== c.style && !(secondStyle.includes('ins') && (c.style ?? '').includes('ins'))) after.push(secondStyle);

  const candidates = rng.shuffle(marketingTails.filter((t) => !head.some((h) => sameFamily(h, t)) && (c.isCrossBorder || !t.includes('跨境'))));
  const tails = rng.chance(0.75) ? pickDistinctFamilies(candidates, rng.chance(0.3) ? 2 : 1) : [];
  const core = [...head, ...before, c.noun + audience, ...after];
  // Drop optional words from the middle until the title fits, keeping noun and opener.
  let title = joinTitle(core, tails);
  while (title.length > MAX_TITLE_LENGTH && (before.length > 0 || tails.length > 0 || after.length > 0)) {
    if (tails.length > 0) tails.pop();
    else if (after.length > 0) after.pop();
    else before.shift();
    title = joinTitle([...head, ...before, c.noun + audience, ...after], tails);
  }
  return title;
}

function joinTitle(core: readonly string[], tails: readonly string[]): string {
  return [core.join(''), ...tails].join(' ');
}

const shippingNotes = ['现货速发，24小时内发货', '下单后48小时内发货', '支持一件代发，72小时内发货', '源头工厂，现货充足'];
const colourNote = '由于拍摄光线及显示器不同，图片颜色可能存在轻微色差，请以实物为准。';
const sizeNote = '尺寸为手工测量，存在1-3cm误差，属正常现象。';

/** A plain-text detail description in the 【标签】 style sellers paste into 1688's detail editor. */
export function writeDescription(
  rng: Rng,
  v: LeafVocabulary,
  c: TitleChoices,
  specs: readonly { name: string; values: readonly string[] }[],
  origin: string,
): string {
  const lines = [`【商品名称】${c.noun}`];
  if (c.material) lines.push(`【材质】${c.material}`);
  for (const spec of specs) lines.push(`【${spec.name}】${spec.values.join('/')}`);
  if (c.style) lines.push(`【风格】${c.style}`);
  if (c.season) lines.push(`【适用季节】${c.season}`);
  lines.push(`【卖点】${rng.sample(v.features, 3).join('，')}`);
  lines.push(`【产地】${origin}`);
  lines.push(`【发货】${rng.pick(shippingNotes)}`);
  lines.push(`【温馨提示】${colourNote}${specs.some((s) => s.name === '尺码' || s.name === '尺寸') ? sizeNote : ''}`);
  return lines.join('\n');
}

/** Marketing words that say the same thing twice when both appear (跨境 … 跨境专供, 批发 … 工厂批发). */
const families = [['跨境', '亚马逊', '外贸'], ['批发', '起批'], ['工厂', '厂家', '源头']];

function sameFamily(a: string, b: string): boolean {
  return a === b || families.some((f) => f.some((w) => a.includes(w)) && f.some((w) => b.includes(w)));
}

function pickDistinctFamilies(candidates: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (const t of candidates) {
    if (out.length === count) break;
    if (!out.some((o) => sameFamily(o, t))) out.push(t);
  }
  return out;
}
