import { describe, expect, it } from 'vitest';
import { extractUrls, looksLikeUrl, parseProductLink, productSourceUrl, type ParsedLink } from './parse-product-link';
import type { SupplierPlatform } from './types';

const product = (platform: SupplierPlatform, id: string): ParsedLink => ({ kind: 'product', link: { platform, id } });
const short = (platform: SupplierPlatform): ParsedLink => ({ kind: 'short', platform });
const notListing = (platform: SupplierPlatform): ParsedLink => ({ kind: 'unsupported', platform });
const unknown: ParsedLink = { kind: 'unsupported', platform: null };

// Shapes copied from the marketplaces' own pages and apps (ids changed).
const productLinks: [string, ParsedLink][] = [
  // 1688: desktop, mobile, mobile detail with offerId, tracking, http, no scheme, case, fragment
  ['https://detail.1688.com/offer/612345678901.html', product('1688', '612345678901')],
  ['https://detail.1688.com/offer/612345678901.html?spm=a26352.13672862.offerlist.3.5c9a1e62xYz&cosite=-&tracelog=p4p&_p_isad=1&clickid=8f2c', product('1688', '612345678901')],
  ['http://detail.1688.com/offer/612345678901.html', product('1688', '612345678901')],
  ['detail.1688.com/offer/612345678901.html?sk=consign', product('1688', '612345678901')],
  ['HTTPS://DETAIL.1688.COM/offer/612345678901.html', product('1688', '612345678901')],
  ['https://detail.1688.com/offer/612345678901.html#skuArea', product('1688', '612345678901')],
  ['https://m.1688.com/offer/612345678901.html?spm=a26g8.7664812.0.0&sk=order', product('1688', '612345678901')],
  ['https://detail.m.1688.com/page/index.html?offerId=612345678901&sortType=&pageId=&abtest=', product('1688', '612345678901')],
  ['//detail.1688.com/offer/612345678901.html', product('1688', '612345678901')],
  ['  https://detail.1688.com/offer/612345678901.html  ', product('1688', '612345678901')],
  ['【1688】义乌袜子批发 https://detail.1688.com/offer/612345678901.html 复制链接打开', product('1688', '612345678901')],
  // Taobao: desktop, tracking, mobile h5, old mobile, international, share text, HTML-escaped copy
  ['https://item.taobao.com/item.htm?id=680123456789', product('taobao', '680123456789')],
  ['https://item.taobao.com/item.htm?spm=a21bo.jianhua.201876.1.5af92a89xYzAbC&id=680123456789&ns=1&abbucket=12', product('taobao', '680123456789')],
  ['https://item.taobao.com/item.htm?ali_trackid=2:mm_26632258_3504122_32538762:1712345678_123_456&id=680123456789&pvid=abc&scm=1007.40986.275655.0', product('taobao', '680123456789')],
  ['http://item.taobao.com/item.htm?id=680123456789', product('taobao', '680123456789')],
  ['item.taobao.com/item.htm?id=680123456789', product('taobao', '680123456789')],
  ['https://ITEM.TAOBAO.COM/item.htm?id=680123456789#description', product('taobao', '680123456789')],
  ['https://h5.m.taobao.com/awp/core/detail.htm?ft=t&id=680123456789', product('taobao', '680123456789')],
  ['https://main.m.taobao.com/detail/index.html?id=680123456789&sourceType=item', product('taobao', '680123456789')],
  ['https://a.m.taobao.com/i680123456789.htm', product('taobao', '680123456789')],
  ['https://world.taobao.com/item/680123456789.htm?spm=a21wu.241046-global', product('taobao', '680123456789')],
  ['https://m.intl.taobao.com/detail/detail.html?id=680123456789', product('taobao', '680123456789')],
  ['【淘宝】https://item.taobao.com/item.htm?id=680123456789 点击链接直接打开', product('taobao', '680123456789')],
  ['https://item.taobao.com/item.htm?spm=a1z10.1-c&amp;id=680123456789&amp;ns=1', product('taobao', '680123456789')],
  ['看看这个https://item.taobao.com/item.htm?id=680123456789。', product('taobao', '680123456789')],
  // Tmall: desktop, sku, supermarket, mobile, Tmall Global (.hk), international
  ['https://detail.tmall.com/item.htm?id=680123456789', product('tmall', '680123456789')],
  ['https://detail.tmall.com/item.htm?id=680123456789&skuId=5012345678901&spm=a220m.1000858.1000725.1.6f3b', product('tmall', '680123456789')],
  ['https://chaoshi.detail.tmall.com/item.htm?id=680123456789&rn=abc', product('tmall', '680123456789')],
  ['https://detail.m.tmall.com/item.htm?id=680123456789&ali_refid=a3_430582', product('tmall', '680123456789')],
  ['https://detail.tmall.hk/hk/item.htm?id=680123456789', product('tmall', '680123456789')],
  ['https://world.tmall.com/item/680123456789.htm', product('tmall', '680123456789')],
  ['detail.tmall.com/item.htm?id=680123456789', product('tmall', '680123456789')],
  ['【天猫】https://detail.tmall.com/item.htm?id=680123456789「官方旗舰店」点击链接直接打开', product('tmall', '680123456789')],
  // JD: desktop, mobile, ware view, JD Worldwide, WeChat mall, tracking and fragment
  ['https://item.jd.com/100012043978.html', product('jd', '100012043978')],
  ['https://item.jd.com/100012043978.html?bbtf=1#crumb-wrap', product('jd', '100012043978')],
  ['https://item.m.jd.com/product/100012043978.html?utm_source=iosapp&utm_medium=appshare&utm_campaign=t_335139774&utm_term=Wxfriends', product('jd', '100012043978')],
  ['https://item.m.jd.com/ware/view.action?wareId=100012043978', product('jd', '100012043978')],
  ['https://npcitem.jd.hk/100012043978.html', product('jd', '100012043978')],
  ['https://item.jd.hk/100012043978.html', product('jd', '100012043978')],
  ['https://wqitem.jd.com/item/view?sku=100012043978', product('jd', '100012043978')],
  ['http://item.jd.com/4567890.html', product('jd', '4567890')],
  ['item.jd.com/100012043978.html', product('jd', '100012043978')],
  ['【京东】https://item.jd.com/100012043978.html「Apple iPhone 15」点击链接直接打开', product('jd', '100012043978')],
  // Pinduoduo: both domains, goods2, tracking
  ['https://mobile.yangkeduo.com/goods.html?goods_id=123456789012', product('pinduoduo', '123456789012')],
  ['https://mobile.yangkeduo.com/goods2.html?goods_id=123456789012&page_from=35&refer_share_id=abc&share_uin=XYZ', product('pinduoduo', '123456789012')],
  ['https://mobile.pinduoduo.com/goods.html?goods_id=123456789012', product('pinduoduo', '123456789012')],
  ['https://yangkeduo.com/goods1.html?goods_id=123456789012&_wvx=10', product('pinduoduo', '123456789012')],
  ['mobile.yangkeduo.com/goods.html?goods_id=123456789012', product('pinduoduo', '123456789012')],
  ['【拼多多】https://mobile.yangkeduo.com/goods.html?goods_id=123456789012 复制这条信息打开拼多多', product('pinduoduo', '123456789012')],
  // Weidian: desktop, legacy shop subdomain, WeChat tracking, casing of the parameter
  ['https://weidian.com/item.html?itemID=4567890123', product('weidian', '4567890123')],
  ['https://weidian.com/item.html?itemID=4567890123&wfr=wx&spider_token=8a1c&share_relation=abc', product('weidian', '4567890123')],
  ['https://shop1234567.v.weidian.com/item.html?itemID=4567890123', product('weidian', '4567890123')],
  ['https://weidian.com/item.html?itemId=4567890123', product('weidian', '4567890123')],
  ['http://weidian.com/item.html?itemID=4567890123', product('weidian', '4567890123')],
  ['weidian.com/item.html?itemID=4567890123', product('weidian', '4567890123')],
];

