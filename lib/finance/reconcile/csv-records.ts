/**
 * RFC 4180 records from a stream of text chunks: quoted fields may hold commas, doubled quotes and
 * line breaks; CRLF or LF ends a record; a BOM before the header is skipped. Streams, so a month's
 * report is never held in memory whole.
 */
export async function* csvRecords(chunks: AsyncIterable<string | Buffer> | Iterable<string>): AsyncGenerator<string[]> {
  let field = '';
  let record: string[] = [];
  let isQuoted = false;
  let isAfterQuote = false;
  let isFirst = true;
  for await (const raw of chunks) {
    let chunk = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (isFirst && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      isFirst = false;
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (isQuoted) {
        if (c !== 34) continue;
        field += chunk.slice(start, i);
        start = i + 1;
        isQuoted = false;
        isAfterQuote = true;
        continue;
      }
      if (c === 34) {
        // A quote right after a closing quote is an escaped quote inside the field.
        if (isAfterQuote) field += '"';
        else field += chunk.slice(start, i);
        start = i + 1;
        isQuoted = true;
        isAfterQuote = false;
        continue;
      }
      isAfterQuote = false;
      if (c === 44) {
        record.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
      } else if (c === 10 || c === 13) {
        record.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
        if (c === 13 && chunk.charCodeAt(i + 1) === 10) {
          i++;
          start = i + 1;
        }
        if (record.length > 1 || record[0] !== '') yield record;
        record = [];
      }
    }
    field += chunk.slice(start);
  }
  if (isQuoted) throw new Error('the file ends inside a quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    if (record.length > 1 || record[0] !== '') yield record;
  }
}
