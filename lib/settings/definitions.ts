import { z } from 'zod';

/**
 * Every setting an agent tunes from the admin (/admin/settings), with its type, bounds and default.
 * The `settings` table holds a row per key staff have saved; a key without a row has its default,
 * so adding a setting here needs no migration. Later modules add their keys here
 * (warehouse storage days, photo counts, …) and read them with `getSettings(db)`.
 *
 * Kinds: whole numbers within bounds, and short texts (the label's sender) of at most `maxLength`
 * characters, trimmed, optionally shaped by `pattern`; a new kind adds its zod schema and its form field.
 */
type IntegerSetting = { kind: 'integer'; min: number; max: number; default: number; group: SettingGroup; unit: SettingUnit };
type TextSetting = { kind: 'text'; maxLength: number; isRequired: boolean; pattern?: RegExp; default: string; group: SettingGroup };

export const settingGroups = ['cod', 'unpaidCaps', 'warehouse', 'parcels', 'label'] as const;
export type SettingGroup = (typeof settingGroups)[number];
export type SettingUnit = 'hours' | 'orders' | 'units' | 'days' | 'photos' | 'fen' | 'grams';

const integer = (definition: Omit<IntegerSetting, 'kind'>): IntegerSetting => ({ kind: 'integer', ...definition });
const text = (definition: Omit<TextSetting, 'kind' | 'group'>): TextSetting => ({ kind: 'text', group: 'label', ...definition });

export const settingDefinitions = {
  /** Hours staff have to confirm a cash-on-delivery order; unconfirmed orders are then cancelled and their stock returned. */
  'cod.confirmationHours': integer({ min: 1, max: 720, default: 48, group: 'cod', unit: 'hours' }),
  /** Open unpaid orders (awaiting payment, or cash on delivery awaiting confirmation) one shopper account may have. */
  'checkout.maxUnpaidOrdersPerAccount': integer({ min: 1, max: 1000, default: 5, group: 'unpaidCaps', unit: 'orders' }),
  /** Units those orders may hold together. */
  'checkout.maxHeldUnitsPerAccount': integer({ min: 1, max: 100_000, default: 50, group: 'unpaidCaps', unit: 'units' }),
  /** The same for one partner API key (a partner places orders for many customers). */
  'checkout.maxUnpaidOrdersPerPartner': integer({ min: 1, max: 1_000_000, default: 100, group: 'unpaidCaps', unit: 'orders' }),
  'checkout.maxHeldUnitsPerPartner': integer({ min: 1, max: 10_000_000, default: 1000, group: 'unpaidCaps', unit: 'units' }),
  /** Days after the seller shipped without the parcel arriving before the inbound board calls it late (and the seller is chased). */
  'warehouse.inboundLateAfterDays': integer({ min: 1, max: 60, default: 5, group: 'warehouse', unit: 'days' }),
  /** Days an item is stored free from its arrival; after them storage is charged per day (`storageUntil` in the open API). */
  'warehouse.freeStorageDays': integer({ min: 0, max: 365, default: 90, group: 'warehouse', unit: 'days' }),
  /** Daily storage fee per item after the free days, in CNY fen (1/100 yuan). */
  'warehouse.storageFeePerDayFen': integer({ min: 0, max: 100_000, default: 50, group: 'warehouse', unit: 'fen' }),
  /** QC photos of each item included in the service. */
  'warehouse.freePhotosPerItem': integer({ min: 0, max: 20, default: 3, group: 'warehouse', unit: 'photos' }),
  /** Photos each "extra QC photos" service bought at checkout adds to each of the order's items. */
  'warehouse.photosPerExtraService': integer({ min: 1, max: 20, default: 3, group: 'warehouse', unit: 'photos' }),
  /** Photos one "more photos" request after arrival adds, and its price in CNY fen. */
  'warehouse.morePhotosCount': integer({ min: 1, max: 20, default: 3, group: 'warehouse', unit: 'photos' }),
  'warehouse.morePhotosPriceFen': integer({ min: 0, max: 100_000, default: 500, group: 'warehouse', unit: 'fen' }),
  /** Hours the shopper has to decide on an item once its photos are in; undecided items are then accepted. */
  'warehouse.qcDecisionHours': integer({ min: 1, max: 720, default: 72, group: 'warehouse', unit: 'hours' }),
  /** Hours before that automatic acceptance the shopper is warned by email (never accepted sooner after the warning). */
  'warehouse.qcWarningHours': integer({ min: 1, max: 168, default: 24, group: 'warehouse', unit: 'hours' }),
  /** Packing material added to the items' measured weight for a parcel's estimate, in grams. */
  'parcels.packagingAllowanceGrams': integer({ min: 0, max: 5_000, default: 200, group: 'parcels', unit: 'grams' }),
  /** A packed parcel lighter than its estimate by more than this many of its line's continued-weight units gets the difference back. */
  'parcels.refundThresholdUnits': integer({ min: 0, max: 20, default: 1, group: 'parcels', unit: 'units' }),
  /** Prices of the parcel services, in CNY fen. */
  'parcels.rehearsalPriceFen': integer({ min: 0, max: 100_000, default: 1000, group: 'parcels', unit: 'fen' }),
  'parcels.removeRetailBoxesPriceFen': integer({ min: 0, max: 100_000, default: 300, group: 'parcels', unit: 'fen' }),
  'parcels.reinforcedPackingPriceFen': integer({ min: 0, max: 100_000, default: 800, group: 'parcels', unit: 'fen' }),
  'parcels.packedPhotosPriceFen': integer({ min: 0, max: 100_000, default: 500, group: 'parcels', unit: 'fen' }),
  /** Days after the carrier reports a parcel delivered before its orders are completed (the parcels module reads it on `shipment.delivered`). */
  'parcels.completeAfterDeliveredDays': integer({ min: 0, max: 60, default: 7, group: 'parcels', unit: 'days' }),
  /** Days a parcel may wait for payment (from its creation, or from its rehearsal packing) before it is cancelled and its items freed. */
  'parcels.unpaidCancelAfterDays': integer({ min: 1, max: 90, default: 14, group: 'parcels', unit: 'days' }),
  /** The sender block of every shipping label (the warehouse parcels leave from), stored with each label at dispatch. */
  'label.senderName': text({ maxLength: 80, isRequired: true, default: 'Ferry warehouse' }),
  'label.senderLine1': text({ maxLength: 80, isRequired: false, default: '' }),
  'label.senderLine2': text({ maxLength: 80, isRequired: false, default: '' }),
  'label.senderCity': text({ maxLength: 40, isRequired: false, default: '' }),
  'label.senderPostcode': text({ maxLength: 16, isRequired: false, default: '' }),
  /** ISO 3166-1 alpha-2. */
  'label.senderCountry': text({ maxLength: 2, isRequired: true, pattern: /^[A-Z]{2}$/, default: 'CN' }),
  'label.senderPhone': text({ maxLength: 24, isRequired: false, pattern: /^\+?[0-9 ()-]*$/, default: '' }),
} as const satisfies Record<string, IntegerSetting | TextSetting>;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingDefinition = (typeof settingDefinitions)[SettingKey];
/** Every setting's current value. */
export type Settings = { [K in SettingKey]: (typeof settingDefinitions)[K] extends TextSetting ? string : number };

