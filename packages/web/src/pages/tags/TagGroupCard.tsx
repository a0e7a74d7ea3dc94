// One tag group with its tags. The member count links to the members list filtered by that tag.
import { MetricTitle } from '../../shared/MetricTitle';
import { App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Tag, TagGroup } from '../../api/types';
import { useT } from '../../i18n/useT';
import { TagChip } from '../../shared/TagChip';

interface Props {
  group: TagGroup;
  onRenameGroup: () => void;
  onDeleteGroup: () => Promise<void>;
  onAddTag: () => void;
  onEditTag: (tag: Tag) => void;
  onDeleteTag: (tag: Tag) => Promise<void>;
}

export function TagGroupCard({ group, onRenameGroup, onDeleteGroup, onAddTag, onEditTag, onDeleteTag }: Props) {
  const t = useT();
  const { modal } = App.useApp();

  const confirmDeleteGroup = () =>
    modal.confirm({
      title: t('tags.deleteGroupConfirm', { name: group.name }),
      content: group.tags.length ? t('tags.deleteGroupHasTags', { count: group.tags.length }) : undefined,
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: onDeleteGroup,
    });

  return (
    <Card
      size="small"
      title={group.name}
      data-testid={`tag-group-${group.id}`}
      extra={
        <Space size="small">
          <Button size="small" icon={<PlusOutlined />} onClick={onAddTag}>
            {t('tags.createTag')}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={onRenameGroup}>
            {t('common.rename')}
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={confirmDeleteGroup} aria-label={t('common.delete')} />
        </Space>
      }
    >
      <Table<Tag>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={group.tags}
        locale={{ emptyText: t('tags.noTags') }}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (_, tag) => <TagChip tag={tag} /> },
          {
            title: t('tags.color'),
            dataIndex: 'color',
            width: 140,
            render: (color: string | null) =>
              color ? (
                <Space size={6}>
                  <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 3, background: color }} />
                  <Typography.Text type="secondary">{color}</Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: <MetricTitle title={t('tags.memberCount')} definition={t('tags.memberCountHelp')} />,
            dataIndex: 'memberCount',
            width: 100,
            render: (count: number | undefined, tag) => (
              <Link to={`/members?tags=${tag.id}`} data-testid={`tag-count-${tag.id}`}>
                {count ?? 0}
              </Link>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 96,
            render: (_, tag) => (
              <Space size={0}>
                <Button type="text" size="small" icon={<EditOutlined />} onClick={() => onEditTag(tag)} aria-label={t('common.edit')} />
                <Popconfirm
                  title={t('tags.deleteTagConfirm', { name: tag.name })}
                  description={tag.memberCount ? t('tags.deleteTagHasMembers', { count: tag.memberCount }) : undefined}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onDeleteTag(tag)}
                >
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
