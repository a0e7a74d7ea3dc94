// The groups this person is or was in, each period with how it was learnt: where the "30 strangers" of a
// nickname-only world become one member.
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { groupsApi, type MemberGroup } from '../../api/groups';
import type { MemberNo } from '../../api/types';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useLoad } from '../../shared/useLoad';

export function MemberGroups({ memberNo, version }: { memberNo: MemberNo; version: number }) {
  const t = useT();
  const periods = useLoad(() => groupsApi.ofMember(memberNo).then((r) => r.items), [memberNo, version]);
  const current = periods.data?.filter((p) => p.leftAt === null).length ?? 0;

  return (
    <Card
      size="small"
      title={<MetricTitle title={t('profile.groups', { count: current })} definition={t('profile.groupsHelp')} />}
      loading={periods.loading && !periods.data}
    >
      <ErrorAlert error={periods.error} />
      {periods.data?.length ? (
        <Table<MemberGroup>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={periods.data}
          data-testid="member-groups"
          columns={[
            { title: t('profile.groupName'), render: (_, p) => <Link to={`/groups/${p.group.id}`}>{p.group.name}</Link> },
            { title: t('profile.groupNickname'), dataIndex: 'groupNickname', render: (v: string | null) => v ?? '—' },
            { title: t('profile.joinedAt'), dataIndex: 'joinedAt', render: formatTime },
            {
              title: t('profile.leftAt'),
              dataIndex: 'leftAt',
              render: (v: string | null) => (v ? formatTime(v) : <Tag color="green">{t('profile.stillIn')}</Tag>),
            },
            { title: t('profile.source'), dataIndex: 'source', render: (v: string) => <Typography.Text type="secondary">{t.label('groups.members.source', v)}</Typography.Text> },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      )}
    </Card>
  );
}
