// The members table; a row click opens the profile (rows carry data-row-key = memberNo for tests).
import { Badge, Table } from 'antd';
import { useNavigate } from 'react-router';
import type { MemberSummary } from '../../api/types';
import { useT } from '../../i18n/useT';
import { TagChip } from '../../shared/TagChip';
import { formatTime } from '../../shared/time';

export function MemberTable({ members, loading }: { members: MemberSummary[]; loading: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Table<MemberSummary>
      rowKey={(m) => String(m.memberNo)}
      loading={loading}
      dataSource={members}
      pagination={false}
      size="middle"
      onRow={(m) => ({ onClick: () => navigate(`/members/${m.memberNo}`), style: { cursor: 'pointer' } })}
      data-testid="member-table"
      columns={[
        { title: t('member.memberNo'), dataIndex: 'memberNo', width: 110, render: (no) => <strong>{no}</strong> },
        { title: t('member.nickname'), dataIndex: 'nickname' },
        { title: t('member.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
        {
          title: t('member.tags'),
          dataIndex: 'tags',
          render: (tags: MemberSummary['tags']) => tags.map((tag) => <TagChip key={tag.id} tag={tag} />),
        },
        {
          title: t('member.status'),
          dataIndex: 'blocked',
          width: 110,
          render: (blocked: boolean, m) =>
            m.erased ? (
              <Badge status="default" text={t('member.erased')} />
            ) : blocked ? (
              <Badge status="error" text={t('member.blocked')} />
            ) : (
              <Badge status="success" text={t('member.active')} />
            ),
        },
        { title: t('member.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => formatTime(at) },
      ]}
    />
  );
}
