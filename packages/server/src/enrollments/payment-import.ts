// Payments from a file (a bank or payment-platform export, CSV or XLSX): each row names the payer by member number
// or phone, the amount in yuan, when it was paid and its reference (流水号). Bad rows are reported with their row
// number, field and reason; the good ones are applied in one transaction; known references are skipped.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { CampaignService } from '../campaigns/service.js';
import type { Clock } from '../clock.js';
import { scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, isUniqueViolation } from '../http/errors.js';
import { ImportFileError, openSource, type SourceRow } from '../members/import-source.js';
import { parseTimestamp } from '../members/import-rows.js';
import type { MemberService } from '../members/service.js';
import { findPayer, type Payer, type PaymentService } from './payments.js';
import * as q from './queries.js';
import type { ImportResult } from './schema.js';

const MAX_ROWS = 5000;
const MAX_YUAN = 1_000_000;

type Field = 'memberNo' | 'phone' | 'amount' | 'paidAt' | 'reference';

const HEADERS: Record<Field, string[]> = {
  memberNo: ['学号', '会员号', 'membernumber', 'member_no', 'memberno'],
  phone: ['手机', '手机号', '手机号码', '电话', 'phone', 'mobile'],
  amount: ['金额', '金额(元)', '支付金额', '付款金额', 'amount'],
  paidAt: ['支付时间', '付款时间', '交易时间', 'paidat', 'paid_at'],
  reference: ['流水号', '交易流水号', '交易单号', '订单号', 'reference', 'ref'],
};

const normalize = (header: string) => header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
const BY_ALIAS = new Map(Object.entries(HEADERS).flatMap(([field, aliases]) => aliases.map((a) => [a, field as Field] as const)));

/** Yuan as people write them (99, 99.5, 99.00, ¥1,099.00) to whole cents; null when it is not an amount. */
export function yuanToCents(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.replace(/^(¥|￥|CNY|RMB)\s*/i, '').replace(/,(?=\d{3}(\D|$))/g, '').trim());
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents / 100 > MAX_YUAN ? null : cents;
}

interface GoodRow { row: number; payer: Payer; amountCents: number; paidAt: string | null; reference: string }
type Rejected = ImportResult['rejected'][number];

export class PaymentImport {
  constructor(
    private readonly db: Kysely<DB>, private readonly clock: Clock, private readonly dataDir: string, private readonly members: MemberService,
    private readonly campaigns: CampaignService, private readonly payments: PaymentService,
  ) {}

