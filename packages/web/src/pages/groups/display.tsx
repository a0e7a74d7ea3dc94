// How a group's state looks everywhere in the console: status and QR colours, the size bar, the QR countdown.
import { Progress, Space, Tag, Tooltip } from 'antd';
import type { GroupStatus, QrStatus } from '../../api/groups';
import type { Translate } from '../../i18n/useT';
import { formatTime } from '../../shared/time';

export const STATUS_COLOR: Record<GroupStatus, string> = { open: 'green', full: 'orange', archived: 'default', dissolved: 'red' };
export const STATUS_HEX: Record<GroupStatus, string> = { open: '#52c41a', full: '#fa8c16', archived: '#bfbfbf', dissolved: '#ff4d4f' };
const QR_COLOR: Record<QrStatus, string> = { none: 'default', valid: 'green', expiring: 'orange', expired: 'red' };

export function StatusTag({ status, t }: { status: GroupStatus; t: Translate }) {
  return <Tag color={STATUS_COLOR[status]}>{t(`groups.status.${status}`)}</Tag>;
}

/** Time left until the QR expires, in the largest useful units. */
export function countdown(expiresAt: string, t: Translate, now = Date.now()): string {
  const ms = Date.parse(expiresAt) - now;
  if (ms <= 0) return t('groups.qr.expiredAgo');
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 24) return t('groups.qr.leftDays', { days: Math.floor(hours / 24), hours: hours % 24 });
  return t('groups.qr.leftHours', { hours, minutes: Math.floor((ms % 3_600_000) / 60_000) });
}

export function QrBadge({ status, expiresAt, t }: { status: QrStatus; expiresAt: string | null; t: Translate }) {
  return (
    <Space size={4} data-testid="qr-status">
      <Tag color={QR_COLOR[status]}>{t(`groups.qr.${status}`)}</Tag>
      {expiresAt && (
        <Tooltip title={`${t('groups.qr.expiresAt')} ${formatTime(expiresAt)}`}>
          <span style={{ fontSize: 12, color: status === 'valid' ? 'rgba(0,0,0,0.45)' : undefined }}>{countdown(expiresAt, t)}</span>
        </Tooltip>
      )}
    </Space>
  );
}

/** Members against capacity; orange from the 190 scan-join warning, red when full. */
export function SizeBar({ count, capacity, width = 140 }: { count: number; capacity: number; width?: number }) {
  const percent = capacity > 0 ? Math.min(100, Math.round((count / capacity) * 100)) : 0;
  const warnAt = Math.max(1, Math.min(190, capacity - 10));
  const color = count >= capacity ? '#ff4d4f' : count >= warnAt ? '#fa8c16' : '#1677ff';
  return (
    <div style={{ width }}>
      <Progress percent={percent} size="small" strokeColor={color} format={() => `${count}/${capacity}`} />
    </div>
  );
}
