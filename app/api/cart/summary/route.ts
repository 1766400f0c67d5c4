// GET /api/cart/summary: the header's cart badge (components/shop/cart-badge.tsx) → {count} for this user or guest.
import { NextResponse } from 'next/server';
import { currentCartOwner } from '@/lib/cart/cart-owner';
import { countCartItems } from '@/lib/cart/count-cart-items';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET() {
  try {
    const owner = await currentCartOwner();
    const count = owner ? await countCartItems(getDb(), owner) : 0;
    return NextResponse.json({ count }, { headers });
  } catch (error) {
    return errorJson(error, { where: '[cart] GET /api/cart/summary', headers });
  }
}
