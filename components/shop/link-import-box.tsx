import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { LinkImportForm } from './link-import-form';

type Props = { locale: string; id: string; defaultValue?: string; hasHint?: boolean };

/** The paste box with only its own messages (the `suppliers` namespace) sent to the browser. */
export async function LinkImportBox({ locale, id, defaultValue, hasHint }: Props) {
  const messages = await getMessages({ locale });
  return (
    <NextIntlClientProvider locale={locale} messages={{ suppliers: messages.suppliers }}>
      <LinkImportForm locale={locale} id={id} defaultValue={defaultValue} hasHint={hasHint} />
    </NextIntlClientProvider>
  );
}
