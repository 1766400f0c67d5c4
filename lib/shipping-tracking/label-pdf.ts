import { toBuffer } from 'bwip-js/node';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { z } from 'zod';
import { labelWriter, type LabelWriter } from './label-fonts';

/**
 * The shipping label of a dispatched parcel: a 100 × 150 mm page with the carrier, the tracking
 * number as a Code 128 barcode and in text, sender and receiver (as the caller gives them — the
 * parcels module owns addresses), and a CN22/CN23-style customs declaration (each item's
 * description, quantity, value and weight, with totals). Addresses print in their own script —
 * Latin, Cyrillic, Greek, Chinese, Japanese, Korean — through embedded font subsets (label-fonts.ts);
 * a character no font has prints as `?`.
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
  const text = await labelWriter(pdf, labelTexts(label));
  const write = (line: string, x: number, y: number, size = 8, isBold = false) => text.draw(page, line, x, y, size, isBold);
  const m = 4 * MM;
  let y = HEIGHT - m - 10;

  write(label.carrierName, m, y, 12, true);
  write(label.customs.form, WIDTH - m - text.width(label.customs.form, 12, true), y, 12, true);
  y -= 6;
  rule(page, m, y);

  const barcode = await toBuffer({ bcid: 'code128', text: label.trackingNumber, scale: 3, height: 14, includetext: false });
  const image = await pdf.embedPng(barcode);
  const barWidth = WIDTH - 2 * m;
  const barHeight = 18 * MM;
  y -= barHeight + 4;
  page.drawImage(image, { x: m, y, width: barWidth, height: barHeight });
  y -= 12;
  const numberWidth = text.width(label.trackingNumber, 11, true);
  write(label.trackingNumber, (WIDTH - numberWidth) / 2, y, 11, true);
  y -= 6;
  rule(page, m, y);

  const block = (title: string, who: z.infer<typeof party>) => {
    y -= 10;
    write(title, m, y, 7, true);
    y -= 10;
    write(who.name, m, y, 9, true);
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
  write(`CUSTOMS DECLARATION - ${label.customs.category.toUpperCase()}`, m, y, 7, true);
  const columns = [m, m + 40 * MM, m + 52 * MM, m + 72 * MM];
  y -= 10;
  ['Contents', 'Qty', `Value ${label.customs.currency}`, 'Weight g'].forEach((h, i) => write(h, columns[i]!, y, 7, true));
  let totalValue = 0n;
  let totalGrams = 0;
  for (const item of label.customs.items) {
    y -= 9;
    const description = item.hsCode ? `${item.description} (HS ${item.hsCode}, ${item.originCountry})` : `${item.description} (${item.originCountry})`;
    write(fit(description, text, 7, 39 * MM), columns[0]!, y, 7);
    write(String(item.quantity), columns[1]!, y, 7);
    write(item.value, columns[2]!, y, 7);
    write(String(item.weightGrams), columns[3]!, y, 7);
    totalValue += thousandths(item.value);
    totalGrams += item.weightGrams;
  }
  y -= 4;
  rule(page, m, y);
  y -= 9;
  write('Total', columns[0]!, y, 7, true);
  write(formatThousandths(totalValue), columns[2]!, y, 7, true);
  write(String(totalGrams), columns[3]!, y, 7, true);
  y -= 14;
  write('I certify that the particulars given in this declaration are correct.', m, y, 6);
  return pdf.save();
}

function rule(page: PDFPage, x: number, y: number) {
  page.drawLine({ start: { x, y }, end: { x: WIDTH - x, y }, thickness: 0.6, color: rgb(0, 0, 0) });
}

/** Every text the label prints from its input, so the fonts it needs are embedded once, up front. */
function labelTexts(label: z.infer<typeof labelInputSchema>): string[] {
  const of = (who: z.infer<typeof party>) => [who.name, ...who.lines];
  return [label.carrierName, label.trackingNumber, ...of(label.sender), ...of(label.receiver), ...label.customs.items.map((item) => item.description)];
}

function fit(line: string, text: LabelWriter, size: number, width: number): string {
  if (text.width(line, size) <= width) return line;
  let chars = [...line];
  while (chars.length > 1 && text.width(`${chars.join('')}...`, size) > width) chars = chars.slice(0, -1);
  return `${chars.join('')}...`;
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
