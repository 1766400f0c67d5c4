// GET /api/orders/{number}/status: the order page's payment poller (components/orders/payment-poller.tsx); owner only.
import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';
import { getOrderStatus } from '@/lib/orders/queries/get-order-status';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };
const problem = (status: number, code: string, message: string) => NextResponse.json({ error: { code, message } }, { status, headers });

export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  try {
    const user = await requireUser();
    const order = await getOrderStatus(getDb(), user.id, number);
    // Another user's order and an unknown number answer alike.
    if (!order) return problem(404, 'not_found', 'Order not found');
    return NextResponse.json(order, { headers });
  } catch (error) {
    return errorJson(error, { where: '[orders] GET /api/orders/{number}/status', headers });
  }
}
