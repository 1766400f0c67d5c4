/**
 * JSON.parse for 1688 payloads. 1688 sends Longs unquoted, and order ids (18–19 digits) exceed
 * what a JS number holds: `JSON.parse` would silently turn 167539019420540011 into
 * 167539019420540000. Integer literals of 16+ digits outside strings are quoted before parsing,
 * so they arrive as exact strings; everything else parses as usual.
 */
const MIN_DIGITS = 16;

export function parseWireJson(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text)) as unknown;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
// Characters that can continue a JSON number: digits . e E + -
const isNumberPart = (c: number) => isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;

/**
 * A character loop rather than a regex: a catalog page is over half a megabyte, and 1688's date
 * strings (`20250321124308000+0800`) defeat any cheap "no long digit run" shortcut.
 */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) {
      inString = true;
      continue;
    }
    if (ch !== 0x2d && !isDigit(ch)) continue;
    let end = i + 1;
    while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
    if (end - i >= MIN_DIGITS) {
      const literal = text.slice(i, end);
      if (/^-?\d+$/.test(literal) && literal.replace('-', '').length >= MIN_DIGITS) {
        out += `${text.slice(copiedUpTo, i)}"${literal}"`;
        copiedUpTo = end;
      }
    }
    i = end - 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
