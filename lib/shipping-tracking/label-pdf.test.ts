import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderLabelPdf, type LabelInput } from './label-pdf';

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

/**
 * The drawn text, as a PDF reader extracts it: each `Tj` string decoded with the font selected
 * before it — Helvetica's bytes as Latin-1, an embedded font's glyph ids through its ToUnicode CMap.
 * Runs drawn one after another on a line (a name in two fonts) are joined; lines are separated.
 */
async function pageText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const decoders = new Map<string, (hex: string) => string>();
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref as PDFRef, PDFDict);
    const toUnicode = font.lookup(PDFName.of('ToUnicode'));
    if (!(toUnicode instanceof PDFRawStream)) {
      decoders.set(name.asString(), (hex) => Buffer.from(hex, 'hex').toString('latin1'));
      continue;
    }
    const cmap = Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1');
    const glyphs = new Map([...cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)].map((m) => [m[1]!.toLowerCase(), Buffer.from(m[2]!, 'hex').swap16().toString('utf16le')]));
    decoders.set(name.asString(), (hex) => (hex.toLowerCase().match(/.{4}/g) ?? []).map((glyph) => glyphs.get(glyph) ?? '\ufffd').join(''));
  }
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const content = streams.map((stream) => Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString('latin1')).join('\n');
  const lines: string[] = [];
  let font = '';
  let lineY = '';
  for (const m of content.matchAll(/(\/\S+) [\d.]+ Tf|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm|<([0-9A-Fa-f]*)> Tj/g)) {
    if (m[1]) font = m[1];
    else if (m[2] !== undefined) {
      if (m[2] !== lineY) lines.push('');
      lineY = m[2];
    } else lines[lines.length - 1] += decoders.get(font)!(m[3]!);
  }
  return lines.join('\n');
}

/** The BaseFont of each font the page uses, once each (pdf-lib names an embedded subset `Name-Style-1234`). */
async function fontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  return [...new Set(fonts.values().map((ref) => doc.context.lookup(ref as PDFRef, PDFDict).lookup(PDFName.of('BaseFont'), PDFName).decodeText()))];
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

  it('prints Japanese, Russian, Greek and Korean addresses in their own script, in embedded font subsets', async () => {
    const japan = await renderLabelPdf({ ...input, receiver: { name: '山田太郎 様', lines: ['大阪府大阪市北区梅田1-2-3', 'グランフロント大阪 タワーA 12階', '530-0001'], country: 'JP' } });
    const japanText = await pageText(japan);
    for (const expected of ['山田太郎 様', '大阪府大阪市北区梅田1-2-3', 'グランフロント大阪 タワーA 12階', 'Ferry Warehouse', 'LX473124829CN']) expect(japanText).toContain(expected);
    expect(japanText).not.toContain('?');
    // Only the glyphs used: a subset of a CJK face, not its 10 MB.
    expect(japan.byteLength).toBeLessThan(60_000);
    expect(await fontNames(japan)).toEqual(expect.arrayContaining([expect.stringMatching(/^NotoSansSC-Regular/), 'Helvetica', 'Helvetica-Bold']));

    const russia = await pageText(await renderLabelPdf({ ...input, receiver: { name: 'Елена Иванова', lines: ['ул. Тверская, д. 7, кв. 12', '125009 Москва'], country: 'RU' } }));
    for (const expected of ['Елена Иванова', 'ул. Тверская, д. 7, кв. 12', '125009 Москва']) expect(russia).toContain(expected);
    const mixed = await pageText(await renderLabelPdf({ ...input, receiver: { name: 'Νίκος Παπαδόπουλος', lines: ['서울특별시 강남구 테헤란로 152', 'Łódź, ul. Piotrkowska 5'], country: 'KR' } }));
    for (const expected of ['Νίκος Παπαδόπουλος', '서울특별시 강남구 테헤란로 152', 'Łódź, ul. Piotrkowska 5']) expect(mixed).toContain(expected);
  });

  it('prints what no font has as ? instead of failing the label, and keeps a Latin label free of embedded fonts', async () => {
    const text = await pageText(await renderLabelPdf({ ...input, receiver: { ...input.receiver, name: 'محمد 山田 😀 Müller' } }));
    expect(text).toContain('???? 山田 ? Müller');
    expect((await fontNames(await renderLabelPdf(input))).sort()).toEqual(['Helvetica', 'Helvetica-Bold']);
  });
});
