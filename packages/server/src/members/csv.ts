// CSV as spreadsheets write it (RFC 4180: quoted fields with commas, newlines and doubled quotes; CRLF or LF),
// read as a stream of records that know the line they started on, and written one line at a time.

export interface CsvRecord {
  /** The physical line the record starts on (1-based), for reports that point back into the file. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {}

const SPECIAL = /[,\r\n"]/g;

/**
 * Parses decoded text chunks into records, yielding one batch per chunk (a generator step per record would cost
 * more than the parsing at a million rows). A leading byte-order mark is dropped; blank lines are skipped.
 */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteAtChunkEnd = false;
  let skipLineFeed = false;
  let first = true;
  let line = 1;
  let recordLine = 1;

  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    const batch: CsvRecord[] = [];
    const endRecord = () => {
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') batch.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    };
    let i = 0;
    if (skipLineFeed && chunk.charCodeAt(0) === 10) i = 1;
    skipLineFeed = false;
    if (quoteAtChunkEnd) {
      quoteAtChunkEnd = false;
      if (chunk.charCodeAt(i) === 34) {
        field += '"';
        i++;
      } else {
        inQuotes = false;
      }
    }
    const n = chunk.length;
    while (i < n) {
      if (inQuotes) {
        const close = chunk.indexOf('"', i);
        const end = close === -1 ? n : close;
        const part = chunk.slice(i, end);
        line += countLineFeeds(part);
        field += part;
        if (close === -1) break;
        if (close + 1 === n) {
          // A quote at the end of a chunk may be the first half of an escaped "" — the next chunk decides.
          quoteAtChunkEnd = true;
          i = n;
        } else if (chunk.charCodeAt(close + 1) === 34) {
          field += '"';
          i = close + 2;
        } else {
          inQuotes = false;
          i = close + 1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 44) {
        fields.push(field);
        field = '';
        i++;
      } else if (c === 10) {
        endRecord();
        i++;
      } else if (c === 13) {
        endRecord();
        if (i + 1 < n) {
          if (chunk.charCodeAt(i + 1) === 10) i++;
        } else {
          skipLineFeed = true;
        }
        i++;
      } else if (c === 34 && field === '') {
        inQuotes = true;
        i++;
      } else {
        // A run of ordinary characters (a stray quote inside an unquoted field is kept as text).
        SPECIAL.lastIndex = c === 34 ? i + 1 : i;
        const next = SPECIAL.exec(chunk);
        const end = next ? next.index : n;
        field += chunk.slice(i, end);
        i = end;
      }
    }
    if (batch.length) yield batch;
  }
  if (inQuotes && !quoteAtChunkEnd) throw new CsvError(`a quoted field starting on line ${recordLine} is never closed`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield [{ line: recordLine, fields }];
  }
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

const NEEDS_QUOTES = /[,"\r\n]|^\s|\s$/;

/** One CSV line (CRLF-terminated, as Excel writes it). */
export function csvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const value = fields[i];
    const text = value === null || value === undefined ? '' : String(value);
    if (i > 0) out += ',';
    out += NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return `${out}\r\n`;
}

/** Excel only reads a CSV as UTF-8 (rather than the local code page) when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';
