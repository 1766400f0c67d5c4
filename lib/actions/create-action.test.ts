import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { createAction, formObject } from './create-action';

const customer: CurrentUser = { id: 1, email: 'shopper@ferry.test', role: 'customer', name: null };
const purchaser: CurrentUser = { id: 2, email: 'buyer@ferry.test', role: 'purchaser', name: null };
const finance: CurrentUser = { id: 3, email: 'finance@ferry.test', role: 'finance', name: null };

function chain(user: CurrentUser | null) {
  const logged: string[] = [];
  const action = createAction({ currentUser: async () => user, log: (line, error) => logged.push(`${line} ${String(error)}`) });
  return { action, logged };
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const stockInput = z.object({ locale: z.string(), quantity: z.coerce.number().int().min(0, 'quantityInvalid') });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('action chain', () => {
  it('answers input the schema refuses with field errors, before authorizing or running anything', async () => {
    let runs = 0;
    let sessionReads = 0;
    const action = createAction({
      currentUser: async () => {
        sessionReads += 1;
        return purchaser;
      },
    });
    const setStock = action({ name: 'stock set', input: stockInput, auth: { permission: 'stock:write' }, run: async () => (runs += 1) });
    const result = await setStock(null, form({ locale: 'en', quantity: '-3' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: { quantity: 'quantityInvalid' } } });
    expect(result?.ok === false && result.error.requestId).toBeFalsy();
    expect(runs).toBe(0);
    expect(sessionReads).toBe(0);
  });

  it('answers an AppError with its code and message, and logs nothing', async () => {
    const { action, logged } = chain(purchaser);
    const setStock = action({
      name: 'stock set',
      input: stockInput,
      auth: { permission: 'stock:write' },
      run: async () => {
        throw new AppError('out_of_stock', 'Only 2 left', { fieldErrors: { quantity: 'tooMany' } });
      },
    });
    const result = await setStock(null, form({ locale: 'en', quantity: '5' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'out_of_stock', message: 'Only 2 left', fields: { quantity: 'tooMany' } } });
    expect(logged).toEqual([]);
  });

  it('passes on a refusal’s machine reason, never free text in its place', async () => {
    const refuse = (details: Record<string, unknown>) =>
      chain(finance).action({
        name: 'order refund',
        input: z.object({}),
        auth: { permission: 'orders:refund' },
        run: async () => {
          throw new AppError('conflict', 'At most 12.34 EUR (1234 minor units) is still refundable', details);
        },
        describe: (error, locale) => `${locale}:${String(error.details?.refundableMinor)}`,
      })(null, form({ locale: 'zh-CN' }));
    expect(await refuse({ reason: 'exceeds_refundable', refundableMinor: 1234 })).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'exceeds_refundable', message: 'zh-CN:1234' } });
    const freeText = await refuse({ reason: 'Seller out of stock, refund it' });
    expect(freeText?.ok === false && freeText.error.reason).toBeUndefined();
  });

  it('answers any other error as internal with a request id, logs it under that id, and never sends its text', async () => {
    const { action, logged } = chain(purchaser);
    const setStock = action({
      name: 'stock set',
      input: stockInput,
      auth: { permission: 'stock:write' },
      run: async () => {
        throw new Error("ER_ACCESS_DENIED_ERROR: Access denied for user 'ferry'@'10.0.0.7'");
      },
    });
    const result = await setStock(null, form({ locale: 'en', quantity: '5' }));
    expect(result?.ok).toBe(false);
    if (result?.ok !== false) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.error.message).toContain(result.error.requestId);
    expect(JSON.stringify(result)).not.toMatch(/ACCESS_DENIED|10\.0\.0\.7/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(result.error.requestId);
    expect(logged[0]).toContain('ER_ACCESS_DENIED_ERROR');
  });

  it('answers unauthorized without a user and forbidden without the permission, running nothing', async () => {
    let runs = 0;
    const config = { name: 'stock set', input: stockInput, auth: { permission: 'stock:write' as const }, run: async () => (runs += 1) };
    expect(await chain(null).action(config)(null, form({ locale: 'en', quantity: '1' }))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await chain(customer).action(config)(null, form({ locale: 'en', quantity: '1' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await chain(finance).action(config)(null, form({ locale: 'en', quantity: '1' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(runs).toBe(0);
    expect(await chain(purchaser).action(config)(null, form({ locale: 'en', quantity: '1' }))).toMatchObject({ ok: true, data: 1 });
  });

  it('checks a permission computed from the input', async () => {
    const move = (user: CurrentUser) =>
      chain(user).action({
        name: 'order move',
        input: z.object({ to: z.enum(['refunded', 'purchased']) }),
        auth: { permission: ({ to }) => (to === 'refunded' ? 'orders:refund' : 'orders:purchase') },
        run: async ({ to }) => to,
      });
    expect(await move(finance)(null, form({ to: 'refunded' }))).toMatchObject({ ok: true, data: 'refunded' });
    expect(await move(finance)(null, form({ to: 'purchased' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await move(purchaser)(null, form({ to: 'refunded' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets guests through public actions and gives signed-in actions their user', async () => {
    const { action } = chain(null);
    const add = action({ name: 'cart add', input: z.object({}), auth: { public: true }, run: async (_input, { user }) => user });
    expect(await add(null, form({}))).toMatchObject({ ok: true, data: null });
    const whoAmI = chain(customer).action({ name: 'me', input: z.object({}), auth: { user: true }, run: async (_input, { user }) => user.email });
    expect(await whoAmI(null, form({}))).toMatchObject({ ok: true, data: 'shopper@ferry.test' });
  });

  it('words refusals in the form’s language and echoes the fields it names', async () => {
    const { action } = chain(null);
    const importLink = action({
      name: 'link import',
      input: z.object({ locale: z.string(), url: z.string().min(1), password: z.string() }),
      auth: { public: true },
      run: async () => {
        throw new AppError('not_found', 'No such listing');
      },
      describe: (error, locale) => `${locale}:${error.code}`,
      echo: ['url'],
    });
    const result = await importLink(null, form({ locale: 'de', url: 'https://detail.1688.com/offer/1.html', password: 'secret' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: 'de:not_found' }, values: { url: 'https://detail.1688.com/offer/1.html' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    // An unknown locale is worded in the default language.
    expect(await importLink(null, form({ locale: 'xx', url: 'a', password: '' }))).toMatchObject({ error: { message: 'en:not_found' } });
  });

  it('revalidates after the call and redirects on success; Next redirects thrown inside pass through', async () => {
    const revalidated: number[] = [];
    const { action } = chain(customer);
    const place = action({
      name: 'place order',
      input: z.object({ n: z.coerce.number() }),
      auth: { user: true },
      run: async ({ n }) => n * 2,
      revalidate: (_input, data) => revalidated.push(data),
      redirect: (_input, data) => `/en/account/orders/${data}`,
    });
    const error = await caught(place(null, form({ n: '21' })));
    expect(isRedirectError(error)).toBe(true);
    expect((error as { digest: string }).digest).toContain('/en/account/orders/42');
    expect(revalidated).toEqual([42]);

    const signedOut = chain(null).action({
      name: 'checkout',
      input: z.object({ locale: z.string() }),
      auth: { user: true, signedOutRedirect: ({ locale }) => `/${locale}/account/sign-in` },
      run: async () => 'never',
    });
    const redirected = await caught(signedOut(null, form({ locale: 'fr' })));
    expect(isRedirectError(redirected)).toBe(true);
    expect((redirected as { digest: string }).digest).toContain('/fr/account/sign-in');
  });

  it('reads FormData with repeated names as arrays and without Next’s own fields', () => {
    const data = form({ services: ['extra_qc_photos', 'careful_packing'], locale: 'en', $ACTION_ID_abc: '' });
    expect(formObject(data)).toEqual({ services: ['extra_qc_photos', 'careful_packing'], locale: 'en' });
  });
});
