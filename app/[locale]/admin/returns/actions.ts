'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { itemMachine } from '@/lib/warehouse/item-machine';
import { recordSellerAnswer, sellerAnswerSchema } from '@/lib/warehouse/returns/record-seller-answer';
import { refundReturnedItem } from '@/lib/payments/refund-returned-item';

const item = { locale: z.enum(locales), itemId: z.coerce.number().int().positive(), version: z.coerce.number().int().min(0) };
const revalidate = ({ locale }: { locale: string }) => revalidatePath(adminPaths.returns(locale));

/** The seller's answer: taken back (→ returned) or refused (→ back in the warehouse); the move's own permission. */
export const sellerAnswerAction = action({
  name: 'return seller answer',
  input: z.object({ ...item, answer: sellerAnswerSchema, outcome: z.enum(['accepted', 'refused']) }),
  auth: { permission: ({ outcome }) => itemMachine.find('return_requested', outcome === 'accepted' ? 'returned' : 'in_warehouse')!.permission! },
  run: ({ itemId, version, answer, outcome }, { user }) => recordSellerAnswer(getDb(), { itemId, isAccepted: outcome === 'accepted', answer, expectedVersion: version, actor: userActor(user) }),
  revalidate,
  echo: ['answer'],
});

/** "Refund": the returned item's share of the charge at the order's pinned rate, once. */
export const refundReturnAction = action({
  name: 'return refund',
  input: z.object(item),
  auth: { permission: itemMachine.find('returned', 'refunded')!.permission! },
  run: ({ itemId, version }, { user }) => refundReturnedItem(getDb(), { itemId, expectedVersion: version, actor: userActor(user) }),
  revalidate,
});
