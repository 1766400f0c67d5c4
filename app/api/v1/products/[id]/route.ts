// GET /api/v1/products/{id} — partners through the signed open API: one product with its SKUs, prices and sellable stock.
import { apiRoute } from '@/lib/api/handler';
import { getApiProduct } from '@/lib/api/queries/api-products';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ db, params }) => {
  const product = /^[1-9]\d{0,15}$/.test(params.id) ? await getApiProduct(db, Number(params.id)) : null;
  if (!product) throw new AppError('not_found', 'Product not found');
  return product;
});
