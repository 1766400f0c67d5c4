// GET /[locale]/admin/finance/reports/export?from=&to=&grain=&category=&currency= — finance downloads the profit report as CSV.
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';
import { buildProfitReport } from '@/lib/finance/reports/build-report';
import { topCategories } from '@/lib/finance/reports/categories';
import { parseReportQuery, SHIPPING } from '@/lib/finance/reports/report-query';
import { reportNotices } from '@/lib/finance/reports/notices';
import { profitReportCsv } from '@/lib/finance/reports/report-csv';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money/format';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  try {
    await requirePermission('payments:read');
    const { locale: asked } = await params;
    const locale = isLocale(asked) ? asked : 'en';
    const query = parseReportQuery(new URL(request.url).searchParams);
    if (!query) return Response.json({ error: { code: 'invalid_query', message: 'from/to (YYYY-MM-DD, at most 400 days), grain (day|week|month), category, currency' } }, { status: 400 });
    const db = getDb();
    const [report, cats, t] = await Promise.all([buildProfitReport(db, query), topCategories(db, locale), getTranslations({ locale, namespace: 'admin.reports' })]);
    const names = new Map(cats.map((c) => [c.id, c.name]));
    // A missing FX rate leaves the CSV in CNY, with a line that says what is missing (and what the shipping part lacks).
    const notes = reportNotices(report).map((n) =>
      n.kind === 'no_rate'
        ? t('noRate', { currency: n.currency })
        : n.kind === 'unconverted_fees'
          ? t('unconvertedFees', { currency: n.currency, amount: formatStoredMoney(n.amountMinor, n.currency, locale) })
          : t('noCarrierCost'),
    );
    const categoryName = (id: number | null | typeof SHIPPING) => (id === null ? t('unallocated') : id === SHIPPING ? t('shipping') : (names.get(id) ?? `#${id}`));
    const csv = profitReportCsv(report, categoryName, { total: t('total'), note: t('note'), notes });
    return new Response(`\uFEFF${csv}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="ferry-profit-${query.range.from}-${query.range.to}-${query.grain}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return errorJson(error, { where: '[admin] GET /admin/finance/reports/export' });
  }
}
