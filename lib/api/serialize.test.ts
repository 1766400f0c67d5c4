import { describe, expect, it } from 'vitest';
import { paymentUrl } from '@/lib/payments/pay-link';
import { normalizeRate } from '@/lib/money/convert';
import { attributesObject, serializeOrder, serializePlacedOrder, serializeProduct } from './serialize';

const product = {
  id: 7,
  platform: '1688',
  sourceId: '6543210',
  sourceUrl: 'https://detail.1688.com/offer/6543210.html',
  titleZh: '纯棉T恤',
  enTitle: 'Cotton T-shirt',
  enAttributes: { 颜色: 'Color', 红色: 'Red', 尺码: 'Size' },
};

describe('serializeProduct', () => {
  it('follows the contract: English title, source, attributes object, CNY price, sellable stock', () => {
    const json = serializeProduct(product, [
      { id: 12, sourceSkuId: 's2', attributes: [{ name: '颜色', value: '蓝色' }], priceMinor: 2990, stock: 3, reserved: 5 },
      {
        id: 11,
        sourceSkuId: 's1',
        attributes: [
          { name: '颜色', value: '红色' },
          { name: '尺码', value: 'XL' },
        ],
        priceMinor: 1990,
        stock: 10,
        reserved: 4,
      },
    ]);
    expect(json).toEqual({
      id: 7,
      title: 'Cotton T-shirt',
      source: { platform: '1688', id: '6543210', url: 'https://detail.1688.com/offer/6543210.html' },
      skus: [
        { id: 11, sourceSkuId: 's1', attributes: { Color: 'Red', Size: 'XL' }, price: { amountMinor: 1990, currency: 'CNY' }, stock: 6 },
        { id: 12, sourceSkuId: 's2', attributes: { Color: '蓝色' }, price: { amountMinor: 2990, currency: 'CNY' }, stock: 0 },
      ],
    });
    expect(Object.keys(json)).toEqual(['id', 'title', 'source', 'skus']);
  });

  it('falls back to the Chinese title and spec text without a translation', () => {
    const json = serializeProduct({ ...product, enTitle: null, enAttributes: null }, [
      { id: 1, sourceSkuId: 'a', attributes: [{ name: '颜色', value: '红色' }], priceMinor: 100, stock: 1, reserved: 0 },
    ]);
    expect(json.title).toBe('纯棉T恤');
    expect(json.skus[0]!.attributes).toEqual({ 颜色: '红色' });
  });
});

describe('attributesObject', () => {
  it('keeps the first value of a repeated name', () => {
    expect(attributesObject([{ name: 'a', value: '1' }, { name: 'a', value: '2' }], null)).toEqual({ a: '1' });
  });
});

describe('orders', () => {
  const order = {
    number: 'FR261121-7K3Q9X',
    status: 'pending' as const,
    chargeMinor: 1234,
    chargeCurrency: 'USD',
    chargeRate: '0.141264000000',
    externalRef: 'ext-1',
    createdAt: new Date('2026-11-21T10:00:00.000Z'),
    gateway: 'sandbox',
    payToken: 'a'.repeat(32),
  };

  it('answers a placed order with the charge and the pay link', () => {
    expect(serializePlacedOrder('http://localhost:3100/', order)).toEqual({
      orderNumber: 'FR261121-7K3Q9X',
      status: 'pending',
      charge: { amountMinor: 1234, currency: 'USD', rate: '0.141264' },
      payment: { gateway: 'sandbox', paymentUrl: `http://localhost:3100/pay/FR261121-7K3Q9X/${'a'.repeat(32)}` },
    });
  });

  it('shows an order with its lines', () => {
    const json = serializeOrder(
      'https://ferry.example',
      order,
      [
        {
          id: 101,
          skuId: 11,
          productId: 7,
          title: 'Cotton T-shirt',
          attributes: [{ name: '颜色', value: '红色' }],
          quantity: 2,
          unitPriceCnyMinor: 1990,
          imageKey: 'ab12cd',
          fulfilmentStatus: 'in_warehouse',
          purchaseStatus: 'purchased',
          receivedAt: new Date('2026-12-01T08:00:00.000Z'),
          weightGrams: 420,
          domesticTracking: 'YT1234567890',
          photoUrls: ['https://ferry.example/qc-photos/0123456789abcdef0123456789abcdef/1600?e=1&s=x'],
        },
        { id: 102, skuId: 12, productId: 7, title: 'Cotton T-shirt', attributes: [], quantity: 1, unitPriceCnyMinor: 1990, imageKey: null, fulfilmentStatus: 'upstream', purchaseStatus: 'review', receivedAt: null, weightGrams: null, domesticTracking: null, photoUrls: [] },
      ],
      new Map([[7, product.enAttributes]]),
      90,
    );
    expect(json).toEqual({
      orderNumber: 'FR261121-7K3Q9X',
      status: 'pending',
      items: [
        // The ordered SKU's photo: an added field; every field of the contract keeps its name.
        // The item's id and its fulfilment (received, weighed, free storage for 90 days from arrival).
        {
          itemId: 101,
          skuId: 11,
          productId: 7,
          title: 'Cotton T-shirt',
          attributes: { Color: 'Red' },
          quantity: 2,
          unitPrice: { amountMinor: 1990, currency: 'CNY' },
          image: 'https://ferry.example/media/ab/ab12cd-800.webp',
          fulfilment: {
            status: 'in_warehouse',
            domesticTracking: 'YT1234567890',
            receivedAt: '2026-12-01T08:00:00.000Z',
            weightGrams: 420,
            photos: ['https://ferry.example/qc-photos/0123456789abcdef0123456789abcdef/1600?e=1&s=x'],
            storageUntil: '2027-03-01T08:00:00.000Z',
            parcelNumber: null,
          },
        },
        // A line whose note a purchaser has yet to read is still `queued` to a partner.
        {
          itemId: 102,
          skuId: 12,
          productId: 7,
          title: 'Cotton T-shirt',
          attributes: {},
          quantity: 1,
          unitPrice: { amountMinor: 1990, currency: 'CNY' },
          image: null,
          fulfilment: { status: 'queued', domesticTracking: null, receivedAt: null, weightGrams: null, photos: [], storageUntil: null, parcelNumber: null },
        },
      ],
      charge: { amountMinor: 1234, currency: 'USD', rate: '0.141264' },
      externalRef: 'ext-1',
      createdAt: '2026-11-21T10:00:00.000Z',
      payment: { gateway: 'sandbox', paymentUrl: `https://ferry.example/pay/FR261121-7K3Q9X/${'a'.repeat(32)}` },
    });
  });

  it('trims only the padding of a rate', () => {
    expect(normalizeRate('1.000000000000')).toBe('1');
    expect(normalizeRate('20.500000000000')).toBe('20.5');
    expect(normalizeRate('100')).toBe('100');
  });

  it('builds the pay link from the site URL', () => {
    expect(paymentUrl('http://localhost:3000', { number: 'FR1', payToken: 'tok' })).toBe('http://localhost:3000/pay/FR1/tok');
  });
});
