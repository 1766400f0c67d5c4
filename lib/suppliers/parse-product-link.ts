import type { ProductLink, SupplierPlatform } from './types';
import { extractUrls } from './extract-urls';

export { extractUrls, looksLikeUrl } from './extract-urls';

/**
 * What a pasted text turned out to be:
 * - `product`: a listing of a supported marketplace, reduced to platform and id;
 * - `short`: a marketplace short link (m.tb.cn, 3.cn, qr.1688.com …) whose target only the
 *   marketplace knows: it cannot be expanded offline, so the shopper is asked for the full address;
 * - `unsupported`: anything else. `platform` is set when the host is a marketplace but the page is
 *   not a listing (a shop, a search, a category), so the message can say which.
 */
export type ParsedLink =
  | { kind: 'product'; link: ProductLink }
  | { kind: 'short'; platform: SupplierPlatform }
  | { kind: 'unsupported'; platform: SupplierPlatform | null };

type Rule = {
  platform: SupplierPlatform;
  /** Registrable domains: the host must be one of them or a subdomain of one (never a lookalike). */
  domains: string[];
  /** The listing id, or null when this page of the marketplace is not a listing. */
  id(url: URL, host: string): string | null;
};

const digits = (value: string | null | undefined): string | null => (value && /^[1-9]\d{4,19}$/.test(value) ? value : null);
const param = (url: URL, ...names: string[]): string | null => {
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value) return value;
  }
  return null;
};
const pathId = (url: URL, pattern: RegExp): string | null => digits(pattern.exec(url.pathname)?.[1]);

// Taobao and Tmall share their item pages' shape: `item.htm?id=`, the mobile detail pages, and the
// international `world.` pages with the id in the path.
const taobaoItemPath = /(?:^|\/)(?:item|detail|edetail)(?:[/._-]|$)/i;
const taobaoLikeId = (url: URL): string | null =>
  pathId(url, /^\/item\/(\d+)\.htm/i) ?? pathId(url, /^\/i(\d+)\.htm/i) ?? (taobaoItemPath.test(url.pathname) ? digits(param(url, 'id', 'itemId', 'item_id')) : null);

const rules: Rule[] = [
  {
    platform: '1688',
    domains: ['1688.com'],
    id(url, host) {
      const fromPath = pathId(url, /^\/offer\/(\d+)\.html?$/i);
      if (fromPath) return fromPath;
      // The mobile detail page (detail.m.1688.com/page/index.html?offerId=…); other hosts use offerId
      // for chat or ads, which are not listings.
      return /^(?:detail\.m|m|detail)\.1688\.com$/.test(host) ? digits(param(url, 'offerId', 'offerid')) : null;
    },
  },
  { platform: 'tmall', domains: ['tmall.com', 'tmall.hk'], id: taobaoLikeId },
  { platform: 'taobao', domains: ['taobao.com'], id: taobaoLikeId },
  {
    platform: 'jd',
    domains: ['jd.com', 'jd.hk'],
    id(url) {
      // item.jd.com/123.html, item.m.jd.com/product/123.html; mall.jd.com/index-123.html is a shop.
      return (
        pathId(url, /^\/(?:product\/)?(\d+)\.html$/i) ??
        (/\/(?:ware|item)\//i.test(url.pathname) ? digits(param(url, 'wareId', 'sku', 'skuId')) : null)
      );
    },
  },
  {
    platform: 'pinduoduo',
    domains: ['yangkeduo.com', 'pinduoduo.com'],
    id(url) {
      return /^\/goods\d*\.html$/i.test(url.pathname) ? digits(param(url, 'goods_id', 'goodsId')) : null;
    },
  },
  {
    platform: 'weidian',
    domains: ['weidian.com'],
    id(url) {
      return /^\/item\.html$/i.test(url.pathname) ? digits(param(url, 'itemID', 'itemId', 'itemid')) : null;
    },
  },
];

/**
 * Short-link hosts, by platform. A share from the Taobao or Tmall app comes as m.tb.cn, from JD as
 * 3.cn or u.jd.com, from Pinduoduo as p.pinduoduo.com or a goods page carrying only a `ps` code,
 * from 1688 as qr.1688.com/s/…, from Weidian as k.youshop10.com.
 */
function shortLinkPlatform(url: URL, host: string): SupplierPlatform | null {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') return null;
  if (within(host, 'tb.cn')) return 'taobao';
  if (host === 'qr.1688.com' && /^\/s\/\w+/.test(path)) return '1688';
  if (within(host, '3.cn') || host === 'u.jd.com') return 'jd';
  if (host === 'p.pinduoduo.com' || host === 'p.yangkeduo.com') return 'pinduoduo';
  if (within(host, 'yangkeduo.com') && /^\/goods\d*\.html$/i.test(path) && url.searchParams.has('ps')) return 'pinduoduo';
  if (within(host, 'youshop10.com')) return 'weidian';
  return null;
}

function within(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

const rank = { product: 3, short: 2, unsupported: 1 } as const;

/**
 * Reads a pasted text: a bare link, a link without its scheme, or an app's share text with the link
 * among Chinese words (`【淘宝】https://m.tb.cn/h.… 点击链接直接打开`). Tracking parameters, fragments
 * and letter case do not matter. When the text holds several links the most useful one wins.
 */
export function parseProductLink(input: string): ParsedLink {
  let best: ParsedLink = { kind: 'unsupported', platform: null };
  for (const candidate of extractUrls(input)) {
    const parsed = classify(candidate);
    if (rank[parsed.kind] > rank[best.kind] || (parsed.kind === 'unsupported' && best.kind === 'unsupported' && !best.platform && parsed.platform)) best = parsed;
    if (best.kind === 'product') break;
  }
  return best;
}

function classify(raw: string): ParsedLink {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'unsupported', platform: null };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'unsupported', platform: null };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const short = shortLinkPlatform(url, host);
  if (short) return { kind: 'short', platform: short };
  const rule = rules.find((r) => r.domains.some((d) => within(host, d)));
  if (!rule) return { kind: 'unsupported', platform: null };
  const id = rule.id(url, host);
  return id ? { kind: 'product', link: { platform: rule.platform, id } } : { kind: 'unsupported', platform: rule.platform };
}

/** The listing's canonical address on its marketplace (what a purchaser opens). */
export function productSourceUrl(link: ProductLink): string {
  switch (link.platform) {
    case '1688':
      return `https://detail.1688.com/offer/${link.id}.html`;
    case 'taobao':
      return `https://item.taobao.com/item.htm?id=${link.id}`;
    case 'tmall':
      return `https://detail.tmall.com/item.htm?id=${link.id}`;
    case 'jd':
      return `https://item.jd.com/${link.id}.html`;
    case 'pinduoduo':
      return `https://mobile.yangkeduo.com/goods.html?goods_id=${link.id}`;
    case 'weidian':
      return `https://weidian.com/item.html?itemID=${link.id}`;
  }
}
