import Form from 'next/form';
import { getTranslations } from 'next-intl/server';
import { countryOptions } from '@/lib/addresses/countries';
import { shippingGoods } from '@/lib/shipping/goods';
import type { EstimatorForm } from '@/lib/shipping/estimator-form';
import { shopPaths } from '@/lib/shop/paths';

type Props = { locale: string; form: EstimatorForm };

const sizeFields = ['lengthCm', 'widthCm', 'heightCm'] as const;

/**
 * The estimator's form: a plain GET form (the answer is a page, so it works without JavaScript and
 * every estimate has a URL to share). Fields at fault carry their message in the page's language.
 */
export async function EstimatorFormView({ locale, form }: Props) {
  const t = await getTranslations({ locale, namespace: 'shipping' });
  const { values, errors, bounds } = form;
  const number = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
  const errorOf = (field: keyof EstimatorForm['errors']) => {
    const key = errors[field];
    if (!key) return null;
    const range = field === 'country' || field === 'goods' ? { min: '', max: '' } : { min: number.format(bounds[field].min), max: number.format(bounds[field].max) };
    return (
      <p id={`ship-${field}-error`} className="field-error" data-testid={`error-${field}`}>
        {t(`errors.${key}`, range)}
      </p>
    );
  };
  const invalid = (field: keyof EstimatorForm['errors']) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `ship-${field}-error` } : {});

  return (
    <Form action={shopPaths.shipping(locale)} className="estimator-form" aria-labelledby="estimator-title" data-testid="estimator-form">
      <div className="field estimator-country">
        <label htmlFor="ship-country">{t('form.country')}</label>
        <select id="ship-country" name="country" defaultValue={values.country} required {...invalid('country')}>
          {!values.country && <option value="">{t('form.chooseCountry')}</option>}
          {countryOptions(locale).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {errorOf('country')}
      </div>
      <div className="field">
        <label htmlFor="ship-weightGrams">{t('form.weight')}</label>
        <input
          id="ship-weightGrams"
          name="weightGrams"
          type="number"
          inputMode="numeric"
          min={bounds.weightGrams.min}
          max={bounds.weightGrams.max}
          step={1}
          required
          defaultValue={values.weightGrams}
          {...invalid('weightGrams')}
        />
        {errorOf('weightGrams') ?? <p className="field-hint">{t('form.weightHint', { max: number.format(bounds.weightGrams.max) })}</p>}
      </div>
      <fieldset className="estimator-size">
        <legend>{t('form.size')}</legend>
        {sizeFields.map((field) => (
          <div key={field} className="field">
            <label htmlFor={`ship-${field}`}>{t(`form.${field}`)}</label>
            <input
              id={`ship-${field}`}
              name={field}
              type="number"
              inputMode="numeric"
              min={bounds[field].min}
              max={bounds[field].max}
              step={1}
              required
              defaultValue={values[field]}
              {...invalid(field)}
            />
            {errorOf(field)}
          </div>
        ))}
      </fieldset>
      <fieldset className="estimator-goods" {...(errors.goods ? { 'aria-describedby': 'ship-goods-error' } : {})}>
        <legend>{t('form.goods')}</legend>
        {shippingGoods.map((good) => (
          <label key={good} className="check">
            <input type="checkbox" name="goods" value={good} defaultChecked={values.goods.includes(good)} />
            {t(`goods.${good}`)}
          </label>
        ))}
        {errorOf('goods')}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="estimate-submit">
          {t('form.submit')}
        </button>
      </div>
    </Form>
  );
}
