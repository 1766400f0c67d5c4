import 'server-only';
import { eq } from 'drizzle-orm';
import { orderItems } from '@/db/schema/orders';
import { cacheTags } from '@/lib/cache/tags';
import type { RemoteRevalidator } from '@/lib/cache/revalidate-remote';
import { serverRevalidator } from '@/lib/cache/server-revalidator';
import type { Subscriber } from '@/lib/events/subscriber';

/**
 * When photos land (`item.photographed`), the item's product page shows them: its warehouse-photos
 * tag is expired through the server's revalidation route. The photo module knows nothing of pages.
 */
export function productPhotoRefresh(revalidator: () => Pick<RemoteRevalidator, 'add'> = serverRevalidator): Subscriber {
  return {
    name: 'warehouse-photos-on-product-pages',
    types: ['item.photographed'],
    async handle(event, { db }) {
      if (event.subjectType !== 'order_item') return;
      const [item] = await db.select({ productId: orderItems.productId }).from(orderItems).where(eq(orderItems.id, event.subjectId));
      if (item) revalidator().add([cacheTags.warehousePhotos(item.productId)]);
    },
  };
}
