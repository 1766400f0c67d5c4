import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import { parseWalletAmount } from './amount';

/**
 * The top-up form: the amount as typed and a currency the shop takes → minor units. A refusal names
 * its input (`amount` or `currency`) with a message key of `wallet.form`.
 */
export const topupInput = z
  .object({ locale: z.enum(locales), currency: z.string().max(3), amount: z.string().max(40) })
  .transform((value, ctx) => {
    const parsed = parseWalletAmount(value.amount, value.currency);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.problem, path: [parsed.problem === 'currencyInvalid' ? 'currency' : 'amount'] });
      return z.NEVER;
    }
    return { locale: value.locale, currency: parsed.currency, amountMinor: parsed.amountMinor };
  });