const shortLinks: [string, ParsedLink][] = [
  ['https://m.tb.cn/h.5Xb3TyB?tk=AbCd3XyZ12', short('taobao')],
  ['【淘宝】https://m.tb.cn/h.5Xb3TyB?tk=AbCd3XyZ12 CZ0001 「2024夏季新款连衣裙」点击链接直接打开 或者 淘宝搜索直接打开', short('taobao')],
  ['https://e.tb.cn/h.gAbCdEfG?tk=XyZ', short('taobao')],
  ['m.tb.cn/h.5Xb3TyB', short('taobao')],
  ['https://qr.1688.com/s/AbCd1234', short('1688')],
  ['【1688】https://qr.1688.com/s/AbCd1234 复制口令打开1688', short('1688')],
  ['https://3.cn/1-AbCdEf', short('jd')],
  ['【京东】https://3.cn/-1Xyz0Ab「小米 Redmi K70」\n----------\n点击链接直接打开', short('jd')],
  ['https://u.jd.com/AbCdEfG', short('jd')],
  ['https://p.pinduoduo.com/AbCdEfGh', short('pinduoduo')],
  ['https://mobile.yangkeduo.com/goods.html?ps=AbCdEf1234', short('pinduoduo')],
  ['https://k.youshop10.com/AbCdEf', short('weidian')],
];

