import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';
import { staffPage } from './pages/staff';

// The parcel screens as a new shopper and as warehouse staff reading Chinese see them: the shopper's
// list and the new-parcel page with nothing accepted yet; the staff board's tabs, each one a page.
test('a new shopper finds parcels in the account; warehouse staff work the parcel board in Chinese', async ({ page, browser }) => {
  await page.goto(`/en/account/sign-up?callbackUrl=${encodeURIComponent('/en/account')}`);
  await new AccountForms(page).signUp({ name: 'Parcel Shopper', email: `parcels-${randomUUID()}@example.com`, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/en/account', { timeout: 20_000 });
  await page.getByTestId('account-parcels').click();
  await expect(page).toHaveURL((url) => url.pathname === '/en/account/parcels');
  await expect(page.getByTestId('parcels-empty')).toBeVisible();
  await page.getByTestId('new-parcel').click();
  await expect(page.getByTestId('no-items')).toHaveText('No accepted items are waiting in the warehouse.');

  const staff = await staffPage(browser, 'warehouse', '/zh-CN/admin/parcels');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('包裹');
  const tabs = staff.getByTestId('parcel-tabs');
  await expect(tabs.locator('[aria-current="page"]')).toHaveText('待打包');
  await tabs.locator('[data-tab="awaiting_topup"]').click();
  await expect(staff).toHaveURL((url) => url.searchParams.get('tab') === 'awaiting_topup');
  await expect(tabs.locator('[aria-current="page"]')).toHaveText('待补款');
  await staff.context().close();
});
