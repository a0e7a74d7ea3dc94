// The header card of a member profile: 学号, nickname, state, times, and the notes a staff member must not
// miss (the number was merged into this one; personal data was erased).
import { Alert, Badge, Button, Card, Descriptions, Space, Typography } from 'antd';
import { EditOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { formatTime } from '../../shared/time';

interface Props {
  member: Member;
  onEdit: () => void;
  onBlock: () => void;
  onUnblock: () => void;
}

export function ProfileHeader({ member, onEdit, onBlock, onUnblock }: Props) {
  const t = useT();
  const { can } = useSession();
  const erased = member.erasedAt !== null;

  const actions = (
    <Space>
      {can('members.write') && !erased && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-member">
          {t('profile.edit')}
        </Button>
      )}
      {can('members.block') &&
        (member.blocked ? (
          <Button icon={<CheckCircleOutlined />} onClick={onUnblock} data-testid="unblock-member">
            {t('profile.unblock')}
          </Button>
        ) : (
          <Button danger icon={<StopOutlined />} onClick={onBlock} data-testid="block-member">
            {t('profile.block')}
          </Button>
        ))}
    </Space>
  );

  return (
    <Card
      title={
        <Space size="middle">
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="profile-member-no">
            {member.memberNo}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 16 }} data-testid="profile-nickname">
            {member.nickname}
          </Typography.Text>
          {member.blocked ? <Badge status="error" text={t('member.blocked')} /> : <Badge status="success" text={t('member.active')} />}
        </Space>
      }
      extra={actions}
    >
      {member.resolvedFrom !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('profile.resolvedFrom', { from: String(member.resolvedFrom), to: String(member.memberNo) })}
          data-testid="profile-resolved-from"
        />
      )}
      {erased && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('profile.erasedAt', { at: formatTime(member.erasedAt) })} />
      )}
      {member.blocked && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('profile.blockedBecause', {
            reason: member.blocked.reason,
            by: member.blocked.by?.displayName ?? '—',
            at: formatTime(member.blocked.at),
          })}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'phone', label: t('member.phone'), children: member.phone ?? '—' },
          { key: 'createdAt', label: t('member.createdAt'), children: formatTime(member.createdAt) },
          { key: 'updatedAt', label: t('member.updatedAt'), children: formatTime(member.updatedAt) },
          {
            key: 'merged',
            label: t('profile.mergedNumbers'),
            children: member.mergedNumbers.length ? member.mergedNumbers.join(', ') : '—',
          },
          {
            key: 'attributes',
            label: t('profile.attributes'),
            span: 'filled',
            children: Object.keys(member.attributes).length ? (
              <Space wrap size={[16, 0]}>
                {Object.entries(member.attributes).map(([k, v]) => (
                  <span key={k}>
                    <Typography.Text type="secondary">{k}: </Typography.Text>
                    {String(v)}
                  </span>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </Card>
  );
}
