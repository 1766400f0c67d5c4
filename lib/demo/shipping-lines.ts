import 'server-only';
import type { Database } from '@/db/client';
import { shippingLines } from '@/db/schema/shipping';
import type { ShippingGood, VolumetricDivisor } from '@/lib/shipping/goods';

/**
 * The demo agent's shipping lines, priced the way Chinese forwarders publish them (CNY, first
 * 500 g + each further 500 g, a fuel surcharge on express). One of each kind a shopper meets: an
 * express courier on a 5000 divisor, EMS on 6000, an economy air line on 8000 that refuses
 * batteries, a tax-included line for the EU only, a line that takes batteries, and sea freight
 * (10 kg minimum, 1 kg units, weeks at sea).
 */
type DemoLine = {
  code: string;
  name: string;
  names: Record<string, string>;
  carrier: string;
  isTaxIncluded?: boolean;
  countries: string[];
  volumetricDivisor: VolumetricDivisor | null;
  firstWeightGrams: number;
  firstPriceMinor: number;
  continuedUnitGrams: number;
  continuedPriceMinor: number;
  fuelSurchargeBp: number;
  minWeightGrams: number;
  maxWeightGrams: number;
  maxLongestSideCm: number | null;
  maxLengthGirthCm: number | null;
  refusedGoods: ShippingGood[];
  daysMin: number;
  daysMax: number;
  insuranceRateBp: number;
  insuranceMinMinor: number;
};

export const euCountries = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
const majorMarkets = ['US', 'CA', 'MX', 'BR', 'GB', 'CH', 'NO', 'JP', 'KR', 'AU', 'NZ', 'SG', 'MY', 'TH', 'PH', 'AE', 'SA', 'QA', 'KW', 'IL'];

