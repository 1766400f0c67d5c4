/**
 * 1688 writes dates as China time in two shapes: `yyyyMMddHHmmssSSS+0800` in API payloads
 * (`20180614101942000+0800`) and `yyyy-MM-dd HH:mm:ss` in push messages.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})([+-])(\d{2})(\d{2})$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function chinaParts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number } {
  const t = new Date(ms + CHINA_OFFSET_MS);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() };
}

export function format1688Time(ms: number): string {
  const p = chinaParts(ms);
  return `${p.y}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}${pad(p.ms, 3)}+0800`;
}

export function formatPushTime(ms: number): string {
  const p = chinaParts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** Epoch ms, or null when the text is not a valid `yyyyMMddHHmmssSSS±hhmm`. */
export function parse1688Time(text: string): number | null {
  const m = COMPACT.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
  const offset = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return utc - offset;
}
