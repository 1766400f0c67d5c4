'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { placeOrderAction } from '@/app/[locale]/(shop)/[currency]/checkout/actions';
import { AddressFields } from '@/components/account/address-fields';
import { FormMessage } from '@/components/account/form-field';
import type { CountryFormHints } from '@/lib/addresses/form-hints';
import { failureOf } from '@/lib/actions/result';
import { servicePrices, type PricingLine, type PricingSettings } from '@/lib/checkout/pricing';
import { quoteCheckout } from '@/lib/checkout/quote';
import { valueAddedServices, type ValueAddedService } from '@/lib/orders/types';
import { formatMoney } from '@/lib/money';
import { displayPrice, formatCny, type PinnedRate } from '@/lib/shop/price';
import { PriceBreakdown } from './price-breakdown';
import { isolate } from '@/lib/i18n/bidi';

export type SavedAddressOption = { id: number; name: string; summary: string; country: string; isDefault: boolean };

type Props = {
  locale: string;
  /** From the render: a double submit of this page makes one order. */
  checkoutToken: string;
  cartSignature: string;
  /** The rate this page quotes (and posts back as quotedRate). */
  rate: PinnedRate;
  rateText: string;
  lines: PricingLine[];
  sellers: { sellerId: number; sellerName: string; domesticShippingCny: number }[];
  settings: PricingSettings;
  codCountries: string[];
  /** Hours staff have to confirm a cash-on-delivery order before it is cancelled. */
  codConfirmationHours: number;
  savedAddresses: SavedAddressOption[];
  countries: { code: string; name: string }[];
  hints: { byCountry: Record<string, CountryFormHints>; fallback: CountryFormHints };
  defaultCountry: string;
  /** The items, rendered on the server. */
  items: ReactNode;
  /** The shopper's balance in the page's currency, when there is one: "pay with my balance first" (worded on the server). */
  wallet?: { label: string; hint: string };
};

const serviceKeys: Record<ValueAddedService, { label: 'extraQcPhotos' | 'carefulPacking'; price: 'perItem' | 'perParcel' }> = {
  extra_qc_photos: { label: 'extraQcPhotos', price: 'perItem' },
  careful_packing: { label: 'carefulPacking', price: 'perParcel' },
};

/**
 * Address, services and payment, with the price breakdown beside them. The breakdown is recomputed
 * here with the code placeOrder prices with (quoteCheckout) whenever a choice changes. The form
 * posts to placeOrderAction directly, so placing the order also works without JavaScript.
 */
