/** `30x20x5` or `30.5×20×5` centimetres (length × width × height) → millimetres; null when it is not three sizes from 0.1 cm to 10 m. */
export function parseDimsCm(value: string): { lengthMm: number; widthMm: number; heightMm: number } | null {
  const parts = value.trim().toLowerCase().split(/\s*[x×*]\s*/);
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,4}(\.\d{1,2})?$/.test(p))) return null;
  const [lengthMm, widthMm, heightMm] = parts.map((p) => Math.round(Number(p) * 10)) as [number, number, number];
  return [lengthMm, widthMm, heightMm].every((v) => v >= 1 && v <= 10_000) ? { lengthMm, widthMm, heightMm } : null;
}
