/**
 * RFC 4180 CSV: a field is quoted when it holds a comma, quote, CR or LF (quotes doubled). A field
 * that starts with = + - @ or a tab would run as a formula in a spreadsheet: it is prefixed with a
 * quote ('), except plain numbers (negative amounts stay numbers).
 */
const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',');
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map(csvLine).join('\r\n') + '\r\n';
}
