import { locales, localeTags } from '../../lib/i18n/locales';
import { expect, test } from './fixtures';

const absolute = (href: string | null) => {
  expect(href).toBeTruthy();
  const url = new URL(href!); // throws on a relative URL
  expect(url.protocol).toMatch(/^https?:$/);
  return url;
};

test.describe('product page SEO', () => {
  test('canonical, hreflang alternates, JSON-LD and social meta', async ({ page, product, productSlug }) => {
    await product.open('en', productSlug);
    const head = page.locator('head');

    await expect(head.locator('link[rel="canonical"]')).toHaveCount(1);
    expect(await head.locator('link[rel="canonical"]').getAttribute('href')).toBe(page.url());

    const alternates = await head.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((l) => ({ lang: l.getAttribute('hreflang')!, href: l.getAttribute('href') })),
    );
    expect(alternates).toHaveLength(11);
    expect(alternates.map((a) => a.lang).sort()).toEqual([...locales.map((l) => localeTags[l].hreflang), 'x-default'].sort());
    for (const { lang, href } of alternates) {
      const url = absolute(href);
      const locale = lang === 'x-default' ? 'en' : locales.find((l) => localeTags[l].hreflang === lang);
      expect(url.pathname, `hreflang ${lang}`).toBe(`/${locale}/p/${productSlug}`);
    }

    const data = await product.jsonLd(); // throws if a block is not valid JSON
    const item = data.find((d) => d['@type'] === 'Product');
    expect(item).toBeDefined();
    expect(item!.name).toBe((await product.title.textContent())!.trim());
    const offers = item!.offers as Record<string, unknown>;
    expect(offers['@type']).toBe('Offer');
    expect(typeof offers.price).toBe('string');
    expect(offers.price).toMatch(/^\d+(\.\d+)?$/);
    expect(offers.priceCurrency).toBe((await product.currentCurrency.textContent())!.trim());
    expect(offers.priceCurrency).toBe('USD');

    const breadcrumbs = data.find((d) => d['@type'] === 'BreadcrumbList');
    expect(breadcrumbs).toBeDefined();
    const items = breadcrumbs!.itemListElement as Array<{ position: number; name: string; item: string }>;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
    const lastCrumb = product.breadcrumbs.getByRole('link').last();
    const last = items.at(-1)!;
    expect(absolute(last.item).pathname).toBe(await lastCrumb.getAttribute('href'));
    expect(absolute(last.item).pathname).toMatch(/^\/en\/c\/[a-z0-9-]+$/);
    expect(last.name).toBe((await lastCrumb.textContent())!.trim());

    const meta = (selector: string) => head.locator(selector).getAttribute('content');
    expect((await meta('meta[name="description"]'))?.trim().length).toBeGreaterThan(20);
    expect(await meta('meta[property="og:title"]')).toBe(item!.name);
    const ogImage = absolute(await meta('meta[property="og:image"]'));
    expect(ogImage.pathname).toMatch(/^\/media\/.+-800\.webp$/);
    const image = await page.request.get(ogImage.pathname);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/webp');
  });

  test('the document title follows the locale', async ({ page, productSlug }) => {
    await page.goto(`/en/p/${productSlug}`);
    const english = await page.title();
    await page.goto(`/zh-CN/p/${productSlug}`);
    const chinese = await page.title();
    expect(english).toMatch(/ \| Ferry$/);
    expect(chinese).toMatch(/ \| Ferry$/);
    expect(chinese).not.toBe(english);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);

    await page.goto('/en');
    const homeEn = await page.title();
    await page.goto('/ja');
    expect(await page.title()).not.toBe(homeEn);
  });

  test('an unknown product is a 404 with the localized not-found page', async ({ page }) => {
    const response = await page.goto('/en/p/does-not-exist-999999');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test.describe('crawling', () => {
  test('robots.txt names the sitemap', async ({ request, baseURL }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).toMatch(/^User-Agent: \*$/m);
    expect(body).toContain(`Sitemap: ${new URL('/sitemap.xml', baseURL).href}`);
  });

  test('sitemap.xml is an index of files with at most 50,000 URLs each', async ({ request }) => {
    const index = await request.get('/sitemap.xml');
    expect(index.status()).toBe(200);
    expect(index.headers()['content-type']).toContain('xml');
    const body = await index.text();
    expect(body).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = [...body.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map((m) => absolute(m[1]!));
    expect(files.length).toBeGreaterThanOrEqual(2); // pages + at least one product file

    let productUrls = 0;
    for (const file of files) {
      const response = await request.get(file.pathname);
      expect(response.status(), file.pathname).toBe(200);
      const xml = await response.text();
      expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
      const urls = xml.match(/<url>/g)?.length ?? 0;
      expect(urls, file.pathname).toBeGreaterThan(0);
      expect(urls, file.pathname).toBeLessThanOrEqual(50_000);
      if (file.pathname.includes('products')) productUrls += urls;
    }
    expect(productUrls % locales.length).toBe(0); // every product listed in every locale
  });
});
