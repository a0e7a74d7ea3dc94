// The refund list (退款名单) finance pays from: the enrollments decided refund, one row each, as XLSX (amounts as
// numbers in yuan with two decimals) or as CSV with a byte-order mark for Excel.
import ExcelJS from 'exceljs';
import { localTime } from '../campaigns/rules.js';
import { csvLine, UTF8_BOM } from '../members/csv.js';
import type { SettlementOut, SettlementRow } from './schema.js';

export interface RefundListFile {
  /** The name shown to people (UTF-8, sent as RFC 5987 filename*). */
  filename: string;
  /** An ASCII name for clients that do not read filename*. */
  asciiFilename: string;
  contentType: string;
  body: Buffer;
}

type Cell = string | number;

interface Column { header: string; width: number; yuan?: boolean; value: (r: SettlementRow) => Cell }

const yuan = (cents: number) => cents / 100;

/** A campaign-zone wall-clock time, as finance reads it: 2026-12-22 10:31. */
function local(instant: string | null, timezone: string): string {
  if (instant === null) return '';
  const { date, minute } = localTime(new Date(instant), timezone);
  return `${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function columns(out: SettlementOut): Column[] {
  const { campaign, rules } = out;
  return [
    { header: '学号', width: 10, value: (r) => r.member.memberNo },
    { header: '昵称', width: 20, value: (r) => r.member.nickname },
    { header: '手机', width: 16, value: (r) => r.member.phone ?? '' },
    { header: '营期', width: 10, value: () => campaign.key },
    { header: '实付(元)', width: 11, yuan: true, value: (r) => yuan(r.paidCents) },
    { header: '应退(元)', width: 11, yuan: true, value: (r) => yuan(r.refundDueCents) },
    // The days the class is judged on: check-ins that count plus grace days (实际天数 = 打卡天数 + 宽限).
    { header: '打卡天数', width: 10, value: (r) => r.days },
    { header: '要求天数', width: 10, value: () => rules.daysRequiredForRefund },
    { header: '决定人', width: 14, value: (r) => r.decidedBy?.name ?? '' },
    { header: '决定时间', width: 18, value: (r) => local(r.decidedAt, campaign.timezone) },
    { header: '退款状态', width: 10, value: (r) => (r.refundedAt === null ? '待退款' : '已退款') },
    { header: '退款流水号', width: 28, value: (r) => r.refundReference ?? '' },
  ];
}

/** A text cell Excel would read as a formula (=, +, -, @, tab, CR first) is written with a leading apostrophe. */
function csvSafe(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export async function refundListFile(out: SettlementOut, rows: SettlementRow[], today: string, format: 'xlsx' | 'csv'): Promise<RefundListFile> {
  const cols = columns(out);
  const base = `${out.campaign.key}-退款名单-${today}`;
  const asciiBase = `${out.campaign.key}-refunds-${today}`;
  if (format === 'csv') {
    let text = UTF8_BOM + csvLine(cols.map((c) => c.header));
    for (const r of rows) text += csvLine(cols.map((c) => (c.yuan ? (c.value(r) as number).toFixed(2) : csvSafe(c.value(r)))));
    return { filename: `${base}.csv`, asciiFilename: `${asciiBase}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(text, 'utf8') };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('退款名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({ header: c.header, width: c.width, ...(c.yuan ? { style: { numFmt: '0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(cols.map((c) => c.value(r)));
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    filename: `${base}.xlsx`,
    asciiFilename: `${asciiBase}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

/** Content-Disposition for a download with a UTF-8 name (RFC 6266 / RFC 5987) and an ASCII fallback. */
export function attachment(file: Pick<RefundListFile, 'filename' | 'asciiFilename'>): string {
  const encoded = encodeURIComponent(file.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encoded}`;
}
