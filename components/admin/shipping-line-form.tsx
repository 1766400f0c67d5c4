'use client';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, type ReactNode } from 'react';
import { createShippingLineAction, updateShippingLineAction } from '@/app/[locale]/admin/shipping/lines/actions';
import { failureOf, type ActionState } from '@/lib/actions/result';
import { isCountryCode } from '@/lib/addresses/countries';
import { localeNames, locales } from '@/lib/i18n/locales';
import { shippingGoods, volumetricDivisors } from '@/lib/shipping/goods';
import { ActionError } from './action-error';

type Initial = { values: Record<string, string>; refusedGoods: string[]; isActive: boolean; isTaxIncluded: boolean };
type Props = { locale: string; initial: Initial } & ({ mode: 'create' } | { mode: 'edit'; id: number; version: number; code: string });

/** What a save answers (SavedLine in lib/shipping/save-line.ts): the line's id, its version now, the fields an edit changed. */
type Saved = { id: number; version: number; changed: string[] };

type NumberField = { name: string; min: number; max?: number; step?: string; inputMode: 'numeric' | 'decimal'; optional?: boolean };

/** Field-level problems this form words itself; anything else is the generic admin error. */
const fieldProblems = new Set(['required', 'tooLong', 'wholeNumber', 'outOfRange', 'money', 'percent', 'codeFormat', 'codeTaken', 'countriesRequired', 'countriesUnknown', 'divisor', 'goods', 'maxBelowMin', 'daysOrder']);

/**
 * A shipping line's rules: identity, names per language, destinations, pricing in yuan, limits,
 * refused goods, delivery days and insurance. Each refused field carries its own message; what was
 * typed stays (the form is not reset). An edit carries the version it was drawn from, so saving over
 * someone else's newer edit is refused.
 */