const negatives: [string, ParsedLink][] = [
  // Marketplace pages that are not listings
  ['https://shop1234567890.1688.com/page/offerlist.htm', notListing('1688')],
  ['https://s.1688.com/selloffer/offer_search.htm?keywords=%C1%AC%D2%C2%C8%B9', notListing('1688')],
  ['https://air.1688.com/app/ocms-fusion-components-1688/def_cbu_web_im/index.html?offerId=612345678901', notListing('1688')],
  ['https://detail.1688.com/offer/abc.html', notListing('1688')],
  ['https://qr.1688.com/', notListing('1688')],
  ['https://item.taobao.com/item.htm', notListing('taobao')],
  ['https://item.taobao.com/item.htm?id=abc123', notListing('taobao')],
  ['https://shop123456789.taobao.com/?spm=a230r.7195193', notListing('taobao')],
  ['https://s.taobao.com/search?q=%E8%BF%9E%E8%A1%A3%E8%A3%99&id=680123456789', notListing('taobao')],
  ['https://www.taobao.com/', notListing('taobao')],
  ['https://xiaomi.tmall.com/shop/view_shop.htm', notListing('tmall')],
  ['https://list.tmall.com/search_product.htm?q=dress', notListing('tmall')],
  ['https://mall.jd.com/index-1000000127.html', notListing('jd')],
  ['https://search.jd.com/Search?keyword=%E6%89%8B%E6%9C%BA&enc=utf-8', notListing('jd')],
  ['https://item.jd.com/abc.html', notListing('jd')],
  ['https://mobile.yangkeduo.com/mall_page.html?mall_id=123456789', notListing('pinduoduo')],
  ['https://mobile.yangkeduo.com/search_result.html?search_key=dress&goods_id=123456789012', notListing('pinduoduo')],
  ['https://weidian.com/?userid=1234567890', notListing('weidian')],
  ['https://weidian.com/s/1234567890?wfr=c', notListing('weidian')],
  ['https://weidian.com/item.html?itemID=12x', notListing('weidian')],
  // Other sites and lookalikes
  ['https://example.com/offer/612345678901.html', unknown],
  ['https://1688.com.evil.io/offer/612345678901.html', unknown],
  ['https://detail.1688.com.evil.io/offer/612345678901.html', unknown],
  ['https://nottaobao.com/item.htm?id=680123456789', unknown],
  ['https://item.taobao.com.cn.example.net/item.htm?id=680123456789', unknown],
  ['https://faketmall.com/item.htm?id=680123456789', unknown],
  ['https://notjd.com/100012043978.html', unknown],
  ['https://evil.com/?u=https%3A%2F%2Fitem.jd.com%2F100012043978.html', unknown],
  ['https://m.tb.cn.evil.io/h.5Xb3TyB', unknown],
  ['https://www.amazon.com/dp/B0C1234567', unknown],
  ['ftp://detail.1688.com/offer/612345678901.html', unknown],
  ['javascript:alert(1)', unknown],
  // Not links at all
  ['连衣裙', unknown],
  ['cotton summer dress', unknown],
  ['3.5kg 1.2m', unknown],
  ['', unknown],
];

describe('parseProductLink', () => {
  it.each(productLinks)('reads %s', (input, expected) => {
    expect(parseProductLink(input)).toEqual(expected);
  });

  it.each(shortLinks)('recognises the short link %s', (input, expected) => {
    expect(parseProductLink(input)).toEqual(expected);
  });

  it.each(negatives)('does not take %s for a listing', (input, expected) => {
    expect(parseProductLink(input)).toEqual(expected);
  });

  it('covers every platform with at least five listing shapes', () => {
    const counts = new Map<string, number>();
    for (const [, parsed] of productLinks) if (parsed.kind === 'product') counts.set(parsed.link.platform, (counts.get(parsed.link.platform) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['1688', 'jd', 'pinduoduo', 'taobao', 'tmall', 'weidian']);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(5);
  });

  it('prefers a listing over a short link or another page in the same text', () => {
    expect(parseProductLink('shop https://shop1.taobao.com/ item https://item.taobao.com/item.htm?id=680123456789')).toEqual(product('taobao', '680123456789'));
    expect(parseProductLink('https://www.google.com/ then https://m.tb.cn/h.5Xb3TyB')).toEqual(short('taobao'));
    expect(parseProductLink('https://www.google.com/ https://s.taobao.com/search?q=x')).toEqual(notListing('taobao'));
  });
});

describe('productSourceUrl', () => {
  it('gives a canonical address that parses back to the same listing', () => {
    for (const [, parsed] of productLinks) {
      if (parsed.kind !== 'product') continue;
      expect(parseProductLink(productSourceUrl(parsed.link))).toEqual(parsed);
    }
  });
});

describe('looksLikeUrl / extractUrls', () => {
  it('tells links from keywords', () => {
    expect(looksLikeUrl('https://detail.1688.com/offer/1.html')).toBe(true);
    expect(looksLikeUrl('item.jd.com/100012043978.html')).toBe(true);
    expect(looksLikeUrl('【淘宝】https://m.tb.cn/h.5Xb3TyB 点击链接直接打开')).toBe(true);
    expect(looksLikeUrl('cotton dress')).toBe(false);
    expect(looksLikeUrl('连衣裙 夏季 2024')).toBe(false);
    expect(looksLikeUrl('iPhone 15 Pro 256GB')).toBe(false);
    expect(looksLikeUrl('someone@qq.com')).toBe(false);
  });

  it('cuts the link at the Chinese text and punctuation around it', () => {
    expect(extractUrls('【京东】https://3.cn/-1Xyz0Ab「小米」')).toEqual(['https://3.cn/-1Xyz0Ab']);
    expect(extractUrls('见 https://item.jd.com/1.html，谢谢')).toEqual(['https://item.jd.com/1.html']);
    expect(extractUrls('(https://item.jd.com/100012043978.html).')).toEqual(['https://item.jd.com/100012043978.html']);
  });
});
