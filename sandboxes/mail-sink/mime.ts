/**
 * Just enough MIME to read what Ferry sends (nodemailer, text/plain, 7bit / quoted-printable /
 * base64, RFC 2047 encoded headers, a multipart message's first text/plain part). The sandbox is a
 * development tool: anything it cannot decode is shown raw, never thrown.
 */

export type ParsedMail = { headers: Map<string, string>; subject: string; text: string };

export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeaders(raw);
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), text: decodeBody(headers, body) };
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = splitHeaders(part.replace(/^\n/, ''));
      if (/^text\/plain/i.test(inner.headers.get('content-type') ?? 'text/plain')) return decodeBody(inner.headers, inner.body);
    }
    return body;
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** RFC 2045 quoted-printable: soft line breaks removed, `=XX` bytes decoded as UTF-8. */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/[ \t]+$/gm, '').replace(/=\r?\n/g, '');
  return bytesToUtf8(joined, /=([0-9A-Fa-f]{2})/g);
}

function bytesToUtf8(text: string, escape: RegExp): string {
  const bytes: number[] = [];
  let at = 0;
  for (const match of text.matchAll(escape)) {
    for (const b of Buffer.from(text.slice(at, match.index), 'utf8')) bytes.push(b);
    bytes.push(Number.parseInt(match[1]!, 16));
    at = match.index + match[0].length;
  }
  for (const b of Buffer.from(text.slice(at), 'utf8')) bytes.push(b);
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); whitespace between two of them is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : bytesToUtf8(data.replace(/_/g, ' '), /=([0-9A-Fa-f]{2})/g),
    );
}
