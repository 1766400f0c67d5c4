import { expect, type Locator, type Page } from '@playwright/test';

/** Sign-up and sign-in forms (/{locale}/account/sign-up, /sign-in). Fields are found by name, so any language works. */
export class AccountForms {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('main form.account-form');
  }

  async signUp(account: { name: string; email: string; password: string }) {
    await this.form.locator('input[name="name"]').fill(account.name);
    await this.form.locator('input[name="email"]').fill(account.email);
    await this.form.locator('input[name="password"]').fill(account.password);
    await this.form.locator('input[name="confirmPassword"]').fill(account.password);
    await this.form.locator('button[type="submit"]').click();
  }

  async signIn(email: string, password: string) {
    await this.form.locator('input[name="email"]').fill(email);
    await this.form.locator('input[name="password"]').fill(password);
    await this.form.locator('button[type="submit"]').click();
  }

  /** Opens the sign-in page with a return path and signs in; resolves on arrival there. */
  async signInAt(locale: string, email: string, password: string, callbackPath: string) {
    await this.page.goto(`/${locale}/account/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
    await this.signIn(email, password);
    await expect(this.page).toHaveURL((url) => url.pathname === callbackPath, { timeout: 20_000 });
  }
}

/** The sandbox gateway's hosted page: the three outcomes a tester can choose. */
export class SandboxPayPage {
  constructor(readonly page: Page) {}

  async expectOpen() {
    await expect(this.page.getByRole('heading', { name: 'Ferry test payment' })).toBeVisible({ timeout: 20_000 });
  }

  async pay(outcome: 'Pay successfully' | 'Decline' | 'Approve slowly' = 'Pay successfully') {
    await this.expectOpen();
    await this.page.getByRole('button', { name: outcome }).click();
  }
}
