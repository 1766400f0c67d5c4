/**
 * Colours derived from one SKU colour, so every motif shades the same way: a gradient body
 * (`url(#b)` horizontal, `url(#bv)` vertical, defined by the image composer), a darker outline
 * that stays visible for white goods on a light backdrop, and neutral metal.
 */
export type Paint = {
  base: string;
  light: string;
  dark: string;
  deep: string;
  line: string;
  /** Contrasting detail colour (laces, stitching): white on dark goods, charcoal on light. */
  accent: string;
  /** True for 透明 goods, which motifs draw see-through. */
  isClear: boolean;
  /** Relative luminance 0–1, used to pick a backdrop that contrasts. */
  luminance: number;
};

export type Motif = (p: Paint) => string;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c ?? 0))).toString(16).padStart(2, '0')).join('')}`;
}

/** Mixes `hex` toward `target` by `amount` (0–1). */
export function mix(hex: string, target: string, amount: number): string {
  const a = channels(hex);
  const b = channels(target);
  return toHex(a.map((c, i) => c + ((b[i] ?? 0) - c) * amount));
}

export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function makePaint(hex: string, isClear = false): Paint {
  const lum = luminance(hex);
  return {
    base: hex,
    light: mix(hex, '#ffffff', 0.35),
    dark: mix(hex, '#000000', 0.22),
    deep: mix(hex, '#000000', 0.45),
    line: lum > 0.6 ? mix(hex, '#000000', 0.3) : mix(hex, '#000000', 0.5),
    accent: lum > 0.45 ? '#3a3b3f' : '#f4f4f2',
    isClear,
    luminance: lum,
  };
}

/** Stroke attributes for an outlined shape. */
export const outline = (p: Paint, width = 3): string =>
  `stroke="${p.line}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"`;

/** fill-opacity for see-through goods. */
export const clear = (p: Paint, opacity = 0.5): string => (p.isClear ? `fill-opacity="${opacity}"` : '');
