// Under a cursor-paged table: "load more" while pages remain, and how many rows are loaded, with what that counts.
import { Button, Space, Typography } from 'antd';
import { useT } from '../i18n/useT';
import { MetricTitle } from './MetricTitle';

interface CursorListState {
  items: readonly unknown[];
  hasMore: boolean;
  loading: boolean;
  loadMore: () => void;
}

export function LoadMore({ list, definition }: { list: CursorListState; definition?: string }) {
  const t = useT();
  return (
    <Space>
      {list.hasMore && <Button onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button>}
      <Typography.Text type="secondary">
        <MetricTitle title={t('common.loadedCount', { count: list.items.length })} definition={definition ?? t('common.loadedCountHelp')} />
      </Typography.Text>
    </Space>
  );
}
