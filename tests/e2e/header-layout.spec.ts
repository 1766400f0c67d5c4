import { expect, test } from './fixtures';
import { ProductPage } from './pages/product-page';

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the header is two compact rows: logo, menus, account and cart; then search', async ({ page }) => {
    await page.goto('/de');
    const header = page.locator('header.site-header');
    const box = await header.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(120);
    // Cart shares the first row with the logo (not alone on a row of its own).
    const logo = await header.locator('a.logo').boundingBox();
    const cart = await header.getByTestId('cart-link').boundingBox();
    expect(Math.abs(cart!.y - logo!.y)).toBeLessThan(20);
    // Every category is still one menu away.
    await header.locator('details.category-menu summary').click();
    const links = header.locator('details.category-menu nav a');
    expect(await links.count()).toBeGreaterThan(8);
    await expect(links.last()).toBeVisible();
  });
});

test('on a desktop every top category in the bar is visible and reachable with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/en');
  const links = page.locator('header nav.category-nav a');
  const count = await links.count();
  expect(count).toBeGreaterThan(8);
  const header = await page.locator('header.site-header').boundingBox();
  for (let i = 0; i < count; i++) {
    const box = await links.nth(i).boundingBox();
    // Inside the viewport's width: nothing cut off past the edge.
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    expect(box!.y).toBeGreaterThanOrEqual(header!.y);
  }
  await links.last().focus();
  await expect(links.last()).toBeFocused();
  await expect(links.last()).toBeInViewport({ ratio: 1 });
});

test('keyboard focus stays on "Add to cart" after adding', async ({ page, productSlug }) => {
  const product = new ProductPage(page);
  await product.open('en', productSlug);
  await product.addToCartButton.focus();
  await page.keyboard.press('Enter');
  await expect(product.addedNotice).toBeVisible();
  await expect(product.addToCartButton).toBeFocused();
  // A second press adds again (the button is usable straight away, focus never left).
  const first = await product.addedNotice.getAttribute('data-at');
  await page.keyboard.press('Enter');
  await expect(product.addedNotice).not.toHaveAttribute('data-at', first!);
  await expect(product.addToCartButton).toBeFocused();
});
