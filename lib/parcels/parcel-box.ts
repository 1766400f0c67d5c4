import { nominalBox } from '@/lib/shipping/nominal-box';
import type { ParcelDims } from '@/lib/shipping/types';

export type MeasuredItem = { weightGrams: number | null; lengthMm: number | null; widthMm: number | null; heightMm: number | null };

/** The items' measured weights added up (an item not weighed counts as nothing: packing settles it). */
export function itemsGrams(items: readonly MeasuredItem[]): number {
  return items.reduce((total, item) => total + Math.max(0, item.weightGrams ?? 0), 0);
}

/**
 * The box an estimate quotes: with every item measured, the items stacked (the longest length, the
 * widest width, heights added) in whole centimetres; otherwise the carton the warehouse usually uses
 * for that weight. Packing replaces it with the real box.
 */
export function estimateBox(items: readonly MeasuredItem[], grams: number): ParcelDims {
  const measured = items.length > 0 && items.every((i) => i.lengthMm && i.widthMm && i.heightMm);
  if (!measured) return nominalBox(grams);
  const sides = items.map((i) => [i.lengthMm!, i.widthMm!, i.heightMm!].sort((a, b) => b - a) as [number, number, number]);
  const cm = (mm: number) => Math.max(1, Math.ceil(mm / 10));
  return {
    lengthCm: cm(Math.max(...sides.map((s) => s[0]))),
    widthCm: cm(Math.max(...sides.map((s) => s[1]))),
    heightCm: cm(sides.reduce((total, s) => total + s[2], 0)),
  };
}
