import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AccountForms, SandboxPayPage } from './pages/account-pages';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage } from './pages/order-page';

const messages = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as { infoPages: Record<string, { title: string }> };

test('the home and about pages promise only what the shop does today, naming the marketplaces a link can come from', async ({ page }) => {
  await page.goto('/en');
  const hero = page.locator('.hero p').first();
  await expect(hero).toContainText('1688');
  for (const marketplace of ['Taobao', 'Tmall', 'JD', 'Pinduoduo', 'Weidian']) await expect(hero).not.toContainText(marketplace);
  // No warehouse inspection or international shipping step until those modules run.
  await expect(page.locator('section.steps ol > li')).toHaveCount(2);
  await page.goto('/en/about');
  await expect(page.locator('main h2')).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText('photograph');
});

for (const locale of ['en', 'ar', 'ja']) {
  test(`the footer links to help, terms and privacy pages in ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}`);
    const words = messages(locale).infoPages;
    for (const info of ['help', 'terms', 'privacy']) {
      const link = page.locator(`footer a[href="/${locale}/${info}"]`);
      await expect(link).toHaveCount(1);
      const response = await page.request.get(`/${locale}/${info}`);
      expect(response.status(), info).toBe(200);
    }
    await page.locator(`footer a[href="/${locale}/terms"]`).click();
    await expect(page.locator('main h1')).toHaveText(words.terms!.title);
    await expect(page).toHaveTitle(new RegExp(words.terms!.title));
    expect(await page.locator('main section h2').count()).toBeGreaterThan(3);
  });
}

test('a shopper cancels an order they have not paid: the items are released and it says so', async ({ page, product, productSlug }) => {
  test.setTimeout(90_000);
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  // An account made with the CLI: the suite's sign-ups from one address stay under the hourly limit.
  const email = `cancel-${randomUUID()}@example.com`;
  execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'cli/ferry.ts', 'user', 'create', '--email', email, '--password', 'correct horse battery', '--role', 'customer'], { stdio: 'pipe' });
  await cart.signInToCheckout.click();
  await new AccountForms(page).signIn(email, 'correct horse battery');
  await expect(page).toHaveURL((url) => url.pathname === '/en/checkout', { timeout: 20_000 });
  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress({ name: 'Cancel Shopper', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', phone: '217 555 0100' });
  // Antarctica and North Korea are not offered as destinations.
  const countries = await page.locator('select[name$="country"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(countries).toContain('US');
  expect(countries).not.toContain('AQ');
  expect(countries).not.toContain('KP');
  await checkout.choosePayment('card');
  await checkout.placeOrder();
  // The shopper opens the gateway's page, then changes their mind and goes back to the order instead of paying.
  await new SandboxPayPage(page).expectOpen();
  await page.goto('/en/account/orders');
  await page.getByTestId('order-row').first().locator('a').first().click();
  const order = new OrderPage(page);
  await order.waitForStatus('pending');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('cancel-order').click();
  await expect(page.getByTestId('cancelled-notice')).toBeVisible({ timeout: 20_000 });
  await order.waitForStatus('cancelled');
  await expect(page.getByTestId('cancel-order')).toHaveCount(0);
  await expect(page.getByTestId('pay-now')).toHaveCount(0);
});

test('a cart save the shop refuses keeps the note and the quantity the shopper typed', async ({ page, browser, product, productSlug }) => {
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await expect(cart.lines).toHaveCount(1);
  // The same cart in another tab: the line is removed there first.
  const other = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await new CartPage(other).open('en').then((c) => c.line({ index: 0 }).removeLine());

  const line = cart.line({ index: 0 });
  await line.quantity.fill('2');
  await line.remark.fill('Please pick the darker green if there is a choice');
  await line.save.click();
  await expect(line.error).toBeVisible();
  await expect(line.remark).toHaveValue('Please pick the darker green if there is a choice');
  await expect(line.quantity).toHaveValue('2');
});
