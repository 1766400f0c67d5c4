// GET /api/v1/products?q=&page=&pageSize= — partners through the signed open API: search or page through the catalog.
import { apiRoute } from '@/lib/api/handler';
import { parseProductQuery } from '@/lib/api/product-query';
import { listApiProducts } from '@/lib/api/queries/api-products';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ request, db }) => listApiProducts(db, parseProductQuery(new URL(request.url).searchParams)));
