'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { goodsChoiceSchema } from '@/lib/catalog/goods/goods-choice';
import { locales } from '@/lib/i18n/locales';
import { parseDimsCm } from '@/lib/warehouse/dimensions';
import { assignUnclaimedInbound, receiveParcelLines, scanParcel } from '@/lib/warehouse/receive-parcel';
import { toItemReceipts, type DeskLine } from '@/lib/warehouse/desk-lines';
import { setItemGoods } from '@/lib/warehouse/set-item-goods';

const base = z.object({ locale: z.enum(locales) });
const optionalText = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => (v ? v : undefined));
const warehouse = { permission: 'orders:warehouse' } as const;

/**
 * A scan at the receiving desk: the tracking number (a scanner types it and presses Enter), with what
 * the scale and tape say. A parcel we expect answers its lines, received by the next form; a number
 * nobody expects is kept as unclaimed at once.
 */
export const scanParcelAction = action({
  name: 'scan parcel',
  input: base.extend({
    trackingNumber: z.string().trim().min(1).max(80),
    weightGrams: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(1).max(1_000_000).optional()),
    dims: optionalText,
    bin: optionalText,
  }),
  auth: warehouse,
  echo: ['trackingNumber', 'weightGrams', 'dims', 'bin'],
  run: async ({ trackingNumber, weightGrams, dims, bin }, { user }) => {
    const size = dims === undefined ? undefined : parseDimsCm(dims);
    if (size === null) throw new AppError('validation_failed', 'Give the size as three numbers in centimetres, like 30x20x5', { fieldErrors: { dims: 'dims' } });
    const scanned = await scanParcel(getDb(), { trackingNumber, measurement: { ...(weightGrams ? { weightGrams } : {}), ...size } }, userActor(user));
    // What was typed with the scan fills the lines' fields (the form itself is emptied for the next scan).
    return { ...scanned, entered: { weight: weightGrams ? String(weightGrams) : '', dims: dims ?? '', bin: bin ?? '' } };
  },
  revalidate: ({ locale }) => revalidatePath(adminPaths.receiving(locale)),
});

const deskLine = z.object({
  itemId: z.coerce.number().int().positive(),
  outcome: z.enum(['complete', 'short', 'damaged', 'wrong_item', 'skip']),
  received: z.string().max(12),
  note: z.string().max(2000),
  weight: z.string().max(12),
  dims: z.string().max(40),
  bin: z.string().max(40),
}) satisfies z.ZodType<DeskLine>;

/** The lines of a scanned parcel as staff received them (what was found, weight, size, bin); lines marked "not in this parcel" stay upstream. */
export const receiveLinesAction = action({
  name: 'receive parcel lines',
  input: base.extend({ trackingNumber: z.string().trim().min(1).max(80), lines: z.array(deskLine).min(1).max(200) }),
  // Per line `<field>-<itemId>`, so an error can name the line it is about.
  read: (formData) => {
    const text = (name: string) => {
      const value = formData.get(name);
      return typeof value === 'string' ? value : '';
    };
    const ids = formData.getAll('itemId').filter((v): v is string => typeof v === 'string');
    return {
      locale: formData.get('locale'),
      trackingNumber: formData.get('trackingNumber'),
      lines: ids.map((id) => ({ itemId: id, outcome: text(`outcome-${id}`), received: text(`received-${id}`), note: text(`note-${id}`), weight: text(`weight-${id}`), dims: text(`dims-${id}`), bin: text(`bin-${id}`) })),
    };
  },
  auth: warehouse,
  run: ({ trackingNumber, lines }, { user }) => receiveParcelLines(getDb(), { trackingNumber, lines: toItemReceipts(lines) }, userActor(user)),
  revalidate: ({ locale }) => revalidatePath(adminPaths.receiving(locale)),
});

/** An unclaimed parcel found to be a purchase order's: it is received as that order's parcel. */
export const assignUnclaimedAction = action({
  name: 'assign unclaimed parcel',
  input: base.extend({ inboundId: z.coerce.number().int().positive(), purchaseOrderReference: z.string().trim().min(1).max(32) }),
  auth: warehouse,
  echo: ['purchaseOrderReference'],
  run: ({ inboundId, purchaseOrderReference }, { user }) => assignUnclaimedInbound(getDb(), { inboundId, purchaseOrderReference }, userActor(user)),
  revalidate: ({ locale }) => revalidatePath(adminPaths.receiving(locale)),
});

/** What the warehouse found an item to be (the battery its listing did not mention), or back to its product's goods. */
export const setItemGoodsAction = action({
  name: 'item goods set',
  input: base.extend({ itemId: z.coerce.number().int().positive() }).and(goodsChoiceSchema),
  read: (formData) => ({ locale: formData.get('locale'), itemId: formData.get('itemId'), mode: formData.get('mode'), goods: formData.getAll('goods') }),
  auth: warehouse,
  run: ({ itemId, goods }, { user }) => setItemGoods(getDb(), { itemId, goods }, userActor(user)),
  revalidate: ({ locale, itemId }) => revalidatePath(adminPaths.receivingItem(locale, itemId)),
});
