import { toBuffer } from 'bwip-js/node';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { z } from 'zod';

/**
 * The shipping label of a dispatched parcel: a 100 × 150 mm page with the carrier, the tracking
 * number as a Code 128 barcode and in text, sender and receiver (as the caller gives them — the
 * parcels module owns addresses), and a CN22/CN23-style customs declaration (each item's
 * description, quantity, value and weight, with totals). The PDF's built-in Helvetica speaks only
 * Latin-1: other characters print as `?`, so carriers' labels carry addresses in Latin letters.
 */
const party = z.object({ name: z.string().min(1).max(80), lines: z.array(z.string().max(80)).max(5), country: z.string().regex(/^[A-Z]{2}$/) });
export const labelInputSchema = z.object({
  trackingNumber: z.string().min(5).max(50),
  carrierName: z.string().min(1).max(40),
  sender: party,
  receiver: party,
  customs: z.object({
    /** CN22 for contents worth up to 300 SDR, CN23 above (the caller knows the value in SDR). */
    form: z.enum(['CN22', 'CN23']),
    category: z.enum(['gift', 'documents', 'sample', 'merchandise', 'returned', 'other']),
    currency: z.string().regex(/^[A-Z]{3}$/),
    items: z
      .array(
        z.object({
          description: z.string().min(1).max(60),
          quantity: z.number().int().positive().max(10_000),
          /** The line's total value in major units as a decimal string (customs forms print it so). */
          value: z.string().regex(/^\d{1,9}(\.\d{1,3})?$/),
          weightGrams: z.number().int().positive().max(100_000),
          hsCode: z.string().regex(/^\d{6,10}$/).optional(),
          originCountry: z.string().regex(/^[A-Z]{2}$/).default('CN'),
        }),
      )
      .min(1)
      .max(12),
  }),
});
export type LabelInput = z.input<typeof labelInputSchema>;

const MM = 72 / 25.4;
const WIDTH = 100 * MM;
const HEIGHT = 150 * MM;

export async function renderLabelPdf(input: LabelInput): Promise<Uint8Array> {
  const label = labelInputSchema.parse(input);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${label.carrierName} ${label.trackingNumber}`);
  pdf.setSubject(`Shipping label and customs declaration for ${label.trackingNumber}`);
  pdf.setCreator('Ferry');
  const page = pdf.addPage([WIDTH, HEIGHT]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const write = (text: string, x: number, y: number, size = 8, font: PDFFont = regular) => page.drawText(latin1(text), { x, y, size, font, color: rgb(0, 0, 0) });
  const m = 4 * MM;
  let y = HEIGHT - m - 10;

  write(label.carrierName, m, y, 12, bold);
  write(label.customs.form, WIDTH - m - bold.widthOfTextAtSize(label.customs.form, 12), y, 12, bold);
  y -= 6;
  rule(page, m, y);

  const barcode = await toBuffer({ bcid: 'code128', text: label.trackingNumber, scale: 3, height: 14, includetext: false });
  const image = await pdf.embedPng(barcode);
  const barWidth = WIDTH - 2 * m;
  const barHeight = 18 * MM;
  y -= barHeight + 4;
  page.drawImage(image, { x: m, y, width: barWidth, height: barHeight });
  y -= 12;
  const numberWidth = bold.widthOfTextAtSize(label.trackingNumber, 11);
  write(label.trackingNumber, (WIDTH - numberWidth) / 2, y, 11, bold);
  y -= 6;
  rule(page, m, y);

  const block = (title: string, who: z.infer<typeof party>) => {
    y -= 10;
    write(title, m, y, 7, bold);
    y -= 10;
    write(who.name, m, y, 9, bold);
    for (const line of [...who.lines, who.country]) {
      y -= 10;
      write(line, m, y, 8);
    }
    y -= 4;
    rule(page, m, y);
  };
  block('FROM', label.sender);
  block('TO', label.receiver);

  y -= 10;
  write(`CUSTOMS DECLARATION - ${label.customs.category.toUpperCase()}`, m, y, 7, bold);
  const columns = [m, m + 40 * MM, m + 52 * MM, m + 72 * MM];
  y -= 10;
  ['Contents', 'Qty', `Value ${label.customs.currency}`, 'Weight g'].forEach((h, i) => write(h, columns[i]!, y, 7, bold));
  let totalValue = 0n;
  let totalGrams = 0;
  for (const item of label.customs.items) {
    y -= 9;
    const description = item.hsCode ? `${item.description} (HS ${item.hsCode}, ${item.originCountry})` : `${item.description} (${item.originCountry})`;
    write(fit(description, regular, 7, 39 * MM), columns[0]!, y, 7);
    write(String(item.quantity), columns[1]!, y, 7);
    write(item.value, columns[2]!, y, 7);
    write(String(item.weightGrams), columns[3]!, y, 7);
    totalValue += thousandths(item.value);
    totalGrams += item.weightGrams;
  }
  y -= 4;
  rule(page, m, y);
  y -= 9;
  write('Total', columns[0]!, y, 7, bold);
  write(formatThousandths(totalValue), columns[2]!, y, 7, bold);
  write(String(totalGrams), columns[3]!, y, 7, bold);
  y -= 14;
  write('I certify that the particulars given in this declaration are correct.', m, y, 6);
  return pdf.save();
}

function rule(page: PDFPage, x: number, y: number) {
  page.drawLine({ start: { x, y }, end: { x: WIDTH - x, y }, thickness: 0.6, color: rgb(0, 0, 0) });
}

/** Helvetica's WinAnsi set: anything outside Latin-1 becomes `?` rather than failing the label. */
export function latin1(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  let out = latin1(text);
  if (font.widthOfTextAtSize(out, size) <= width) return out;
  while (out.length > 1 && font.widthOfTextAtSize(`${out}...`, size) > width) out = out.slice(0, -1);
  return `${out}...`;
}

const thousandths = (value: string) => {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole!) * 1000n + BigInt((fraction + '000').slice(0, 3));
};
const formatThousandths = (value: bigint) => {
  const whole = value / 1000n;
  const fraction = (value % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction.padEnd(2, '0')}` : `${whole}`;
};
