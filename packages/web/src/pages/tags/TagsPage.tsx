// 标签: the tag catalogue — groups and their tags, each with how many members carry it.
import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { tagsApi } from '../../api/tags';
import type { Tag, TagGroup } from '../../api/types';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useNotify } from '../../shared/useNotify';
import { NameModal } from './NameModal';
import { TagGroupCard } from './TagGroupCard';
import { TagModal, type TagDraft } from './TagModal';
import { useTagGroups } from './useTagGroups';

type GroupEdit = { mode: 'create' } | { mode: 'rename'; group: TagGroup };
type TagEdit = { groupId: number; tag: Tag | null };

export function TagsPage() {
  const t = useT();
  const notify = useNotify();
  const groups = useTagGroups();
  const [groupEdit, setGroupEdit] = useState<GroupEdit | null>(null);
  const [tagEdit, setTagEdit] = useState<TagEdit | null>(null);

  const saveGroup = async (name: string) => {
    if (groupEdit?.mode === 'rename') await tagsApi.renameGroup(groupEdit.group.id, name);
    else await tagsApi.createGroup(name);
    setGroupEdit(null);
    notify.saved();
    await groups.reload();
  };

  const saveTag = async (draft: TagDraft) => {
    if (!tagEdit) return;
    if (tagEdit.tag) await tagsApi.updateTag(tagEdit.tag.id, draft);
    else await tagsApi.createTag(tagEdit.groupId, draft.name, draft.color);
    setTagEdit(null);
    notify.saved();
    await groups.reload();
  };

  /** Deletes report failure as a toast (a group may still hold tags, a tag may be in use). */
  const remove = async (action: () => Promise<unknown>) => {
    try {
      await action();
      notify.success(t('common.deleted'));
      await groups.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Card
      title={t('nav.tags')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setGroupEdit({ mode: 'create' })} data-testid="create-tag-group">
          {t('tags.createGroup')}
        </Button>
      }
    >
      <ErrorAlert error={groups.error} />
      {groups.loading && !groups.data ? (
        <Skeleton active />
      ) : groups.data?.length ? (
        <Row gutter={[16, 16]}>
          {groups.data.map((group) => (
            <Col key={group.id} xs={24} xl={12}>
              <TagGroupCard
                group={group}
                onRenameGroup={() => setGroupEdit({ mode: 'rename', group })}
                onDeleteGroup={() => remove(() => tagsApi.deleteGroup(group.id))}
                onAddTag={() => setTagEdit({ groupId: group.id, tag: null })}
                onEditTag={(tag) => setTagEdit({ groupId: group.id, tag })}
                onDeleteTag={(tag) => remove(() => tagsApi.deleteTag(tag.id))}
              />
            </Col>
          ))}
        </Row>
      ) : (
        <Empty description={t('tags.noGroups')} />
      )}
      <NameModal
        open={groupEdit !== null}
        title={groupEdit?.mode === 'rename' ? t('tags.renameGroup') : t('tags.createGroup')}
        initialName={groupEdit?.mode === 'rename' ? groupEdit.group.name : ''}
        onClose={() => setGroupEdit(null)}
        onSubmit={saveGroup}
      />
      <TagModal open={tagEdit !== null} tag={tagEdit?.tag ?? null} onClose={() => setTagEdit(null)} onSubmit={saveTag} />
    </Card>
  );
}
