// The reminders as a list with what to do: upload a new group QR (missing, expiring, expired) or open a new group.
import { Button, Drawer, Empty, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Reminder } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { formatTime } from '../../shared/time';

const COLOR: Record<Reminder['reason'], string> = { qr_missing: 'red', qr_expired: 'red', qr_expiring: 'orange', near_capacity: 'orange' };

interface Props {
  open: boolean;
  reminders: Reminder[];
  onClose: () => void;
  /** Opens the create dialog, for "open a new group". */
  onNewGroup: () => void;
  canManage: boolean;
}

export function RemindersDrawer({ open, reminders, onClose, onNewGroup, canManage }: Props) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Drawer open={open} onClose={onClose} title={t('groups.reminders.title')} width={480} data-testid="reminders-drawer">
      <Typography.Paragraph type="secondary">{t('groups.reminders.help')}</Typography.Paragraph>
      {reminders.length === 0 ? (
        <Empty description={t('groups.reminders.empty')} />
      ) : (
        <List
          dataSource={reminders}
          renderItem={(r) => (
            <List.Item
              actions={canManage ? [
                r.reason === 'near_capacity'
                  ? <Button key="new" size="small" type="primary" onClick={onNewGroup}>{t('groups.action.newGroup')}</Button>
                  : <Button key="qr" size="small" type="primary" onClick={() => navigate(`/groups/${r.groupId}`)}>{t('groups.action.uploadQr')}</Button>,
              ] : []}
            >
              <List.Item.Meta
                title={<a onClick={() => navigate(`/groups/${r.groupId}`)}>{r.groupName}</a>}
                description={
                  <Tag color={COLOR[r.reason]}>
                    {t(`groups.reminder.${r.reason}`, { time: formatTime(r.qrExpiresAt), count: r.memberCount, capacity: r.capacity })}
                  </Tag>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
