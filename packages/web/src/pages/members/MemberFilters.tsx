// Search box, tag filter and blocked filter above the members table.
import { Button, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { MemberFilter } from '../../api/members';
import type { TagGroup } from '../../api/types';
import { useT } from '../../i18n/useT';
import { tagOptions } from '../tags/useTagGroups';

interface Props {
  filter: MemberFilter;
  groups: TagGroup[] | null;
  onChange: (filter: MemberFilter) => void;
}

type BlockedChoice = 'all' | 'blocked' | 'active';

export function MemberFilters({ filter, groups, onChange }: Props) {
  const t = useT();
  // The box is edited freely; the search runs on Enter or the button, not on every keystroke.
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);

  const search = () => onChange({ ...filter, q: text.trim() });

  const blocked: BlockedChoice = filter.blocked === true ? 'blocked' : filter.blocked === false ? 'active' : 'all';

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      {/* A plain Input (not Input.Search) so data-testid lands on the <input> itself, where tests type. */}
      <Space.Compact style={{ width: 420 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            // Clearing the box with its ✕ shows everyone again without a second click.
            if (e.type === 'click' && !e.target.value) onChange({ ...filter, q: '' });
          }}
          onPressEnter={search}
          placeholder={t('members.searchPlaceholder')}
          data-testid="member-search"
        />
        <Button type="primary" onClick={search} data-testid="member-search-submit">
          {t('common.search')}
        </Button>
      </Space.Compact>
      <Select<number[]>
        mode="multiple"
        allowClear
        value={filter.tagIds ?? []}
        onChange={(tagIds) => onChange({ ...filter, tagIds })}
        options={tagOptions(groups)}
        placeholder={t('members.filterTags')}
        optionFilterProp="label"
        style={{ minWidth: 240 }}
        maxTagCount="responsive"
        data-testid="member-tag-filter"
      />
      <Select<BlockedChoice>
        value={blocked}
        onChange={(choice) => onChange({ ...filter, blocked: choice === 'all' ? undefined : choice === 'blocked' })}
        options={[
          { value: 'all', label: t('members.blockedAll') },
          { value: 'active', label: t('members.blockedNo') },
          { value: 'blocked', label: t('members.blockedYes') },
        ]}
        style={{ width: 140 }}
        data-testid="member-blocked-filter"
      />
    </Space>
  );
}
