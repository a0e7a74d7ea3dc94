// A member's tags: closable chips to remove, a grouped select to add. Tags replace questionnaires, so this is
// where most of a member's profile is built up.
import { useState } from 'react';
import { Card, Empty, Select } from 'antd';
import { membersApi } from '../../api/members';
import type { Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { TagChip } from '../../shared/TagChip';
import { useNotify } from '../../shared/useNotify';
import { tagOptions, useTagGroups } from '../tags/useTagGroups';

interface Props {
  member: Member;
  onMember: (member: Member) => void;
}

export function MemberTagsSection({ member, onMember }: Props) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const groups = useTagGroups();
  const [busy, setBusy] = useState(false);
  const editable = can('members.tag') && member.erasedAt === null;

  const run = async (action: () => Promise<Member>) => {
    setBusy(true);
    try {
      onMember(await action());
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  const held = new Set(member.tags.map((tag) => tag.id));

  return (
    <Card title={t('member.tags')} size="small">
      <div data-testid="tag-list" style={{ marginBottom: editable ? 12 : 0 }}>
        {member.tags.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('profile.noTags')} style={{ margin: 0 }} />
        ) : (
          member.tags.map((tag) => (
            <TagChip key={tag.id} tag={tag} closable={editable} onClose={() => run(() => membersApi.removeTag(member.memberNo, tag.id))} />
          ))
        )}
      </div>
      {editable && (
        <Select<number>
          showSearch={{ optionFilterProp: 'label' }}
          value={null}
          placeholder={t('profile.addTag')}
          options={tagOptions(groups.data, held)}
          loading={groups.loading || busy}
          disabled={busy}
          onChange={(tagId) => run(() => membersApi.addTag(member.memberNo, tagId))}
          style={{ width: '100%' }}
          data-testid="add-tag-select"
        />
      )}
    </Card>
  );
}
