// Exporting a workspace's live members to CSV (UTF-8 with BOM, for Excel) or XLSX, in keyset pages from one
// snapshot, in the column layout the importer reads back: an export re-imports into an empty workspace unchanged.
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { recordAudit } from '../audit/service.js';
import type { Database } from '../db/connection.js';
import { scoped, type Scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { countLiveMembers, identityKindsInUse, liveAttributesPage, liveMembersPage } from './bulk.js';
import { csvLine, UTF8_BOM } from './csv.js';
import { ATTRIBUTE_PREFIX, isKnownHeader } from './import-columns.js';
import { identitiesOf, tagsOf } from './queries.js';
import { IDENTITY_KINDS, type Attributes } from './schema.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportOptions {
  format: ExportFormat;
  /** A file path, or (CSV only) a stream such as stdout. */
  out: string | NodeJS.WritableStream;
  pageSize?: number;
  onProgress?: (progress: { rows: number; total: number }) => void;
}

type Cell = string | number | boolean;

interface RowSink {
  write(cells: Cell[]): Promise<void>;
  close(): Promise<void>;
}

export function formatOf(file: string): ExportFormat | null {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
}

export async function exportMembers(database: Pick<Database, 'db' | 'dialect'>, ctx: AccessContext, options: ExportOptions): Promise<{ members: number }> {
  const { db, dialect } = database;
  const pageSize = options.pageSize ?? 2000;
  // One snapshot for the column scan and the pages, so a member added meanwhile cannot bring an attribute the
  // header lacks. (SQLite's WAL gives a read transaction its snapshot; PostgreSQL needs repeatable read.)
  const begin = dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  const members = await begin.execute(async (tx) => {
    const s = scoped(tx, ctx.workspaceId);
    const total = await countLiveMembers(s);
    const kinds = [...IDENTITY_KINDS].filter((k) => k !== 'phone');
    const used = await identityKindsInUse(s);
    const identityKinds = kinds.filter((k) => used.has(k));
    const attributeKeys = await collectAttributeKeys(s, pageSize);
    const header = ['学号', '昵称', '手机', ...identityKinds, '标签', ...attributeKeys.map(attributeHeader), '创建时间'];
    const sink = options.format === 'xlsx' ? xlsxSink(options.out) : csvSink(options.out);
    let rows = 0;
    try {
      await sink.write(header);
      for (let afterId = 0; ;) {
        const page = await liveMembersPage(s, afterId, pageSize);
        if (page.length === 0) break;
        const ids = page.map((m) => m.id);
        const [identities, tags] = await Promise.all([identitiesOf(s, ids), tagsOf(s, ids)]);
        const identitiesByMember = groupBy(identities, (i) => i.member_id);
        const tagsByMember = groupBy(tags, (t) => t.member_id);
        for (const member of page) {
          const own = identitiesByMember.get(member.id) ?? [];
          const values = (kind: string) => own.filter((i) => i.kind === kind).map((i) => i.value).join(';');
          const attributes = JSON.parse(member.attributes) as Attributes;
          await sink.write([
            member.member_no, member.nickname, values('phone'), ...identityKinds.map(values),
            (tagsByMember.get(member.id) ?? []).map((t) => t.name).join('、'),
            ...attributeKeys.map((key) => attributes[key] ?? ''),
            member.created_at,
          ]);
        }
        rows += page.length;
        afterId = page[page.length - 1]!.id;
        options.onProgress?.({ rows, total });
      }
    } finally {
      await sink.close();
    }
    return rows;
  });
  const target = typeof options.out === 'string' ? path.basename(options.out) : 'stdout';
  await recordAudit(db, ctx, { action: 'member.export', entity: 'export', entityId: target, after: { file: target, format: options.format, members } });
  return { members };
}

/** Attribute names in order of first appearance, across all live members. */
async function collectAttributeKeys(s: Scoped, pageSize: number): Promise<string[]> {
  const keys = new Set<string>();
  for (let afterId = 0; ;) {
    const page = await liveAttributesPage(s, afterId, pageSize * 5);
    if (page.length === 0) break;
    for (const row of page) {
      if (row.attributes === '{}') continue;
      for (const key of Object.keys(JSON.parse(row.attributes) as Attributes)) keys.add(key);
    }
    afterId = page[page.length - 1]!.id;
  }
  return [...keys];
}

/** An attribute that shares a name with a known column (say "phone") is written `attr:phone`, so it reads back as one. */
function attributeHeader(key: string): string {
  return isKnownHeader(key) || key.toLowerCase().startsWith(ATTRIBUTE_PREFIX) ? `${ATTRIBUTE_PREFIX}${key}` : key;
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

function csvSink(out: string | NodeJS.WritableStream): RowSink {
  // A file is opened synchronously so an unwritable path fails at once with its own error.
  const stream = typeof out === 'string' ? fs.createWriteStream(out, { fd: fs.openSync(out, 'w') }) : out;
  let buffer = UTF8_BOM;
  const drain = async () => {
    if (!stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  };
  return {
    async write(cells) {
      buffer += csvLine(cells.map(String));
      if (buffer.length >= 1 << 16) await drain();
    },
    async close() {
      if (buffer) await drain();
      if (typeof out === 'string') {
        stream.end();
        await once(stream, 'finish');
      }
    },
  };
}

function xlsxSink(out: string | NodeJS.WritableStream): RowSink {
  if (typeof out !== 'string') throw new Error('XLSX export needs a file (--out members.xlsx)');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('members');
  return {
    async write(cells) {
      sheet.addRow(cells).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
