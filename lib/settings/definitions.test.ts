import { describe, expect, it } from 'vitest';
import { defaultSettings, settingDefinitions, settingKeys, settingsChangeSchema, settingsFromRows } from './definitions';
import { parseSettingsForm } from './settings-form';

describe('setting definitions', () => {
  it('default to the documented values, each within its own bounds', () => {
    expect(defaultSettings).toEqual({
      'cod.confirmationHours': 48,
      'checkout.maxUnpaidOrdersPerAccount': 5,
      'checkout.maxHeldUnitsPerAccount': 50,
      'checkout.maxUnpaidOrdersPerPartner': 100,
      'checkout.maxHeldUnitsPerPartner': 1000,
      'warehouse.inboundLateAfterDays': 5,
      'warehouse.freeStorageDays': 90,
      'warehouse.storageFeePerDayFen': 50,
      'warehouse.freePhotosPerItem': 3,
      'warehouse.photosPerExtraService': 3,
      'warehouse.morePhotosCount': 3,
      'warehouse.morePhotosPriceFen': 500,
      'warehouse.qcDecisionHours': 72,
      'warehouse.qcWarningHours': 24,
      'parcels.packagingAllowanceGrams': 200,
      'parcels.refundThresholdUnits': 1,
      'parcels.rehearsalPriceFen': 1000,
      'parcels.removeRetailBoxesPriceFen': 300,
      'parcels.reinforcedPackingPriceFen': 800,
      'parcels.packedPhotosPriceFen': 500,
      'parcels.completeAfterDeliveredDays': 7,
      'parcels.unpaidCancelAfterDays': 14,
      'label.senderName': 'Ferry warehouse',
      'label.senderLine1': '',
      'label.senderLine2': '',
      'label.senderCity': '',
      'label.senderPostcode': '',
      'label.senderCountry': 'CN',
      'label.senderPhone': '',
    });
    for (const key of settingKeys) {
      const definition = settingDefinitions[key];
      expect(settingsChangeSchema.safeParse({ [key]: definition.default }).success).toBe(true);
      if (definition.kind === 'text') continue;
      expect(definition.default).toBeGreaterThanOrEqual(definition.min);
      expect(definition.default).toBeLessThanOrEqual(definition.max);
    }
  });

  it('accept a partial change of known keys within bounds', () => {
    expect(settingsChangeSchema.parse({ 'cod.confirmationHours': 24 })).toEqual({ 'cod.confirmationHours': 24 });
    expect(settingsChangeSchema.parse({})).toEqual({});
  });

  it('refuse unknown keys, values out of bounds, fractions and strings', () => {
    expect(settingsChangeSchema.safeParse({ 'cod.confirmationHour': 24 }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'cod.confirmationHours': 0 }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'cod.confirmationHours': 721 }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'checkout.maxUnpaidOrdersPerAccount': 2.5 }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'checkout.maxHeldUnitsPerAccount': '10' }).success).toBe(false);
  });

  it('read stored rows over the defaults, falling back (and reporting) where a stored value no longer fits', () => {
    const { settings, invalid } = settingsFromRows([
      { key: 'cod.confirmationHours', value: 12 },
      { key: 'checkout.maxUnpaidOrdersPerAccount', value: -3 },
      { key: 'checkout.maxHeldUnitsPerAccount', value: '80' },
      { key: 'warehouse.retiredSetting', value: 7 },
    ]);
    expect(settings).toEqual({ ...defaultSettings, 'cod.confirmationHours': 12 });
    expect(invalid).toEqual(['checkout.maxUnpaidOrdersPerAccount', 'checkout.maxHeldUnitsPerAccount']);
  });
});

describe('text settings (the label’s sender)', () => {
  it('accept a line within its length and shape, and refuse numbers, control characters, untrimmed or misshapen text', () => {
    expect(settingsChangeSchema.parse({ 'label.senderName': '广州渡轮仓库', 'label.senderLine1': '' })).toEqual({ 'label.senderName': '广州渡轮仓库', 'label.senderLine1': '' });
    expect(settingsChangeSchema.safeParse({ 'label.senderName': '' }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'label.senderName': 'x'.repeat(81) }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'label.senderName': 12 }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'label.senderLine1': 'Line\nbreak' }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'label.senderLine1': ' padded' }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'label.senderCountry': 'cn' }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'label.senderPhone': '+86 20 1234 5678' }).success).toBe(true);
    expect(settingsChangeSchema.safeParse({ 'label.senderPhone': 'call me' }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ 'cod.confirmationHours': '24' }).success).toBe(false);
  });

  it('come from the form trimmed, and a bad one is named', () => {
    expect(parseSettingsForm({ 'label.senderName': '  Ferry GZ  ', 'label.senderLine2': '', 'label.senderCountry': 'CN' })).toEqual({ ok: true, change: { 'label.senderName': 'Ferry GZ', 'label.senderLine2': '', 'label.senderCountry': 'CN' } });
    expect(parseSettingsForm({ 'label.senderName': ' ', 'label.senderCountry': 'China' })).toEqual({ ok: false, fields: ['label.senderName', 'label.senderCountry'] });
  });
});

describe('settings form', () => {
  it('turns the submitted fields into a change and ignores what is not a setting', () => {
    expect(parseSettingsForm({ locale: 'en', 'cod.confirmationHours': ' 24 ', 'checkout.maxHeldUnitsPerAccount': '80' })).toEqual({
      ok: true,
      change: { 'cod.confirmationHours': 24, 'checkout.maxHeldUnitsPerAccount': 80 },
    });
  });

  it('names every field that is empty, not a whole number or out of bounds, in form order', () => {
    expect(
      parseSettingsForm({
        'checkout.maxHeldUnitsPerPartner': '1e3',
        'cod.confirmationHours': '',
        'checkout.maxUnpaidOrdersPerAccount': '-1',
        'checkout.maxHeldUnitsPerAccount': '100001',
        'checkout.maxUnpaidOrdersPerPartner': '7',
      }),
    ).toEqual({ ok: false, fields: ['cod.confirmationHours', 'checkout.maxUnpaidOrdersPerAccount', 'checkout.maxHeldUnitsPerAccount', 'checkout.maxHeldUnitsPerPartner'] });
  });
});
