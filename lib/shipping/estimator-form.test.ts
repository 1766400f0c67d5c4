import { describe, expect, it } from 'vitest';
import { readEstimatorForm } from './estimator-form';

describe('readEstimatorForm', () => {
  it('quotes the defaults for the shopper’s country on a first visit', () => {
    const form = readEstimatorForm({}, 'JP', 'JPY', 'ja');
    expect(form.errors).toEqual({});
    expect(form.request).toEqual({ country: 'JP', grams: 1000, dims: { lengthCm: 30, widthCm: 20, heightCm: 15 }, goods: [], currency: 'JPY', locale: 'ja' });
  });

  it('reads a sent form, goods as repeated fields or a comma list', () => {
    const form = readEstimatorForm({ country: 'de', weightGrams: '1200', lengthCm: '30', widthCm: '20', heightCm: '10', goods: ['battery', 'liquid,battery'] }, 'US', 'EUR', 'de');
    expect(form.request).toMatchObject({ country: 'DE', grams: 1200, goods: ['battery', 'liquid'], currency: 'EUR' });
  });

  it('names each field at fault, keeps what was typed and quotes nothing', () => {
    const form = readEstimatorForm({ country: 'KP', weightGrams: '0', lengthCm: '1.5', widthCm: '', heightCm: '400', goods: 'uranium' }, 'US', 'USD', 'en');
    expect(form.errors).toEqual({ country: 'country', weightGrams: 'range', lengthCm: 'wholeNumber', widthCm: 'required', heightCm: 'range', goods: 'goods' });
    expect(form.values).toMatchObject({ country: 'KP', weightGrams: '0', lengthCm: '1.5', heightCm: '400' });
    expect(form.request).toBeNull();
    // A sent form without a field does not fall back to the defaults.
    expect(readEstimatorForm({ country: 'US' }, 'US', 'USD', 'en').errors).toEqual({ weightGrams: 'required', lengthCm: 'required', widthCm: 'required', heightCm: 'required' });
  });
});
