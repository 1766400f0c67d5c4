import { expect, test } from './fixtures';
import { AdminReportsPage } from './pages/admin-reports-page';
import { staffPage } from './pages/staff';

// Finance opens the profit report in Chinese, picks a range and weekly periods, and reads the chart
// (drawn in the browser) beside the table of the same periods; the CSV link carries the same filters.
test('finance reads the profit report’s chart and table by ISO week, in Chinese', async ({ browser }) => {
  const page = await staffPage(browser, 'finance', '/zh-CN/admin/finance/reports');
  const report = new AdminReportsPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('利润报表');
  await report.show({ from: '2026-11-01', to: '2026-11-30', grain: 'week', currency: 'CNY', showLabel: '查看' });
  await expect(report.chart.locator('canvas')).toBeVisible();
  await expect(report.legend()).toContainText(['收入', '退款', '上游成本', '毛利']);
  // 1 November 2026 is a Sunday: six ISO weeks touch November, each with its total row.
  await expect(report.table.locator('tbody tr[data-total="period"]')).toHaveCount(6);
  await expect(report.table.locator('tbody tr[data-total="period"]').first()).toContainText('2026-W44');
  await expect(page.getByTestId('report-export')).toHaveAttribute('href', /\/zh-CN\/admin\/finance\/reports\/export\?from=2026-11-01&to=2026-11-30&grain=week&currency=CNY/);
});

// Shipping (parcels' money) is a choice of its own in the category filter, next to "no category".
test('finance picks the shipping part in Chinese, and the CSV link carries it', async ({ browser }) => {
  const page = await staffPage(browser, 'finance', '/zh-CN/admin/finance/reports');
  const report = new AdminReportsPage(page);
  await expect(page.locator('select[name="category"] option[value="0"]')).toHaveText('不分类目');
  await report.show({ from: '2026-11-01', to: '2026-11-30', grain: 'month', currency: 'CNY', showLabel: '查看', category: '运费（包裹）' });
  await expect(page).toHaveURL((url) => url.searchParams.get('category') === 'shipping');
  await expect(report.table.locator('tfoot')).toContainText('运费（包裹）');
  await expect(page.locator('[data-testid="report-notice"][data-kind="no_carrier_cost"]')).toContainText('尚未记录承运商成本');
  await expect(page.getByTestId('report-export')).toHaveAttribute('href', /category=shipping/);
});