export function CheckoutForm(props: Props) {
  const { locale, rate, settings, savedAddresses } = props;
  const t = useTranslations('checkout');
  const te = useTranslations('addressErrors');
  const [state, submit, isPending] = useActionState(placeOrderAction, null);
  const failure = failureOf(state);
  const initialAddress = savedAddresses.find((a) => a.isDefault) ?? savedAddresses[0];
  const [addressChoice, setAddressChoice] = useState<string>(initialAddress ? String(initialAddress.id) : 'new');
  const [country, setCountry] = useState(failure?.values?.country ?? props.defaultCountry);
  const [services, setServices] = useState<ValueAddedService[]>([]);
  const [payment, setPayment] = useState<'card' | 'cod'>('card');

  const destination = addressChoice === 'new' ? country : (savedAddresses.find((a) => String(a.id) === addressChoice)?.country ?? '');
  const isCodAllowed = props.codCountries.includes(destination.toUpperCase());
  const method = payment === 'cod' && isCodAllowed ? 'cod' : 'card';
  const quote = useMemo(
    () => quoteCheckout(props.lines, services, method === 'cod', settings, rate),
    [props.lines, services, method, settings, rate],
  );

  // Amounts go into translated sentences, each isolated so Arabic keeps "CN¥" and its brackets in place.
  const money = (cny: number) =>
    rate.currency === 'CNY' ? isolate(formatCny(cny, locale)) : `${isolate(displayPrice(cny, rate, locale).text)} (${isolate(formatCny(cny, locale))})`;
  const toggle = (service: ValueAddedService, on: boolean) => setServices((current) => (on ? [...new Set([...current, service])] : current.filter((s) => s !== service)));
  const fieldError = (field: string) => {
    const key = failure?.error.fields?.[field];
    return key ? (te.has(key) ? te(key) : te('required')) : undefined;
  };
  const value = (field: string) => failure?.values?.[field] ?? '';

  // With JavaScript the form is submitted here rather than by React's form action, which would reset
  // the form afterwards: a refused submit must keep the chosen services, payment and address, and the
  // controlled checkboxes would otherwise be unticked in the page while still counted in the total.
  // Without JavaScript `action` posts the same action.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => submit(formData));
  };

  return (
    <form action={submit} onSubmit={onSubmit} className="checkout-layout" noValidate data-testid="checkout-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="currency" value={rate.currency} />
      <input type="hidden" name="checkoutToken" value={props.checkoutToken} />
      <input type="hidden" name="quotedRate" value={rate.rate} />
      <input type="hidden" name="cartSignature" value={props.cartSignature} />
      <div className="checkout-main">
        {failure && (
          <div key={failure.at} data-testid="checkout-error" data-at={failure.at}>
            <FormMessage kind="error">{failure.error.message}</FormMessage>
          </div>
        )}

        <fieldset className="checkout-section" data-testid="address-section">
          <legend>{t('addressTitle')}</legend>
          {savedAddresses.length === 0 ? (
            <input type="hidden" name="addressId" value="new" />
          ) : (
            <div className="choices">
              {savedAddresses.map((a) => (
                <div key={a.id} className="choice">
                  <input
                    id={`address-${a.id}`}
                    type="radio"
                    name="addressId"
                    value={a.id}
                    checked={addressChoice === String(a.id)}
                    onChange={() => setAddressChoice(String(a.id))}
                  />
                  <label htmlFor={`address-${a.id}`}>
                    <strong>{a.name}</strong> <span className="muted">{a.summary}</span>
                  </label>
                </div>
              ))}
              <div className="choice">
                <input id="address-new" type="radio" name="addressId" value="new" checked={addressChoice === 'new'} onChange={() => setAddressChoice('new')} />
                <label htmlFor="address-new">{t('newAddress')}</label>
              </div>
            </div>
          )}
          {addressChoice === 'new' && (
            <div className="address-fields" data-testid="new-address">
              <AddressFields country={country} onCountryChange={setCountry} countries={props.countries} hints={props.hints} value={value} error={fieldError} />
              <div className="choice">
                <input id="save-address" type="checkbox" name="saveAddress" defaultChecked />
                <label htmlFor="save-address">{t('saveAddress')}</label>
              </div>
            </div>
          )}
        </fieldset>

        <fieldset className="checkout-section" data-testid="services-section">
          <legend>{t('servicesTitle')}</legend>
          {valueAddedServices.map((service) => {
            const price = servicePrices[service];
            const keys = serviceKeys[service];
            return (
              <div key={service} className="choice">
                <input
                  id={`service-${service}`}
                  type="checkbox"
                  name="services"
                  value={service}
                  checked={services.includes(service)}
                  onChange={(e) => toggle(service, e.target.checked)}
                  aria-describedby={`service-${service}-price`}
                />
                <label htmlFor={`service-${service}`}>{t(keys.label)}</label>
                <p id={`service-${service}-price`} className="field-hint">
                  {t(keys.price, { price: money((price.perLine ?? 0) + (price.perSeller ?? 0)) })}
                </p>
              </div>
            );
          })}
        </fieldset>

        <fieldset className="checkout-section" data-testid="payment-section">
          <legend>{t('paymentTitle')}</legend>
          <div className="choice">
            <input id="payment-card" type="radio" name="payment" value="card" checked={method === 'card'} onChange={() => setPayment('card')} aria-describedby="payment-card-hint" />
            <label htmlFor="payment-card">{t('payCard')}</label>
            <p id="payment-card-hint" className="field-hint">
              {t('payCardHint')}
            </p>
          </div>
          {props.wallet && method === 'card' && (
            <div className="choice">
              <input id="use-wallet" type="checkbox" name="useWallet" value="on" defaultChecked aria-describedby="use-wallet-hint" data-testid="use-wallet" />
              <label htmlFor="use-wallet">{props.wallet.label}</label>
              <p id="use-wallet-hint" className="field-hint">
                {props.wallet.hint}
              </p>
            </div>
          )}
          <div className="choice">
            <input
              id="payment-cod"
              type="radio"
              name="payment"
              value="cod"
              checked={method === 'cod'}
              disabled={!isCodAllowed}
              onChange={() => setPayment('cod')}
              aria-describedby="payment-cod-hint"
            />
            <label htmlFor="payment-cod">{t('payCod')}</label>
            <p id="payment-cod-hint" className="field-hint">
              {isCodAllowed ? `${t('payCodHint', { fee: money(settings.codFeeCny) })} ${t('payCodConfirm', { hours: props.codConfirmationHours })}` : t('codUnavailable')}
            </p>
          </div>
        </fieldset>
      </div>

      <aside className="checkout-summary" aria-labelledby="checkout-summary-title">
        <h2 id="checkout-summary-title">{t('summaryTitle')}</h2>
        {props.items}
        <PriceBreakdown
          locale={locale}
          breakdownCny={quote.breakdownCny}
          totalCny={quote.totalCny}
          converted={quote.converted}
          serviceFeeNote={t('serviceFeeNote', { percent: settings.serviceFeePercent, minimum: isolate(formatCny(settings.serviceFeeMinCny, locale)) })}
          sellers={props.sellers}
        />
        <p className="muted small" data-testid="checkout-rate">
          {props.rateText}
        </p>
        <p className="checkout-total" aria-live="polite" data-testid="checkout-total">
          {t('youPay', { total: isolate(rate.currency === 'CNY' ? formatCny(quote.totalCny, locale) : formatMoney(quote.converted.total, locale)) })}
        </p>
        <noscript>
          <p className="muted small">{t('noscriptNote')}</p>
        </noscript>
        <button type="submit" className="primary place-order" disabled={isPending} aria-disabled={isPending} data-testid="place-order">
          {isPending ? t('placing') : method === 'cod' ? t('placeCod') : t('placeCard')}
        </button>
      </aside>
    </form>
  );
}
