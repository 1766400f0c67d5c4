import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { latin1, renderLabelPdf, type LabelInput } from './label-pdf';

const input: LabelInput = {
  trackingNumber: 'LX473124829CN',
  carrierName: 'China Post',
  sender: { name: 'Ferry Warehouse', lines: ['Building 3, Baiyun District', 'Guangzhou 510000'], country: 'CN' },
  receiver: { name: 'Receiver placeholder', lines: ['1-2-3 Umeda', 'Osaka 530-0001'], country: 'JP' },
  customs: {
    form: 'CN22',
    category: 'merchandise',
    currency: 'USD',
    items: [
      { description: 'Cotton T-shirt', quantity: 2, value: '12.50', weightGrams: 400, hsCode: '610910' },
      { description: 'Phone case', quantity: 1, value: '3.2', weightGrams: 80 },
    ],
  },
};

/** The drawn text: pdf-lib writes each string as hex in a Flate-compressed content stream. */
async function pageText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const streams = doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFRawStream => object instanceof PDFRawStream);
  const contents = streams.map((stream) => {
    try {
      return inflateSync(Buffer.from(stream.contents)).toString('latin1');
    } catch {
      return '';
    }
  });
  return contents.flatMap((content) => [...content.matchAll(/<([0-9A-F]+)> Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'))).join('\n');
}

describe('the shipping label PDF', () => {
  it('is one 100 × 150 mm page with the number, both parties, a barcode image and the customs table with totals', async () => {
    const bytes = await renderLabelPdf(input);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.round((width / 72) * 25.4)).toBe(100);
    expect(Math.round((height / 72) * 25.4)).toBe(150);
    expect(doc.getTitle()).toBe('China Post LX473124829CN');
    const text = await pageText(bytes);
    for (const expected of ['LX473124829CN', 'CN22', 'Ferry Warehouse', 'Receiver placeholder', 'Osaka 530-0001', 'JP', 'Cotton T-shirt (HS 610910, CN)', 'Phone case (CN)', '12.50', '3.2', 'Total', '15.70', '480', 'CUSTOMS DECLARATION - MERCHANDISE']) {
      expect(text).toContain(expected);
    }
    // The barcode is an embedded image drawn on the page.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('refuses input a customs form cannot carry', async () => {
    await expect(renderLabelPdf({ ...input, customs: { ...input.customs, items: [] } })).rejects.toThrow();
    await expect(renderLabelPdf({ ...input, customs: { ...input.customs, items: [{ description: 'x', quantity: -1, value: '1', weightGrams: 1 }] } })).rejects.toThrow();
    await expect(renderLabelPdf({ ...input, customs: { ...input.customs, items: [{ description: 'x', quantity: 1, value: '-1', weightGrams: 1 }] } })).rejects.toThrow();
  });

  it('prints characters outside Latin-1 as ? instead of failing', async () => {
    expect(latin1('山田 Taro, Zürich')).toBe('?? Taro, Zürich');
    const text = await pageText(await renderLabelPdf({ ...input, receiver: { ...input.receiver, name: '山田太郎 Yamada' } }));
    expect(text).toContain('???? Yamada');
  });
});
