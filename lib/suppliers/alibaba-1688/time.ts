/**
 * 1688's date formats: `yyyyMMddHHmmssSSS+0800` in API payloads and parameters, and
 * `yyyy-MM-dd HH:mm:ss` (China time, no zone) in push messages; push times also come as epoch ms.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})([+-])(\d{2})(\d{2})$/;
const SPACED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function format1688Time(date: Date): string {
  const t = new Date(date.getTime() + CHINA_OFFSET_MS);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}${pad(t.getUTCMilliseconds(), 3)}+0800`;
}

function fromParts(parts: number[], offsetMs: number): Date | null {
  const [y, mo, d, h, mi, s, ms] = parts as [number, number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(utc);
  // Date.UTC rolls impossible dates over (Feb 30 → Mar 2); a real date survives the round trip.
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(utc - offsetMs);
}

/** A 1688 date in any of its shapes, or null. */
export function parse1688Time(value: unknown): Date | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? new Date(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const compact = COMPACT.exec(text);
  if (compact) {
    const offset = (compact[8] === '-' ? -1 : 1) * (Number(compact[9]) * 60 + Number(compact[10])) * 60_000;
    return fromParts(compact.slice(1, 8).map(Number), offset);
  }
  const spaced = SPACED.exec(text);
  if (spaced) return fromParts([...spaced.slice(1, 7).map(Number), 0], CHINA_OFFSET_MS);
  if (/^\d{12,14}$/.test(text)) return new Date(Number(text));
  return null;
}
