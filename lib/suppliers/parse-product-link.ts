export type ProductLink = { platform: '1688' | 'taobao' | 'tmall' | 'jd' | 'pinduoduo' | 'weidian'; id: string };

/**
 * Recognises product links of the Chinese marketplaces (desktop and mobile shapes, tracking
 * parameters ignored). Returns null for anything else, including non-URLs.
 */
export function parseProductLink(input: string): ProductLink | null {
  let url: URL;
  try {
    url = new URL(input.trim().startsWith('http') ? input.trim() : `https://${input.trim()}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const param = (name: string) => url.searchParams.get(name);
  const digits = (v: string | null | undefined) => (v && /^\d{5,20}$/.test(v) ? v : null);

  if (host.endsWith('1688.com')) {
    const id = digits(path.match(/\/offer\/(\d+)\.html/)?.[1]) ?? digits(param('offerId'));
    return id ? { platform: '1688', id } : null;
  }
  if (host.endsWith('tmall.com') || host.endsWith('tmall.hk')) {
    const id = digits(param('id'));
    return id ? { platform: 'tmall', id } : null;
  }
  if (host.endsWith('taobao.com')) {
    const id = digits(param('id'));
    return id ? { platform: 'taobao', id } : null;
  }
  if (host.endsWith('jd.com') || host.endsWith('jd.hk')) {
    const id = digits(path.match(/\/(?:product\/)?(\d+)\.html/)?.[1]) ?? digits(param('sku'));
    return id ? { platform: 'jd', id } : null;
  }
  if (host.endsWith('yangkeduo.com') || host.endsWith('pinduoduo.com')) {
    const id = digits(param('goods_id'));
    return id ? { platform: 'pinduoduo', id } : null;
  }
  if (host.endsWith('weidian.com')) {
    const id = digits(param('itemID') ?? param('itemId'));
    return id ? { platform: 'weidian', id } : null;
  }
  return null;
}

export function looksLikeUrl(input: string): boolean {
  return /^(https?:\/\/|[a-z0-9-]+\.)[^\s]*\.(com|hk|cn)\b/i.test(input.trim());
}
