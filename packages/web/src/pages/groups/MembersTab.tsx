// Who is in the group now, or every join/leave period; add a member by 学号 and record someone leaving.
import { useState } from 'react';
import { Button, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { groupsApi, type Membership } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatTime } from '../../shared/time';
import { useCursorList } from '../../shared/useCursorList';
import { useNotify } from '../../shared/useNotify';

export function MembersTab({ groupId, canManage, version, onChanged }: { groupId: number; canManage: boolean; version: number; onChanged: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [period, setPeriod] = useState<'current' | 'all'>('current');
  const [memberNo, setMemberNo] = useState<number | null>(null);
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<unknown>(null);
  const list = useCursorList((cursor) => groupsApi.members(groupId, period, cursor), [groupId, period, version]);

  const add = async () => {
    if (!memberNo) return;
    setError(null);
    try {
      await groupsApi.join(groupId, memberNo, nickname.trim() || undefined);
      notify.success(t('groups.members.added'));
      setMemberNo(null);
      setNickname('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  const leave = async (m: Membership) => {
    try {
      await groupsApi.leave(groupId, m.memberNo);
      notify.success(t('groups.members.left'));
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={period} onChange={(e) => setPeriod(e.target.value)} optionType="button"
          options={[{ value: 'current', label: t('groups.members.current') }, { value: 'all', label: t('groups.members.all') }]} />
        {canManage && (
          <Space.Compact>
            <InputNumber<number> placeholder={t('groups.members.addPlaceholder')} value={memberNo} onChange={setMemberNo} min={1} precision={0} style={{ width: 120 }} data-testid="add-member-no" />
            <Input placeholder={t('groups.members.groupNicknamePlaceholder')} value={nickname} onChange={(e) => setNickname(e.target.value)} maxLength={64} style={{ width: 200 }} />
            <Button type="primary" onClick={add} disabled={!memberNo}>{t('groups.members.add')}</Button>
          </Space.Compact>
        )}
      </Space>
      <ErrorAlert error={error ?? list.error} />
      <Table<Membership>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('groups.members.memberNo'), dataIndex: 'memberNo', width: 100, render: (no: number) => <Link to={`/members/${no}`}>{no}</Link> },
          { title: t('groups.members.nickname'), dataIndex: 'nickname' },
          { title: t('groups.members.groupNickname'), dataIndex: 'groupNickname', render: (n: string | null) => n ?? '—' },
          { title: t('groups.members.joinedAt'), dataIndex: 'joinedAt', width: 150, render: formatTime },
          { title: t('groups.members.leftAt'), dataIndex: 'leftAt', width: 150, render: formatTime },
          { title: t('groups.members.source'), dataIndex: 'source', width: 100, render: (s: Membership['source']) => <Tag>{t(`groups.members.source.${s}`)}</Tag> },
          ...(canManage ? [{
            title: '', width: 110,
            render: (_: unknown, m: Membership) => m.leftAt === null && (
              <Popconfirm title={t('groups.members.leaveConfirm', { memberNo: m.memberNo })} onConfirm={() => leave(m)}>
                <Button size="small" type="link" danger>{t('groups.members.leave')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {list.hasMore && <Button onClick={list.loadMore}>{t('common.loadMore')}</Button>}
        <Typography.Text type="secondary">{t('common.loadedCount', { count: list.items.length })}</Typography.Text>
      </Space>
    </>
  );
}
