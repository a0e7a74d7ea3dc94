// The choices above a report: campaign, series, group (or campaign-or-group), a date range and an as-of day.
import { DatePicker, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { groupsApi, type Group } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { useCatalog } from './catalog';
import { SCOPED_MAX_DAYS, type ScopedParams } from './scope';

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  if (!label) return <>{children}</>;
  return (
    <Space size={6}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
    </Space>
  );
}

export function CampaignPicker({ value, onChange, allowClear, label }: { value: string | undefined; onChange: (key: string | undefined) => void; allowClear?: boolean; label?: string }) {
  const t = useT();
  const { campaigns, series, loading } = useCatalog();
  const options = useMemo(
    () => series.map((s) => ({
      label: `${s.key} · ${s.name}`,
      title: s.name,
      options: campaigns.filter((c) => c.seriesId === s.id).map((c) => ({ value: c.key, label: `${c.key} · ${c.name}` })),
    })).filter((g) => g.options.length > 0),
    [campaigns, series],
  );
  return (
    <Labelled label={label ?? t('reports.pick.campaign')}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear={allowClear}
        loading={loading}
        style={{ width: 280 }}
        placeholder={t('reports.pick.campaignPlaceholder')}
        value={value}
        onChange={(v?: string) => onChange(v)}
        options={options}
        data-testid="pick-campaign"
      />
    </Labelled>
  );
}

export function SeriesPicker({ value, onChange }: { value: string | undefined; onChange: (key: string | undefined) => void }) {
  const t = useT();
  const { series, loading } = useCatalog();
  return (
    <Labelled label={t('reports.pick.series')}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        style={{ width: 240 }}
        placeholder={t('reports.pick.seriesPlaceholder')}
        value={value}
        onChange={(v: string) => onChange(v)}
        options={series.map((s) => ({ value: s.key, label: `${s.key} · ${s.name}` }))}
        data-testid="pick-series"
      />
    </Labelled>
  );
}

/** Groups by name, searched on the server (a workspace may have hundreds). */
export function GroupPicker({ value, onChange }: { value: number | undefined; onChange: (id: number | undefined) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [groups, setGroups] = useState<Group[]>([]);
  const [chosen, setChosen] = useState<Group | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      groupsApi.list(q ? { q } : {}, null).then(
        (page) => live && setGroups(page.items),
        () => live && setGroups([]),
      ).finally(() => live && setLoading(false));
    }, q ? 250 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  // A group chosen by URL may not be on the first page: fetch it for its name.
  useEffect(() => {
    if (value === undefined || groups.some((g) => g.id === value) || chosen?.id === value) return;
    let live = true;
    groupsApi.get(value).then((g) => live && setChosen(g), () => {});
    return () => {
      live = false;
    };
  }, [value, groups, chosen]);

  const options = [...groups, ...(chosen && !groups.some((g) => g.id === chosen.id) ? [chosen] : [])]
    .map((g) => ({ value: g.id, label: g.name }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      style={{ width: 260 }}
      placeholder={t('reports.pick.groupPlaceholder')}
      value={value}
      onChange={(v: number) => onChange(v)}
      options={options}
      data-testid="pick-group"
    />
  );
}

export type ScopeKind = 'campaign' | 'group';

/** Campaign or group: whose members a report looks at. */
export function ScopePicker({ kind, campaign, group, onKind, onCampaign, onGroup }: {
  kind: ScopeKind;
  campaign: string | undefined;
  group: number | undefined;
  onKind: (kind: ScopeKind) => void;
  onCampaign: (key: string | undefined) => void;
  onGroup: (id: number | undefined) => void;
}) {
  const t = useT();
  return (
    <Space wrap>
      <Segmented<ScopeKind>
        value={kind}
        onChange={onKind}
        options={[{ value: 'campaign', label: t('reports.pick.byCampaign') }, { value: 'group', label: t('reports.pick.byGroup') }]}
        data-testid="pick-scope"
      />
      {kind === 'campaign' ? <CampaignPicker value={campaign} onChange={onCampaign} label="" /> : <GroupPicker value={group} onChange={onGroup} />}
    </Space>
  );
}

export function RangePicker({ from, to, onChange, hint }: { from: string; to: string; onChange: (range: { from: string; to: string }) => void; hint: string }) {
  const t = useT();
  return (
    <Labelled label={t('reports.pick.range')}>
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(from), dayjs(to)]}
        onChange={(v) => {
          if (v?.[0] && v[1]) onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
        }}
        data-testid="pick-range"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>
    </Labelled>
  );
}

/** An as-of day; cleared means "now". */
export function AsOfPicker({ value, onChange }: { value: string | undefined; onChange: (day: string | undefined) => void }) {
  const t = useT();
  return (
    <Labelled label={t('reports.pick.asOf')}>
      <DatePicker
        value={value ? dayjs(value) : null}
        placeholder={t('reports.pick.asOfNow')}
        onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
        data-testid="pick-as-of"
      />
    </Labelled>
  );
}

/** Campaign and as-of day: the filters of composition and re-enrolment (both kept in the URL). */
export function CampaignAsOfFilters({ campaign, asOf, set }: { campaign: string | undefined; asOf: string | undefined; set: (patch: Record<string, string | undefined>) => void }) {
  return (
    <>
      <CampaignPicker value={campaign} onChange={(v) => set({ campaign: v })} />
      <AsOfPicker value={asOf} onChange={(v) => set({ as_of: v })} />
    </>
  );
}

/** Campaign-or-group and a date range: the filters of activity and group health. */
export function ScopedFilters({ p }: { p: ScopedParams }) {
  const t = useT();
  return (
    <>
      <ScopePicker kind={p.kind} campaign={p.campaign} group={p.group} onKind={p.setKind} onCampaign={p.setCampaign} onGroup={p.setGroup} />
      <RangePicker from={p.range.from} to={p.range.to} onChange={p.setRange} hint={t('reports.pick.maxDays', { days: SCOPED_MAX_DAYS })} />
    </>
  );
}
