// The row a goal is cut by: a team, a campaign, a group (searched by name) or a channel of this workspace.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { campaignsApi } from '../../../api/campaigns';
import { channelsApi } from '../../../api/channels';
import type { ScopeKind } from '../../../api/goals';
import { groupsApi } from '../../../api/groups';
import { teamsApi } from '../../../api/staff';
import { useT } from '../../../i18n/useT';

interface Option {
  value: number;
  label: string;
}

async function optionsOf(kind: Exclude<ScopeKind, 'workspace'>, q: string): Promise<Option[]> {
  switch (kind) {
    case 'team':
      return (await teamsApi.list()).items.map((x) => ({ value: x.id, label: x.name }));
    case 'campaign':
      return (await campaignsApi.list({})).items.map((c) => ({ value: c.id, label: `${c.key} · ${c.name}` }));
    case 'group':
      return (await groupsApi.list(q ? { q } : {}, null)).items.map((g) => ({ value: g.id, label: g.name }));
    case 'channel':
      return (await channelsApi.list(false)).items.map((c) => ({ value: c.id, label: c.name }));
  }
}

export function ScopePicker({ kind, value, onChange }: { kind: Exclude<ScopeKind, 'workspace'>; value?: number | null; onChange?: (id: number | null) => void }) {
  const t = useT();
  const [options, setOptions] = useState<Option[]>([]);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    // Groups are many: the server searches them by name; the other lists are short and filtered here.
    optionsOf(kind, kind === 'group' ? q : '').then((o) => live && setOptions(o), () => live && setOptions([])).finally(() => live && setLoading(false));
    return () => { live = false; };
  }, [kind, kind === 'group' ? q : '']);
  return (
    <Select
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v?: number) => onChange?.(v ?? null)}
      onSearch={kind === 'group' ? setQ : undefined}
      filterOption={kind === 'group' ? false : (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())}
      loading={loading}
      options={options}
      placeholder={t('ops.goals.scopePlaceholder')}
      style={{ width: 320 }}
      data-testid="goal-scope-id"
    />
  );
}
