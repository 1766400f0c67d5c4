import { expect, test } from './fixtures';
import { staffPage } from './pages/staff';

const sections = ['expected', 'late', 'arrived_today', 'awaiting_photos', 'awaiting_decision', 'returns', 'unclaimed', 'expiring', 'expired'];

test('warehouse staff read the board in Chinese on a phone: every state counted, nothing wider than the screen', async ({ browser }) => {
  const page = await staffPage(browser, 'warehouse', '/zh-CN/admin/warehouse', { viewport: { width: 390, height: 844 } });
  await page.goto('/zh-CN/admin/warehouse');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('仓库看板');
  await expect(page.getByRole('navigation', { name: '后台栏目' }).getByRole('link', { name: '仓库', exact: true })).toBeVisible();
  for (const section of sections) {
    const card = page.getByTestId(`warehouse-section-${section}`);
    await expect(card).toBeVisible();
    await expect(card.getByTestId('warehouse-count')).toHaveText(/^\d+$/);
  }
  await expect(page.getByTestId('warehouse-section-late')).toContainText('逾期包裹');
  // One column of cards: the page does not scroll sideways on a 390-pixel screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The storage queue opens from its card, in the same language.
  await page.getByTestId('warehouse-section-expired').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/zh-CN\/admin\/warehouse\/storage/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('仓储');
});
