import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import { parseWalletAmount } from './amount';
import { adjustmentReasonSchema } from './adjust-wallet-reason';

/**
 * The admin's adjustment form: whose wallet, which way, how much (as typed, in the currency's
 * minor units once parsed), why, and the form's one-time key. Refusals name their input with a
 * message key of `admin.wallets.form`.
 */
export const adjustmentInput = z
  .object({
    locale: z.enum(locales),
    userId: z.coerce.number().int().positive(),
    direction: z.enum(['credit', 'debit']),
    currency: z.string().max(3),
    amount: z.string().max(40),
    reason: adjustmentReasonSchema,
    key: z.uuid(),
  })
  .transform((value, ctx) => {
    const parsed = parseWalletAmount(value.amount, value.currency);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.problem, path: [parsed.problem === 'currencyInvalid' ? 'currency' : 'amount'] });
      return z.NEVER;
    }
    return { locale: value.locale, userId: value.userId, currency: parsed.currency, amountMinor: value.direction === 'credit' ? parsed.amountMinor : -parsed.amountMinor, reason: value.reason, key: value.key };
  });
