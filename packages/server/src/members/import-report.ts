// The rejected-rows report of an import: a CSV that opens in Excel, one line per rejected row with its line
// number, the reasons (each naming the column) and the row as it was, so it can be fixed and imported again.
import fs from 'node:fs';
import { once } from 'node:events';
import { csvLine, UTF8_BOM } from './csv.js';

export class RejectionReport {
  private readonly out: fs.WriteStream;
  count = 0;

  constructor(readonly file: string, header: string[]) {
    // Opened synchronously so a path that cannot be written fails before the import starts, not midway.
    this.out = fs.createWriteStream(file, { fd: fs.openSync(file, 'w') });
    this.out.write(UTF8_BOM + csvLine(['行号 line', '原因 reason', ...header]));
  }

  async add(line: number, reasons: string[], cells: string[]): Promise<void> {
    this.count++;
    if (!this.out.write(csvLine([line, reasons.join('; '), ...cells]))) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}