export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}

function schemaOf(definition: SettingDefinition): z.ZodType<number> | z.ZodType<string> {
  if (definition.kind === 'integer') return z.number().int().min(definition.min).max(definition.max);
  // No control characters (a label line is one line), no surrounding spaces.
  const base = z.string().max(definition.maxLength).regex(/^[^\p{Cc}]*$/u).refine((value) => value === value.trim());
  const required = definition.isRequired ? base.min(1) : base;
  return 'pattern' in definition && definition.pattern ? required.regex(definition.pattern) : required;
}

/** The value schema of each key. */
export const settingSchemas = Object.fromEntries(settingKeys.map((key) => [key, schemaOf(settingDefinitions[key])])) as { [K in SettingKey]: z.ZodType<Settings[K]> };

/** A change of some settings: known keys only, each value within its bounds. */
export const settingsChangeSchema = z.strictObject(settingSchemas).partial();
export type SettingsChange = z.infer<typeof settingsChangeSchema>;

export const defaultSettings = Object.fromEntries(settingKeys.map((key) => [key, settingDefinitions[key].default])) as Settings;

/**
 * Stored rows as settings: a missing key has its default; a stored value that no longer fits its
 * definition (bounds tightened by an upgrade, a hand edit) falls back to the default and is
 * reported, never thrown at a checkout. Keys no longer defined are ignored.
 */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): { settings: Settings; invalid: SettingKey[] } {
  const settings: Record<SettingKey, unknown> = { ...defaultSettings };
  const invalid: SettingKey[] = [];
  for (const row of rows) {
    if (!isSettingKey(row.key)) continue;
    const parsed = settingSchemas[row.key].safeParse(row.value);
    if (parsed.success) settings[row.key] = parsed.data;
    else invalid.push(row.key);
  }
  return { settings: settings as Settings, invalid };
}
