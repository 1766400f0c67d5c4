import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';

/** Submits the sign-up form and returns the raw answer of its server action (read before the page moves on). */
async function signUpAnswer(page: Page, account: { name: string; email: string; password: string }): Promise<string> {
  await page.goto('/en/account/sign-up');
  let resolve: (body: string) => void = () => undefined;
  const answer = new Promise<string>((r) => (resolve = r));
  await page.route('**/en/account/sign-up', async (route) => {
    if (route.request().method() !== 'POST' || !route.request().headers()['next-action']) return route.continue();
    const response = await route.fetch();
    resolve(await response.text());
    await route.fulfill({ response });
  });
  await new AccountForms(page).signUp(account);
  const body = await answer;
  await page.unroute('**/en/account/sign-up');
  return body;
}

test.describe('account security', () => {
  test('sign-up answers a taken email exactly as a new one, creates nothing, and signs no one in', async ({ browser }) => {
    const email = `owner-${randomUUID()}@example.com`;
    const owner = await browser.newPage();
    const fresh = await signUpAnswer(owner, { name: 'Owner', email, password: 'owner-password-1' });
    await expect(owner).toHaveURL(/\/en\/account$/, { timeout: 20_000 });

    const stranger = await browser.newPage();
    const taken = await signUpAnswer(stranger, { name: 'Stranger', email, password: 'stranger-password' });
    // Byte for byte the same answer but for the moment it was made (the action chain stamps every
    // answer with `at`): the form cannot tell whether the address was free.
    const stampless = (body: string) => body.replace(/"at":\d+/g, '"at":0');
    expect(fresh).toContain('"ok":true');
    expect(stampless(taken)).toBe(stampless(fresh));
    await expect(stranger.getByText('Check your inbox')).toBeVisible({ timeout: 20_000 });
    await stranger.goto('/en/account');
    await expect(stranger).toHaveURL(/\/en\/account\/sign-in/);
    // The owner's password is untouched.
    await new AccountForms(stranger).signInAt('en', email, 'owner-password-1', '/en/account');
    await owner.close();
    await stranger.close();
  });

  test('"Sign out everywhere" ends the sessions of every browser signed in to the account', async ({ browser }) => {
    const email = `everywhere-${randomUUID()}@example.com`;
    const laptop = await browser.newPage();
    await signUpAnswer(laptop, { name: 'Kim', email, password: 'kim-password-1' });
    await expect(laptop).toHaveURL(/\/en\/account$/, { timeout: 20_000 });
    const phone = await browser.newPage();
    await new AccountForms(phone).signInAt('en', email, 'kim-password-1', '/en/account');

    await laptop.getByTestId('sign-out-everywhere').click();
    await expect(laptop).toHaveURL(/\/en\/account\/sign-in/, { timeout: 20_000 });
    // The phone still holds its cookie; the server no longer accepts it.
    await phone.goto('/en/account');
    await expect(phone).toHaveURL(/\/en\/account\/sign-in/);
    await new AccountForms(phone).signInAt('en', email, 'kim-password-1', '/en/account');
    await laptop.close();
    await phone.close();
  });
});