export const demoShippingLines: DemoLine[] = [
  {
    code: 'dhl-express',
    name: 'DHL Express',
    names: { 'zh-CN': 'DHL 国际快递', ja: 'DHL エクスプレス', ko: 'DHL 특송', ar: 'دي إتش إل السريع', ru: 'DHL Экспресс' },
    carrier: 'DHL',
    countries: [...majorMarkets, ...euCountries],
    volumetricDivisor: 5000,
    firstWeightGrams: 500,
    firstPriceMinor: 18_000,
    continuedUnitGrams: 500,
    continuedPriceMinor: 4_500,
    fuelSurchargeBp: 1_850,
    minWeightGrams: 0,
    maxWeightGrams: 70_000,
    maxLongestSideCm: 120,
    maxLengthGirthCm: 300,
    refusedGoods: ['battery', 'liquid', 'powder'],
    daysMin: 3,
    daysMax: 6,
    insuranceRateBp: 100,
    insuranceMinMinor: 1_000,
  },
  {
    code: 'ems',
    name: 'China Post EMS',
    names: { 'zh-CN': '中国邮政 EMS', ja: '中国郵政 EMS', ko: '중국우정 EMS', ar: 'البريد الصيني EMS', ru: 'EMS Почта Китая', es: 'EMS Correos de China', fr: 'EMS La Poste chinoise', de: 'China Post EMS', pt: 'EMS Correios da China' },
    carrier: 'China Post EMS',
    countries: [...majorMarkets, ...euCountries, 'RU', 'UA', 'KZ', 'TR', 'IN', 'VN', 'ID', 'ZA', 'EG', 'AR', 'CL'],
    volumetricDivisor: 6000,
    firstWeightGrams: 500,
    firstPriceMinor: 13_000,
    continuedUnitGrams: 500,
    continuedPriceMinor: 3_500,
    fuelSurchargeBp: 0,
    minWeightGrams: 0,
    maxWeightGrams: 30_000,
    maxLongestSideCm: 150,
    maxLengthGirthCm: 300,
    refusedGoods: ['battery', 'liquid', 'powder', 'magnet'],
    daysMin: 7,
    daysMax: 15,
    insuranceRateBp: 100,
    insuranceMinMinor: 500,
  },
  {
    code: 'economy-air',
    name: 'Economy Air',
    names: { 'zh-CN': '经济空运', ja: 'エコノミー航空便', ko: '이코노미 항공', ar: 'الشحن الجوي الاقتصادي', ru: 'Эконом авиа', es: 'Aéreo económico', fr: 'Aérien économique', de: 'Economy-Luftpost', pt: 'Aéreo econômico' },
    carrier: 'China Post',
    countries: [...majorMarkets, ...euCountries, 'RU', 'UA', 'TR', 'IN', 'VN', 'ID', 'ZA'],
    volumetricDivisor: 8000,
    firstWeightGrams: 500,
    firstPriceMinor: 7_500,
    continuedUnitGrams: 500,
    continuedPriceMinor: 2_800,
    fuelSurchargeBp: 0,
    minWeightGrams: 0,
    maxWeightGrams: 20_000,
    maxLongestSideCm: 105,
    maxLengthGirthCm: 200,
    refusedGoods: ['battery', 'liquid', 'powder', 'magnet', 'brand'],
    daysMin: 12,
    daysMax: 25,
    insuranceRateBp: 200,
    insuranceMinMinor: 500,
  },
  {
    code: 'eu-tax-included',
    name: 'EU Tax-Included Line',
    names: { 'zh-CN': '欧盟包税专线', ja: 'EU 関税込み専用便', ko: 'EU 관부가세 포함 특송', ar: 'خط الاتحاد الأوروبي شامل الضرائب', ru: 'Линия в ЕС с налогами', es: 'Línea UE con impuestos incluidos', fr: 'Ligne UE taxes incluses', de: 'EU-Linie inkl. Steuern', pt: 'Linha UE com impostos incluídos' },
    carrier: 'YunExpress',
    isTaxIncluded: true,
    countries: euCountries,
    volumetricDivisor: 6000,
    firstWeightGrams: 500,
    firstPriceMinor: 9_500,
    continuedUnitGrams: 500,
    continuedPriceMinor: 3_800,
    fuelSurchargeBp: 500,
    minWeightGrams: 0,
    maxWeightGrams: 30_000,
    maxLongestSideCm: 100,
    maxLengthGirthCm: 250,
    refusedGoods: ['battery', 'liquid', 'powder'],
    daysMin: 8,
    daysMax: 14,
    insuranceRateBp: 150,
    insuranceMinMinor: 800,
  },
  {
    code: 'battery-air',
    name: 'Battery-Safe Air',
    names: { 'zh-CN': '带电空运专线', ja: 'バッテリー対応航空便', ko: '배터리 가능 항공', ar: 'شحن جوي يقبل البطاريات', ru: 'Авиа с батареями', es: 'Aéreo apto para baterías', fr: 'Aérien batteries acceptées', de: 'Luftfracht mit Akkus', pt: 'Aéreo que aceita baterias' },
    carrier: 'SF International',
    countries: ['US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'JP', 'KR', 'AU', 'NZ', 'SG', 'MY', 'AE'],
    volumetricDivisor: 6000,
    firstWeightGrams: 500,
    firstPriceMinor: 11_000,
    continuedUnitGrams: 500,
    continuedPriceMinor: 4_200,
    fuelSurchargeBp: 1_000,
    minWeightGrams: 0,
    maxWeightGrams: 20_000,
    maxLongestSideCm: 100,
    maxLengthGirthCm: 200,
    refusedGoods: ['liquid', 'powder', 'brand'],
    daysMin: 10,
    daysMax: 18,
    insuranceRateBp: 150,
    insuranceMinMinor: 1_000,
  },
  {
    code: 'sea-freight',
    name: 'Sea Freight',
    names: { 'zh-CN': '海运专线', ja: '船便', ko: '해상 운송', ar: 'الشحن البحري', ru: 'Морская доставка', es: 'Transporte marítimo', fr: 'Fret maritime', de: 'Seefracht', pt: 'Frete marítimo' },
    carrier: 'COSCO Consolidation',
    countries: ['US', 'CA', 'AU', 'NZ', 'GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'JP', 'KR', 'SG', 'MY'],
    volumetricDivisor: null,
    firstWeightGrams: 10_000,
    firstPriceMinor: 30_000,
    continuedUnitGrams: 1_000,
    continuedPriceMinor: 1_800,
    fuelSurchargeBp: 0,
    minWeightGrams: 10_000,
    maxWeightGrams: 100_000,
    maxLongestSideCm: 200,
    maxLengthGirthCm: null,
    refusedGoods: ['battery', 'liquid', 'powder'],
    daysMin: 35,
    daysMax: 60,
    insuranceRateBp: 300,
    insuranceMinMinor: 2_000,
  },
];

/** Adds the demo lines that are missing (by code); lines already present, perhaps edited by staff, are kept. */
export async function seedShippingLines(db: Database): Promise<{ inserted: number }> {
  const existing = new Set((await db.select({ code: shippingLines.code }).from(shippingLines)).map((row) => row.code));
  const fresh = demoShippingLines.filter((line) => !existing.has(line.code));
  if (fresh.length === 0) return { inserted: 0 };
  await db.insert(shippingLines).values(
    fresh.map((line) => ({
      ...line,
      isTaxIncluded: line.isTaxIncluded ? 1 : 0,
      isActive: 1,
      sortOrder: demoShippingLines.indexOf(line) * 10,
    })),
  );
  return { inserted: fresh.length };
}
