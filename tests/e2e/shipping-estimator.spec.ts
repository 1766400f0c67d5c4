import { expect, test } from './fixtures';
import { AdminShippingLinesPage } from './pages/admin-shipping-lines-page';
import { ShippingEstimatorPage } from './pages/shipping-estimator-page';
import { staffPage } from './pages/staff';

const parcel = { weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 10 };
const parcelQuery = 'weightGrams=1200&lengthCm=30&widthCm=20&heightCm=10';

// A shopper compares lines to Japan in Japanese (yen): chargeable weight, price, days, the lines that
// cannot take the parcel and why; batteries leave only the line that carries them; the product page
// then estimates for the country chosen here.
test('a shopper compares shipping lines to Japan in Japanese, and the product page estimates for Japan', async ({ page, product, productSlug }) => {
  const estimator = await new ShippingEstimatorPage(page).open('ja');
  await expect(page).toHaveTitle(/送料シミュレーター/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/ja\/shipping$/);
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  // A first visit already quotes a typical parcel, for the browser's own country.
  await expect(estimator.quoteRows.first()).toBeVisible();

  await estimator.estimate({ country: 'JP', ...parcel });
  await expect(estimator.results.locator('h2')).toHaveText('日本への配送');
  const dhl = estimator.row('dhl-express');
  // 1,200 g by volume on DHL's 5000 divisor, rounded up to 500 g units: 1.5 kg; 319.95 yuan shown in yen.
  await expect(dhl).toHaveAttribute('data-chargeable-grams', '1500');
  await expect(dhl).toHaveAttribute('data-price-cny', '31995');
  await expect(dhl).toContainText('DHL エクスプレス');
  await expect(dhl).toContainText('1.5 kg');
  await expect(dhl).toContainText('￥');
  await expect(dhl).toContainText('3～6日');
  const prices = await estimator.prices();
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
  await expect(estimator.quoteRows.first().locator('.estimator-cheapest')).toHaveText('最安');
  expect(await estimator.reasonOf('sea-freight')).toContain('10 kg以上の荷物のみ受け付けます。');
  expect(await estimator.reasonOf('eu-tax-included')).toContain('日本へは配送していません。');

  await estimator.estimate({ country: 'JP', ...parcel, goods: ['battery'] });
  await expect(estimator.quoteRows).toHaveCount(1);
  await expect(estimator.row('battery-air')).toBeVisible();
  expect(await estimator.reasonOf('dhl-express')).toContain('電池は取り扱い不可です。');

  // A value out of bounds is named beside its field, and nothing is quoted.
  await estimator.open('ja', `country=JP&weightGrams=0&lengthCm=30&widthCm=20&heightCm=10`);
  await expect(page.getByTestId('error-weightGrams')).toHaveText('1～100,000 の数値を入力してください。');
  await expect(page.locator('#ship-weightGrams')).toHaveAttribute('aria-invalid', 'true');
  await expect(estimator.results).toHaveCount(0);

  // The product page (one cached render for everyone) estimates in the browser for the country chosen above.
  await product.open('ja', productSlug);
  await expect(page.getByTestId('product-shipping-estimate')).toHaveAttribute('data-country', 'JP');
  const cheapest = page.getByTestId('product-shipping-cheapest');
  await expect(cheapest).toContainText('日本への送料：約');
  await expect(cheapest).toContainText('￥');
  expect(Number(await cheapest.getAttribute('data-price-minor'))).toBeGreaterThan(0);

  // The cart estimates its whole weight (with packing) for the same country, and links to the estimator with it filled in.
  await product.addToCart(2);
  await page.goto('/ja/cart');
  const cartEstimate = page.getByTestId('cart-shipping-estimate');
  await expect(cartEstimate).toHaveAttribute('data-country', 'JP');
  await expect(cartEstimate).toContainText('日本まで約');
  await cartEstimate.getByTestId('cart-shipping-compare').click();
  await expect(page).toHaveURL(/\/ja\/shipping\?country=JP&weightGrams=\d+/);
  await expect(estimator.results).toHaveAttribute('data-country', 'JP');
});

test('the estimator answers without JavaScript: the form is a plain GET', async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const estimator = await new ShippingEstimatorPage(page).open('de');
  await estimator.form.locator('select[name="country"]').selectOption('FR');
  for (const [field, value] of Object.entries(parcel)) await estimator.form.locator(`input[name="${field}"]`).fill(String(value));
  await estimator.form.locator('input[name="goods"][value="liquid"]').check();
  await page.getByTestId('estimate-submit').click();
  await expect(page).toHaveURL(/\/de\/shipping\?country=FR&weightGrams=1200&lengthCm=30&widthCm=20&heightCm=10&goods=liquid/);
  await expect(estimator.results.locator('h2')).toHaveText('Versand nach Frankreich');
  await expect(estimator.quoteRows).toHaveCount(0);
  await expect(estimator.noQuotes).toBeVisible();
  expect(await estimator.reasonOf('economy-air')).toContain('Befördert keine Flüssigkeiten.');
});

// An admin edits a line in Chinese: a refused value is named beside its field, a saved price is the
// next quote's price, and a deactivated line leaves the estimator until it is activated again.
test('an admin edits a shipping line in Chinese and the estimator quotes the change at once', async ({ browser }) => {
  const page = await staffPage(browser, 'admin', '/zh-CN/admin/shipping/lines');
  const admin = new AdminShippingLinesPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('物流线路');
  await expect(page.locator('nav a[href="/zh-CN/admin/shipping/lines"]')).toHaveText('物流线路');
  await expect(admin.row('economy-air')).toContainText('经济空运');

  const shopper = new ShippingEstimatorPage(await (await browser.newContext()).newPage());
  const germany = `country=DE&${parcelQuery}`;
  await shopper.open('en', germany);
  await expect(shopper.row('economy-air')).toHaveAttribute('data-price-cny', '13100'); // 75 + 2 × 28 yuan

  await admin.edit('economy-air');
  await admin.field('firstPrice').fill('80.001');
  await admin.save();
  await expect(admin.errorOf('firstPrice')).toHaveText('请输入以元为单位、最多两位小数的金额，例如 45.50。');
  await expect(admin.field('firstPrice')).toHaveAttribute('aria-invalid', 'true');
  await shopper.open('en', germany);
  await expect(shopper.row('economy-air')).toHaveAttribute('data-price-cny', '13100');

  await admin.field('firstPrice').fill('80.00');
  await admin.save();
  await expect(admin.status).toHaveText('已保存：修改了 1 项。');
  try {
    await shopper.open('en', germany);
    await expect(shopper.row('economy-air')).toHaveAttribute('data-price-cny', '13600'); // 80 + 2 × 28
  } finally {
    await admin.field('firstPrice').fill('75.00');
    await admin.save();
    await expect(admin.status).toHaveText('已保存：修改了 1 项。');
  }

  await page.goto('/zh-CN/admin/shipping/lines');
  await admin.row('ems').getByRole('button', { name: '停用' }).click();
  await expect(admin.row('ems')).toHaveAttribute('data-active', 'false');
  try {
    await shopper.open('en', germany);
    await expect(shopper.row('economy-air')).toBeVisible();
    await expect(shopper.row('ems')).toHaveCount(0);
    await expect(shopper.unavailableLine('ems')).toHaveCount(0);
  } finally {
    await admin.row('ems').getByRole('button', { name: '启用' }).click();
    await expect(admin.row('ems')).toHaveAttribute('data-active', 'true');
  }
  await shopper.open('en', germany);
  await expect(shopper.row('ems')).toBeVisible();
});
