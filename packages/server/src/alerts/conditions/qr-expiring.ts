// group_qr_expiring (domain_ops.md §3.1: a group QR lasts 7 days; rotate at expires_at − 24 h): hours until an open
// group's uploaded QR expires. One instance per uploaded QR: `group:<id>:qr:<expires_at>`; a new upload (or the
// group closing) supersedes the old QR's alert.
import { localTime } from '../../campaigns/rules.js';
import { type Condition, type Finding } from './types.js';
import { groupsWithQr } from './queries.js';

const HOUR = 3_600_000;

function localMinute(at: string, zone: string): string {
  const { date, minute } = localTime(new Date(at), zone);
  return `${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export const qrExpiring: Condition = async ({ s, now, zone }) => {
  const findings: Finding[] = [];
  for (const g of await groupsWithQr(s)) {
    if (g.status !== 'open') continue;
    const expiresAt = g.qr_expires_at!;
    const hoursLeft = (Date.parse(expiresAt) - now.getTime()) / HOUR;
    const when = localMinute(expiresAt, zone);
    findings.push({
      subject: `group:${g.id}:qr:${expiresAt}`,
      measure: { value: hoursLeft },
      staffIds: [g.owner_staff_id],
      message: () => (hoursLeft <= 0
        ? `群「${g.name}」的群二维码已于 ${when} 过期：新成员扫码进不了群，请上传新的群二维码`
        : `群「${g.name}」的群二维码将于 ${when} 过期（还剩 ${hoursLeft.toFixed(1)} 小时）：请上传新的群二维码`),
    });
  }
  const current = new Set(findings.map((f) => f.subject));
  return { findings, superseded: (subject) => !current.has(subject) };
};
