import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';

// scripts/test.sh seeds 1,000 products; its 1688 sandbox serves 2,000. A full sync started by
// staff brings in the other 1,000 (and refreshes the first 1,000 on the fast path).
const ADMIN = { email: 'admin@ferry.test', password: 'ferry-test-admin' };

test('staff start a full catalog sync from the admin and watch it complete; the image page counts images', async ({ page }) => {
  test.setTimeout(150_000);
  await new AccountForms(page).signInAt('en', ADMIN.email, ADMIN.password, '/en/admin/sync');
  const board = page.getByTestId('sync-board');
  await expect(board).toBeVisible();

  await page.getByTestId('sync-full').click();
  const run = page.getByTestId('sync-run');
  await expect(run).toHaveAttribute('data-status', /running|completed/, { timeout: 15_000 });
  // The board polls every 2 s; the walk of 2,000 offers takes seconds here.
  await expect(run).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
  await expect(page.getByTestId('sync-seen')).toHaveText(/2[,.\s\u202f]?000/);
  await expect(page.getByTestId('sync-failed')).toHaveText('0');
  await expect(page.getByTestId('sync-runs').locator('tbody tr[data-status="completed"]').first()).toBeVisible();

  await page.goto('/en/admin/images');
  const counts = page.getByTestId('image-counts');
  await expect(counts).toBeVisible();
  await expect(counts).toContainText(/\d/);
});
