// Merge a duplicate member into this one, and the history of merges with undo. After a merge the other
// number resolves to this member; undo restores it as a member of its own.
import { useState } from 'react';
import { App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { membersApi } from '../../api/members';
import type { Member, Merge } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatTime } from '../../shared/time';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';

interface Props {
  member: Member;
  version: number;
  onMember: (member: Member) => void;
}

export function MergesSection({ member, version, onMember }: Props) {
  const t = useT();
  const notify = useNotify();
  const { modal } = App.useApp();
  const { can } = useSession();
  const [from, setFrom] = useState('');
  const merges = useLoad(() => membersApi.merges(member.memberNo).then((r) => r.items), [member.memberNo, version]);
  const mayMerge = can('members.merge') && member.erasedAt === null;

  const confirmMerge = () => {
    const fromNo = from.trim();
    if (!/^\d+$/.test(fromNo) || fromNo === String(member.memberNo)) {
      notify.error(new Error(t('merge.invalidNumber')));
      return;
    }
    modal.confirm({
      title: t('merge.confirmTitle', { from: fromNo, to: String(member.memberNo) }),
      content: t('merge.confirmBody', { from: fromNo, to: String(member.memberNo) }),
      okText: t('merge.submit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await membersApi.merge(member.memberNo, Number(fromNo));
          setFrom('');
          notify.success(t('merge.done', { from: fromNo }));
          onMember(result.member);
        } catch (e) {
          notify.error(e);
        }
      },
    });
  };

  const undo = (merge: Merge) => {
    modal.confirm({
      title: t('merge.undoTitle', { from: String(merge.mergedNo) }),
      content: t('merge.undoBody', { from: String(merge.mergedNo) }),
      okText: t('merge.undo'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await membersApi.undoMerge(merge.id);
          notify.success(t('merge.undone', { from: String(merge.mergedNo) }));
          onMember(result.member);
        } catch (e) {
          notify.error(e);
        }
      },
    });
  };

  return (
    <>
      {mayMerge && (
        <Space.Compact style={{ marginBottom: 16 }}>
          <Input
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            onPressEnter={confirmMerge}
            placeholder={t('merge.fromPlaceholder')}
            style={{ width: 260 }}
            inputMode="numeric"
            data-testid="merge-from"
          />
          <Button type="primary" onClick={confirmMerge} data-testid="merge-submit">
            {t('merge.submit')}
          </Button>
        </Space.Compact>
      )}
      {mayMerge && (
        <Typography.Paragraph type="secondary">{t('merge.help', { to: String(member.memberNo) })}</Typography.Paragraph>
      )}
      <ErrorAlert error={merges.error} />
      <Table<Merge>
        rowKey="id"
        size="small"
        loading={merges.loading}
        dataSource={merges.data ?? []}
        pagination={false}
        columns={[
          { title: t('merge.at'), dataIndex: 'at', render: (at: string) => formatTime(at) },
          { title: t('merge.mergedNo'), dataIndex: 'mergedNo', render: (no) => <Link to={`/members/${no}`}>{no}</Link> },
          { title: t('merge.survivorNo'), dataIndex: 'survivorNo', render: (no) => <Link to={`/members/${no}`}>{no}</Link> },
          { title: t('merge.by'), dataIndex: 'by', render: (by: Merge['by']) => by?.displayName ?? '—' },
          {
            title: t('merge.state'),
            dataIndex: 'undoneAt',
            render: (undoneAt: string | null) =>
              undoneAt ? <Tag>{t('merge.undoneAt', { at: formatTime(undoneAt) })}</Tag> : <Tag color="green">{t('merge.active')}</Tag>,
          },
          {
            title: '',
            key: 'undo',
            render: (_, merge) =>
              can('members.merge') && !merge.undoneAt ? (
                <Button size="small" onClick={() => undo(merge)} data-testid="merge-undo">
                  {t('merge.undo')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
