// Reading an import file as a stream of rows of text, whatever its format: CSV (UTF-8, or GB18030 as Excel on
// Chinese Windows saves it) or XLSX through exceljs's streaming reader. Nothing holds the whole file in memory.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CsvError, parseCsv } from './csv.js';

export interface SourceRow {
  /** Line (CSV) or row number (XLSX) in the file, as the user sees it. */
  line: number;
  cells: string[];
}

export interface ImportSource {
  header: string[];
  /** Rows after the header, in batches; blank rows are skipped. */
  rows: AsyncIterable<SourceRow[]>;
  totalBytes: number;
  bytesRead(): number;
  /** 'gb18030' when the CSV was not UTF-8 and was read as the Chinese Windows code page. */
  encoding: 'utf-8' | 'gb18030' | 'xlsx';
}

export class ImportFileError extends Error {}

export async function openSource(file: string): Promise<ImportSource> {
  const totalBytes = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return withHeader(xlsxRows(stream), stream, totalBytes, 'xlsx');
  if (ext !== '.csv' && ext !== '.txt') throw new ImportFileError(`cannot import "${ext || file}": use a .csv or .xlsx file`);
  const decoded = decode(stream);
  const source = await withHeader(csvRows(decoded.chunks), stream, totalBytes, 'utf-8');
  return { ...source, encoding: decoded.encoding() };
}

async function withHeader(batches: AsyncIterable<SourceRow[]>, stream: fs.ReadStream, totalBytes: number, encoding: ImportSource['encoding']): Promise<ImportSource> {
  const iterator = batches[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) throw new ImportFileError('the file is empty: the first row must name the columns');
  const [headerRow, ...rest] = first.value;
  async function* rows(): AsyncGenerator<SourceRow[]> {
    if (rest.length) yield rest;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { header: headerRow!.cells, rows: rows(), totalBytes, bytesRead: () => stream.bytesRead, encoding };
}

async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<SourceRow[]> {
  try {
    for await (const batch of parseCsv(chunks)) {
      const rows: SourceRow[] = [];
      for (const record of batch) if (!isBlank(record.fields)) rows.push({ line: record.line, cells: record.fields });
      yield rows;
    }
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError(error.message);
    throw error;
  }
}

/** UTF-8 unless the first megabyte is not valid UTF-8; then GB18030 (a superset of GBK), which Excel uses in China. */
function decode(stream: fs.ReadStream) {
  let encoding: 'utf-8' | 'gb18030' = 'utf-8';
  async function* chunks(): AsyncGenerator<string> {
    let decoder: TextDecoder | null = null;
    for await (const buffer of stream as AsyncIterable<Buffer>) {
      if (!decoder) {
        try {
          decoder = new TextDecoder('utf-8', { fatal: true });
          yield decoder.decode(buffer, { stream: true });
          continue;
        } catch {
          encoding = 'gb18030';
          decoder = new TextDecoder('gb18030');
        }
      }
      try {
        yield decoder.decode(buffer, { stream: true });
      } catch {
        throw new ImportFileError(`the file is not valid UTF-8 near byte ${stream.bytesRead}: save it as "CSV UTF-8" or XLSX`);
      }
    }
    if (decoder) yield decoder.decode();
  }
  return { chunks: chunks(), encoding: () => encoding };
}

async function* xlsxRows(stream: fs.ReadStream): AsyncGenerator<SourceRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  for await (const worksheet of reader) {
    let batch: SourceRow[] = [];
    // exceljs types its streamed worksheet loosely; each item is a Row.
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (!isBlank(cells)) batch.push({ line: row.number, cells });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    // Only the first sheet holds members; the rest (notes, pivot tables) are not read.
    return;
  }
}

/** A cell as the text the user sees; dates as wall-clock time, which the importer reads in the workspace's zone. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
