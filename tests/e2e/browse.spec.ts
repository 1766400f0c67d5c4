import { expect, test } from './fixtures';

test.describe('browsing in English', () => {
  test('home → category → sort → page 2 → product, and choosing a SKU option', async ({ page, home, category, product }) => {
    await home.open('en');
    const tile = home.categoryTiles.first();
    const tileName = (await tile.locator('span').first().textContent())!.trim();
    const categoryPath = (await tile.getAttribute('href'))!;
    expect(categoryPath).toMatch(/^\/en\/c\/[a-z0-9-]+$/);

    await tile.click();
    await page.waitForURL((url) => url.pathname === categoryPath);
    await expect(category.heading).toContainText(tileName);
    await expect(category.resultCount).toHaveText(/^\d[\d,]* products?$/);
    const total = await category.total();
    expect(total).toBeGreaterThan(24); // enough for a second page
    await expect(category.productCards.first()).toBeVisible();
    expect(await category.productCards.count()).toBeGreaterThan(1);

    await category.sortBy('price-asc');
    await expect(category.sortSelect).toHaveValue('price-asc');
    await expect(category.resultCount).toHaveText(`${total.toLocaleString('en')} products`);
    const firstPage = await category.cardPrices();
    expect(firstPage.length).toBeGreaterThan(1);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));

    await category.goToPage(2);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('price-asc'); // the sort survives paging
    const secondPage = await category.cardPrices();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage).toEqual([...secondPage].sort((a, b) => a - b));
    expect(secondPage[0]).toBeGreaterThanOrEqual(firstPage.at(-1)!);

    const card = category.productCards.first().locator('a.card-link');
    const productPath = (await card.getAttribute('href'))!;
    const cardTitle = (await card.locator('.card-title').textContent())!.trim();
    await card.click();
    await page.waitForURL((url) => url.pathname === productPath);

    await expect(product.title).toHaveText(cardTitle);
    await expect(product.breadcrumbs.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('href', '/en');
    await expect(product.breadcrumbs.locator(`a[href="${categoryPath}"]`)).toHaveText(tileName);
    await expect(product.breadcrumbs.locator('[aria-current="page"]')).toHaveText(cardTitle);
    await expect(product.galleryImage).toBeVisible();
    await expect(product.galleryImage).toHaveAttribute('alt', cardTitle);
    await expect.poll(() => product.galleryImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // Pick an option that is not selected yet in the first spec group.
    const group = product.specGroups.first();
    await expect(group.locator('button.spec-option[aria-pressed="true"]')).toHaveCount(1);
    const selected = group.locator('button.spec-option[aria-pressed="true"]');
    const selectedLabel = (await selected.textContent())!.trim();
    const other = group.locator('button.spec-option[aria-pressed="false"]').first();
    const otherLabel = (await other.textContent())!.trim();
    await other.click();
    const otherNow = group.getByRole('button', { name: otherLabel, exact: true });
    await expect(otherNow).toHaveAttribute('aria-pressed', 'true');
    await expect(group.getByRole('button', { name: selectedLabel, exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect(group.locator('legend')).toContainText(otherLabel);
    await expect(product.skuPrice.locator('strong')).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
    await expect(product.skuStock).toHaveText(/^(\d+ in stock|Sold out)$/);

    await expect(product.sourceLink).toHaveText('View on 1688');
    const source = new URL((await product.sourceLink.getAttribute('href'))!);
    expect(source.protocol).toBe('https:');
    expect(source.hostname).toBe('detail.1688.com');
    expect(source.pathname).toMatch(/^\/offer\/\d+\.html$/);
  });

  test('keyboard: the skip link comes first and the search box is reachable', async ({ page, product, productSlug }) => {
    await product.open('en', productSlug);
    await page.keyboard.press('Tab');
    await expect(product.skipLink).toBeFocused();
    await expect(product.skipLink).toBeInViewport(); // it slides in when focused
    await expect(product.skipLink).toHaveAttribute('href', '#main');

    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await product.searchInput.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'search input reached within a few Tab presses').toBe(true);
    await page.keyboard.type('dress');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/en/search' && url.searchParams.get('q') === 'dress');
  });

  test('every image has alternative text (decorative thumbs sit in labelled buttons)', async ({ product, productSlug }) => {
    await product.open('en', productSlug);
    const images = await product.page.locator('img').evaluateAll((imgs) =>
      imgs.map((img) => ({
        src: img.getAttribute('src'),
        alt: img.getAttribute('alt'),
        labelledButton: img.closest('button')?.getAttribute('aria-label')?.trim() || null,
      })),
    );
    expect(images.length).toBeGreaterThan(1);
    for (const img of images) {
      expect(img.alt, `alt attribute on ${img.src}`).not.toBeNull();
      if (img.alt === '') expect(img.labelledButton, `empty alt on ${img.src} needs a labelled button`).toBeTruthy();
      else expect(img.alt!.trim().length, `alt text on ${img.src}`).toBeGreaterThan(0);
    }
  });
});