export function ShippingLineForm(props: Props) {
  const { locale, initial } = props;
  const t = useTranslations('admin.shippingLines');
  const lineAction: (state: ActionState<Saved>, data: FormData) => Promise<ActionState<Saved>> = props.mode === 'create' ? createShippingLineAction : updateShippingLineAction;
  const [result, submit, isPending] = useActionState(lineAction, null);
  const failure = failureOf(result);
  const fields = failure?.error.fields ?? {};
  const typed = failure?.values ?? {};
  const value = (name: string) => typed[name] ?? initial.values[name] ?? '';
  const saved = result?.ok ? result.data : null;
  const version = props.mode === 'edit' ? (saved?.version ?? props.version) : null;
  const problemCount = Object.keys(fields).filter((name) => name !== '_form').length;

  const error = (name: string): ReactNode => {
    const key = fields[name];
    if (!key) return null;
    const text =
      key === 'countriesUnknown'
        ? t('errors.countriesUnknown', { codes: value('countries').toUpperCase().split(/[\s,;]+/).filter((code) => code && !isCountryCode(code)).join(', ') })
        : fieldProblems.has(key)
          ? t(`errors.${key}`)
          : t('errors.invalid');
    return (
      <p id={`line-${name}-error`} className="admin-error-text" role="alert" data-testid={`line-error-${name}`}>
        {text}
      </p>
    );
  };
  const described = (name: string, hint: boolean) => {
    const ids = [hint ? `line-${name}-hint` : '', fields[name] ? `line-${name}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-invalid': fields[name] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const hint = (name: string, text: string) => (
    <p id={`line-${name}-hint`} className="admin-hint">
      {text}
    </p>
  );
  const textField = (name: string, options: { maxLength: number; hint?: string; dir?: 'ltr' | 'auto'; required?: boolean }) => (
    <div className="admin-setting" data-field={name}>
      <label htmlFor={`line-${name}`}>{t(`fields.${name}`)}</label>
      <input id={`line-${name}`} name={name} type="text" maxLength={options.maxLength} required={options.required ?? true} defaultValue={value(name)} dir={options.dir ?? 'auto'} {...described(name, !!options.hint)} />
      {options.hint && hint(name, options.hint)}
      {error(name)}
    </div>
  );
  const numberField = ({ name, min, max, step, inputMode, optional }: NumberField, hintText?: string) => (
    <div className="admin-setting" data-field={name}>
      <label htmlFor={`line-${name}`}>{t(`fields.${name}`)}</label>
      <input id={`line-${name}`} name={name} type="text" inputMode={inputMode} required={!optional} data-min={min} data-max={max} data-step={step} defaultValue={value(name)} dir="ltr" {...described(name, !!hintText)} />
      {hintText && hint(name, hintText)}
      {error(name)}
    </div>
  );

  return (
    <form
      action={submit}
      className="admin-settings admin-line-form"
      data-testid="shipping-line-form"
      noValidate
      onSubmit={(event) => {
        // Submitted here rather than by React's form action, which would reset the fields: a refused
        // value stays to be corrected. Without JavaScript the form posts and the page echoes it.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => submit(data));
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      {props.mode === 'edit' && (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={version ?? props.version} />
        </>
      )}
      <fieldset>
        <legend>{t('sections.identity')}</legend>
        {props.mode === 'create' ? (
          textField('code', { maxLength: 40, hint: t('hints.code'), dir: 'ltr' })
        ) : (
          <div className="admin-setting">
            <span>{t('fields.code')}</span>
            <code dir="ltr">{props.code}</code>
          </div>
        )}
        {textField('name', { maxLength: 120 })}
        {textField('carrier', { maxLength: 64, hint: t('hints.carrier') })}
        <div className="admin-setting">
          <label className="admin-check">
            <input type="checkbox" name="isActive" defaultChecked={initial.isActive} /> {t('fields.isActive')}
          </label>
          <label className="admin-check">
            <input type="checkbox" name="isTaxIncluded" defaultChecked={initial.isTaxIncluded} /> {t('fields.isTaxIncluded')}
          </label>
        </div>
        {numberField({ name: 'sortOrder', min: -100_000, max: 100_000, inputMode: 'numeric' }, t('hints.sortOrder'))}
      </fieldset>
      <fieldset>
        <legend>{t('sections.names')}</legend>
        <p className="admin-hint">{t('hints.names')}</p>
        {locales.map((l) => (
          <div key={l} className="admin-setting" data-field={`name_${l}`}>
            <label htmlFor={`line-name_${l}`} lang={l}>
              {localeNames[l]}
            </label>
            <input id={`line-name_${l}`} name={`name_${l}`} type="text" maxLength={120} lang={l} dir="auto" defaultValue={value(`name_${l}`)} {...described(`name_${l}`, false)} />
            {error(`name_${l}`)}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('sections.destinations')}</legend>
        <div className="admin-setting admin-setting-wide" data-field="countries">
          <label htmlFor="line-countries">{t('fields.countries')}</label>
          <textarea id="line-countries" name="countries" rows={3} maxLength={2000} dir="ltr" defaultValue={value('countries')} {...described('countries', true)} />
          {hint('countries', t('hints.countries'))}
          {error('countries')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sections.pricing')}</legend>
        <div className="admin-setting" data-field="volumetricDivisor">
          <label htmlFor="line-volumetricDivisor">{t('fields.volumetricDivisor')}</label>
          <select id="line-volumetricDivisor" name="volumetricDivisor" defaultValue={value('volumetricDivisor')} {...described('volumetricDivisor', true)}>
            <option value="">{t('divisorNone')}</option>
            {volumetricDivisors.map((divisor) => (
              <option key={divisor} value={divisor}>
                {divisor}
              </option>
            ))}
          </select>
          {hint('volumetricDivisor', t('hints.volumetricDivisor'))}
          {error('volumetricDivisor')}
        </div>
        {numberField({ name: 'firstWeightGrams', min: 1, inputMode: 'numeric' })}
        {numberField({ name: 'firstPrice', min: 0, inputMode: 'decimal' }, t('hints.yuan'))}
        {numberField({ name: 'continuedUnitGrams', min: 1, inputMode: 'numeric' })}
        {numberField({ name: 'continuedPrice', min: 0, inputMode: 'decimal' }, t('hints.yuan'))}
        {numberField({ name: 'fuelSurcharge', min: 0, max: 100, inputMode: 'decimal' }, t('hints.fuelSurcharge'))}
      </fieldset>
      <fieldset>
        <legend>{t('sections.limits')}</legend>
        {numberField({ name: 'minWeightGrams', min: 0, inputMode: 'numeric' }, t('hints.minWeightGrams'))}
        {numberField({ name: 'maxWeightGrams', min: 1, inputMode: 'numeric' })}
        {numberField({ name: 'maxLongestSideCm', min: 1, inputMode: 'numeric', optional: true }, t('hints.noLimit'))}
        {numberField({ name: 'maxLengthGirthCm', min: 1, inputMode: 'numeric', optional: true }, t('hints.lengthGirth'))}
      </fieldset>
      <fieldset aria-describedby={fields.refusedGoods ? 'line-refusedGoods-error' : undefined}>
        <legend>{t('sections.goods')}</legend>
        <div className="admin-setting admin-setting-wide">
          {shippingGoods.map((good) => (
            <label key={good} className="admin-check">
              <input type="checkbox" name="refusedGoods" value={good} defaultChecked={initial.refusedGoods.includes(good)} /> {t(`goods.${good}`)}
            </label>
          ))}
          {error('refusedGoods')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sections.delivery')}</legend>
        {numberField({ name: 'daysMin', min: 0, max: 365, inputMode: 'numeric' })}
        {numberField({ name: 'daysMax', min: 0, max: 365, inputMode: 'numeric' })}
      </fieldset>
      <fieldset>
        <legend>{t('sections.insurance')}</legend>
        {numberField({ name: 'insuranceRate', min: 0, max: 100, inputMode: 'decimal' }, t('hints.insuranceRate'))}
        {numberField({ name: 'insuranceMin', min: 0, inputMode: 'decimal' }, t('hints.yuan'))}
      </fieldset>
      <div className="admin-filter-buttons">
        <button type="submit" className="admin-button" disabled={isPending} data-testid="shipping-line-save">
          {props.mode === 'create' ? t('create') : t('save')}
        </button>
        <span className="small" role="status" data-testid="shipping-line-status">
          {isPending ? t('saving') : saved ? t('saved', { count: saved.changed.length }) : ''}
        </span>
      </div>
      {fields._form === 'stale' && (
        <p className="admin-error" role="alert" data-testid="shipping-line-stale">
          {t('errors.stale')}
        </p>
      )}
      {problemCount > 0 && (
        <p className="admin-error" role="alert">
          {t('errors.fixFields', { count: problemCount })}
        </p>
      )}
      {failure && !failure.error.fields && <ActionError result={result} />}
    </form>
  );
}
