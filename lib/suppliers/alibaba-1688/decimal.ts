/**
 * 1688's decimals (yuan prices, kilogram weights, star scores) arrive as JSON numbers or strings.
 * They are read as decimal text, never multiplied as floats: 0.1 + 0.2 style errors must not
 * reach a price. A JSON number is turned back into its shortest decimal text first, which for
 * the two-decimal values 1688 sends is exactly the decimal that was written.
 */
export class DecimalError extends Error {}

function decimalText(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DecimalError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return value.trim();
  throw new DecimalError(`expected a decimal, got ${typeof value}`);
}

/** `value` × 10^places as an integer; extra digits must be zeros unless `round` (half up). */
function scaled(value: unknown, places: number, round: boolean): number {
  const text = decimalText(value);
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(text);
  if (!m) throw new DecimalError(`not a non-negative decimal: ${JSON.stringify(text)}`);
  const fraction = m[2] ?? '';
  const kept = fraction.slice(0, places).padEnd(places, '0');
  const dropped = fraction.slice(places);
  let units = Number(m[1]) * 10 ** places + Number(kept || '0');
  if (/[1-9]/.test(dropped)) {
    if (!round) throw new DecimalError(`${text} has more than ${places} decimal places`);
    if ((dropped[0] as string) >= '5') units += 1;
  }
  return units;
}

/** Yuan → fen, exactly. "12.9" → 1290; "12.999" is refused rather than rounded. */
export const yuanToFen = (value: unknown): number => scaled(value, 2, false);

/** Kilograms → grams, rounded half up to the gram. */
export const kgToGrams = (value: unknown): number => scaled(value, 3, true);

/** A "4.5"-style star score → tenths of a star (45), the unit Ferry stores ratings in. */
export const scoreToTenths = (value: unknown): number => scaled(value, 1, true);
