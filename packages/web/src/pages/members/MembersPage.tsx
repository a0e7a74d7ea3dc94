// 会员: search and filter members, load more by cursor, open a profile, create a member.
import { MetricTitle } from '../../shared/MetricTitle';
import { useEffect, useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { membersApi, type MemberFilter } from '../../api/members';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useCursorList } from '../../shared/useCursorList';
import { useNotify } from '../../shared/useNotify';
import { useTagGroups } from '../tags/useTagGroups';
import { CreateMemberModal } from './CreateMemberModal';
import { MemberFilters } from './MemberFilters';
import { MemberTable } from './MemberTable';
import { filterFromParams, paramsFromFilter } from './filters';

export function MembersPage() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  // The filter lives in state (updated synchronously on Enter) and is mirrored into the URL, so links from the
  // tags page and reloads restore it while the table never shows rows of a previous search.
  const [filter, setFilter] = useState<MemberFilter>(() => filterFromParams(params));
  const filterKey = paramsFromFilter(filter).toString();
  const urlKey = params.toString();
  useEffect(() => {
    if (urlKey !== filterKey) setFilter(filterFromParams(new URLSearchParams(urlKey)));
    // Only a URL change (back/forward, a link) should pull the filter from the URL.
  }, [urlKey]);

  const groups = useTagGroups();
  const list = useCursorList((cursor) => membersApi.list(filter, cursor), [filterKey]);

  const changeFilter = (next: MemberFilter) => {
    setFilter(next);
    setParams(paramsFromFilter(next));
  };

  return (
    <Card
      title={t('nav.members')}
      extra={
        can('members.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-member">
            {t('members.create')}
          </Button>
        )
      }
    >
      <MemberFilters filter={filter} groups={groups.data} onChange={changeFilter} />
      <ErrorAlert error={list.error ?? groups.error} />
      <MemberTable members={list.items} loading={list.loading} />
      <Space style={{ marginTop: 16 }}>
        {list.hasMore && (
          <Button onClick={list.loadMore} loading={list.loading} data-testid="members-load-more">
            {t('common.loadMore')}
          </Button>
        )}
        <Typography.Text type="secondary" data-testid="members-loaded-count">
          <MetricTitle title={t('common.loadedCount', { count: list.items.length })} definition={t('common.loadedCountHelp')} />
        </Typography.Text>
      </Space>
      <CreateMemberModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(member) => {
          setCreating(false);
          notify.success(t('members.created', { memberNo: String(member.memberNo) }));
          navigate(`/members/${member.memberNo}`);
        }}
      />
    </Card>
  );
}