  async run(ctx: AccessContext, campaignId: number, file: { bytes: Buffer; filename: string }): Promise<ImportResult> {
    const campaign = await this.campaigns.requireCampaign(ctx, campaignId);
    if (file.bytes.length === 0) throw invalid('upload.empty', 'The file is empty', { file: 'empty file' });
    const { columns, rows } = await this.read(file);
    const rejected: Rejected[] = [];
    const good: GoodRow[] = [];
    for (const row of rows) {
      const parsed = parseRow(row, columns, campaign.timezone);
      if ('reason' in parsed) rejected.push(parsed);
      else good.push(parsed);
    }
    // Who paid: resolved before the transaction (reads only), so the transaction holds its connection briefly.
    const payers = new Map<GoodRow, number>();
    for (const row of good) {
      const found = await findPayer(this.members, ctx, row.payer);
      if ('field' in found) rejected.push({ row: row.row, field: found.field, reason: found.reason });
      else payers.set(row, found.memberId);
    }
    const now = this.clock.now().toISOString();
    const apply = () => this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const outcome = { applied: 0, duplicates: 0, rejected: [] as Rejected[] };
      for (const [row, memberId] of payers) {
        const field = 'memberNo' in row.payer ? 'memberNo' : 'phone';
        const enrollment = await q.enrollmentOf(s, campaign.id, memberId);
        if (!enrollment) {
          outcome.rejected.push({ row: row.row, field, reason: `not enrolled in ${campaign.key}` });
          continue;
        }
        const result = await this.payments.applyIn(tx, ctx, enrollment, { amountCents: row.amountCents, paidAt: row.paidAt ?? now, reference: row.reference, source: 'csv' });
        if (result.status === 'exceeds') outcome.rejected.push({ row: row.row, field: 'amount', reason: `more than what is still due (${(result.dueLeftCents / 100).toFixed(2)} yuan)` });
        else if (result.status === 'duplicate') outcome.duplicates++;
        else outcome.applied++;
      }
      await recordAudit(tx, ctx, {
        action: 'payment.import', entity: 'campaign', entityId: campaign.id,
        after: { file: file.filename, rows: rows.length, applied: outcome.applied, duplicates: outcome.duplicates, rejected: outcome.rejected.length + rejected.length },
      });
      return outcome;
    });
    const outcome = await apply().catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('payment.reference_race', 'Another payment with one of these references was recorded at the same moment: import the file again (known references are skipped)', { file: 'import again' });
      throw error;
    });
    return { applied: outcome.applied, duplicates: outcome.duplicates, rejected: [...rejected, ...outcome.rejected].sort((a, b) => a.row - b.row) };
  }

  /** The rows of the uploaded file, read by the members import's CSV/XLSX reader from a temporary copy. */
  private async read(file: { bytes: Buffer; filename: string }): Promise<{ columns: Map<Field, number>; rows: SourceRow[] }> {
    const isZip = file.bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const dir = path.join(this.dataDir, 'tmp');
    await fs.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `payments-${randomBytes(8).toString('hex')}.${isZip ? 'xlsx' : 'csv'}`);
    try {
      await fs.writeFile(temp, file.bytes);
      const source = await openSource(temp);
      const columns = new Map<Field, number>();
      source.header.forEach((header, index) => {
        const field = BY_ALIAS.get(normalize(header));
        if (field && !columns.has(field)) columns.set(field, index);
      });
      const missing = [!columns.has('memberNo') && !columns.has('phone') ? '学号 or 手机 (member number or phone)' : null, !columns.has('amount') ? '金额 (amount)' : null, !columns.has('reference') ? '流水号 (reference)' : null].filter(Boolean);
      if (missing.length) throw invalid('payment_import.columns', `The file needs the columns: ${missing.join(', ')}`, { file: `missing columns: ${missing.join(', ')}` });
      const rows: SourceRow[] = [];
      for await (const batch of source.rows) {
        rows.push(...batch);
        if (rows.length > MAX_ROWS) throw invalid('payment_import.too_many_rows', `A payment file has at most ${MAX_ROWS} rows`, { file: 'too many rows' });
      }
      return { columns, rows };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const detail = error instanceof ImportFileError ? `: ${error.message}` : '';
      // exceljs fails on a zip that is no workbook, csv on binary junk: both are the file's fault, not ours.
      throw invalid('payment_import.unreadable', `The file is not a readable CSV or XLSX file${detail}`, { file: 'not a readable CSV or XLSX file' });
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
}

function parseRow(row: SourceRow, columns: Map<Field, number>, timezone: string): GoodRow | Rejected {
  const cell = (field: Field) => {
    const index = columns.get(field);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const reject = (field: Field, reason: string): Rejected => ({ row: row.line, field, reason });
  let payer: Payer;
  const number = cell('memberNo').replace(/^#/, '');
  if (number) {
    if (!/^\d{1,12}$/.test(number) || Number(number) < 1) return reject('memberNo', 'not a member number');
    payer = { memberNo: Number(number) };
  } else if (cell('phone')) {
    payer = { phone: cell('phone') };
  } else {
    return reject(columns.has('memberNo') ? 'memberNo' : 'phone', 'give a member number or a phone');
  }
  const amountCents = yuanToCents(cell('amount'));
  if (amountCents === null) return reject('amount', cell('amount') ? 'not an amount in yuan (e.g. 99.00)' : 'required');
  if (amountCents === 0) return reject('amount', 'must be more than 0');
  let paidAt: string | null = null;
  if (cell('paidAt')) {
    paidAt = parseTimestamp(cell('paidAt'), timezone);
    if (!paidAt) return reject('paidAt', 'not a date and time (write 2026-03-01 09:30 or ISO 8601)');
  }
  const reference = cell('reference');
  if (!reference) return reject('reference', 'required: a reference makes importing the same file twice safe');
  if (reference.length > 128) return reject('reference', 'at most 128 characters');
  return { row: row.line, payer, amountCents, paidAt, reference };
}
