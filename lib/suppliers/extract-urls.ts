/**
 * Finds the web addresses in a pasted text. Shoppers paste more than a URL: app share texts wrap the
 * link in Chinese words and brackets (`【淘宝】https://m.tb.cn/h.5Xb3 「连衣裙」点击链接直接打开`),
 * desktop copies drop the scheme (`detail.1688.com/offer/1.html`), and HTML copies escape `&`.
 */

// A link ends at whitespace, quotes, angle brackets, or the first CJK character or full-width
// punctuation mark (share texts put the title right after the link, without a space).
const stop = String.raw`\s<>"'\`{}|\\^\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef`;
// Any scheme is matched (and consumed) so `ftp://…` is not read again as a bare host; only http(s)
// and scheme-relative links are kept.
const withScheme = new RegExp(String.raw`(?:[a-z][a-z0-9+.-]*:)?\/\/[^${stop}]+`, 'gi');
// Without a scheme only hosts under the TLDs the marketplaces use count, so "3.5kg" or "v1.2" stay words.
const bareHost = new RegExp(String.raw`(?<![\w.@/-])(?:[a-z0-9-]+\.)+(?:com|cn|hk)(?::\d+)?(?:[/?#][^${stop}]*)?(?![\w.-])`, 'gi');
const trailing = /[.,;:!?)\]}'"]+$/;

export function extractUrls(text: string): string[] {
  const found: string[] = [];
  const input = text.replace(/&amp;/gi, '&');
  const rest = input.replace(withScheme, (match) => {
    const cleaned = match.replace(trailing, '');
    if (/^\/\/[^/]/.test(cleaned)) found.push(`https:${cleaned}`);
    else if (/^https?:\/\/[^/]/i.test(cleaned)) found.push(cleaned);
    return ' ';
  });
  for (const match of rest.matchAll(bareHost)) found.push(`https://${match[0].replace(trailing, '')}`);
  return found;
}

/** True when the text holds a web address (a pasted link rather than search words). */
export function looksLikeUrl(text: string): boolean {
  return extractUrls(text).length > 0;
}
