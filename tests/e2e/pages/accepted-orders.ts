import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { AccountForms } from './account-pages';
import { testDatabaseQuery } from './admin-events-page';
import { CartPage } from './cart-page';
import { CheckoutPage } from './checkout-page';
import { OrderPage } from './order-page';
import type { ProductPage } from './product-page';

/**
 * A new shopper signed up in `page` with `orders` cash-on-delivery orders of one product shipped to
 * the Emirates (cash on delivery is offered there, and no worker buys such an order while the test
 * sets its state), their items then as the warehouse leaves them: bought, received, weighed, shelved
 * and accepted. Returns the order numbers.
 */
export async function shopperWithAcceptedOrders(page: Page, product: ProductPage, options: { slug: string; name: string; line1?: string; orders?: number; weightGrams?: number; bin?: string }): Promise<string[]> {
  await page.goto('/en/AED');
  await page.goto(`/en/account/sign-up?callbackUrl=${encodeURIComponent('/en/account')}`);
  await new AccountForms(page).signUp({ name: options.name, email: `shopper-${randomUUID()}@example.com`, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/en/account', { timeout: 20_000 });
  const numbers: string[] = [];
  for (let k = 0; k < (options.orders ?? 1); k++) {
    await product.open('en', options.slug);
    await product.addToCart(1);
    await new CartPage(page).open('en');
    await page.goto('/en/checkout');
    const checkout = new CheckoutPage(page);
    if (k === 0) await checkout.fillNewAddress({ name: options.name, line1: options.line1 ?? 'Sheikh Zayed Road 12', city: 'Dubai', country: 'AE', phone: '050 123 4567' });
    await checkout.choosePayment('cod');
    await checkout.placeOrder();
    await expect(page).toHaveURL((url) => url.pathname.startsWith('/en/account/orders/'), { timeout: 20_000 });
    numbers.push(new OrderPage(page).number());
  }
  const list = numbers.map((n) => `'${n}'`).join(',');
  testDatabaseQuery(
    `UPDATE orders SET status = 'arrived', confirmed_at = NOW(3), reserved_until = NULL WHERE number IN (${list});
     UPDATE order_items oi JOIN orders o ON o.id = oi.order_id SET oi.purchase_status = 'purchased', oi.fulfilment_status = 'accepted', oi.weight_grams = ${options.weightGrams ?? 400}, oi.received_at = NOW(3), oi.storage_bin = '${options.bin ?? 'A-01-3'}' WHERE o.number IN (${list});`,
  );
  return numbers;
}
