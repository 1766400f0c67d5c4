// GET /api/admin/shipments/<tracking number>/label — the warehouse prints a dispatched parcel's label (PDF).
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorJson } from '@/lib/errors/http';
import { shipmentLabelPdf } from '@/lib/shipping-tracking/dispatch-shipment';
import { TRACKING_NUMBER_PATTERN } from '@/lib/tracking';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(_request: Request, ctx: { params: Promise<{ number: string }> }): Promise<Response> {
  try {
    await requirePermission('orders:warehouse');
    const { number } = await ctx.params;
    if (!TRACKING_NUMBER_PATTERN.test(number)) throw new AppError('not_found', 'No such shipment');
    const pdf = await shipmentLabelPdf(getDb(), number);
    if (!pdf) throw new AppError('not_found', 'No label for this shipment');
    return new Response(Buffer.from(pdf), { headers: { ...headers, 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="label-${number}.pdf"` } });
  } catch (error) {
    return errorJson(error, { where: '[admin] GET /api/admin/shipments/[number]/label', headers });
  }
}
