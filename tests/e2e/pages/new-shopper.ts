import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { AccountForms, SandboxPayPage } from './account-pages';
import type { CartPage } from './cart-page';
import { CheckoutPage, type AddressInput } from './checkout-page';

/**
 * From an open cart (English): sign up as a new shopper, check out to `address`, pay by card on the
 * sandbox gateway's page, and come back to the order's page. Each call is a new account (sign-ups
 * are limited per address, so a test makes one).
 */
export async function signUpAndPayByCard(page: Page, cart: CartPage, shopper: { name: string; emailPrefix: string; password: string; address: AddressInput }) {
  await cart.signInToCheckout.click();
  await page.locator('main a[href*="/account/sign-up"]').first().click();
  await new AccountForms(page).signUp({ name: shopper.name, email: `${shopper.emailPrefix}-${randomUUID()}@example.com`, password: shopper.password });
  await expect(page).toHaveURL((url) => url.pathname === '/en/checkout', { timeout: 20_000 });
  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress(shopper.address);
  await checkout.choosePayment('card');
  await checkout.placeOrder();
  await new SandboxPayPage(page).pay();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/en/account/orders/'), { timeout: 20_000 });
}
