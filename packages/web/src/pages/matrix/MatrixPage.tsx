// 社群矩阵: every series as a row — its campaigns in order, the groups under each as size bars coloured by status —
// with the series totals, so the state of the community is seen at a glance rather than read.
import { Card, Col, Empty, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { groupsApi, type MatrixGroup, type MatrixTotals } from '../../api/groups';
import { useT, type Translate } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useLoad } from '../../shared/useLoad';
import { STATUS_HEX } from '../groups/display';

function GroupBar({ group, t }: { group: MatrixGroup; t: Translate }) {
  const percent = group.capacity > 0 ? Math.min(100, (group.memberCount / group.capacity) * 100) : 0;
  const colour = STATUS_HEX[group.status];
  return (
    <Tooltip title={`${group.name} · ${t(`groups.status.${group.status}`)} · ${group.memberCount}/${group.capacity} · ${t('groups.field.qr')}: ${t(`groups.qr.${group.qrStatus}`)}`}>
      <Link to={`/groups/${group.id}`} style={{ display: 'block', marginBottom: 8 }} data-testid="matrix-group">
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, color: 'rgba(0,0,0,0.75)' }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 150 }}>{group.name}</span>
          <span>{group.memberCount}</span>
        </div>
        <div style={{ height: 10, background: '#f0f0f0', borderRadius: 5, overflow: 'hidden', opacity: group.status === 'dissolved' ? 0.5 : 1 }}>
          <div style={{ width: `${Math.max(percent, 2)}%`, height: '100%', background: colour }} />
        </div>
      </Link>
    </Tooltip>
  );
}

function Column({ title, subtitle, groups, t }: { title: string; subtitle?: string; groups: MatrixGroup[]; t: Translate }) {
  return (
    <div style={{ minWidth: 190, maxWidth: 220, flex: '0 0 200px', background: '#fafafa', borderRadius: 8, padding: 10 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {subtitle && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginBottom: 6 }}>{subtitle}</div>}
      {groups.length ? groups.map((g) => <GroupBar key={g.id} group={g} t={t} />) : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('matrix.noGroups')}</Typography.Text>}
    </div>
  );
}

function Totals({ totals, t }: { totals: MatrixTotals; t: Translate }) {
  return (
    <Space size={32}>
      <Statistic title={<MetricTitle title={t('matrix.members')} definition={t('matrix.membersHelp')} />} value={totals.members} />
      <Statistic title={<MetricTitle title={t('matrix.groups')} definition={t('matrix.groupsHelp')} />} value={totals.groups} />
      <Statistic title={<MetricTitle title={t('matrix.groupsOpen')} definition={t('matrix.groupsOpenHelp')} />} value={totals.groupsOpen} valueStyle={{ color: STATUS_HEX.open }} />
    </Space>
  );
}

export function MatrixPage() {
  const t = useT();
  const matrix = useLoad(() => groupsApi.matrix(), []);
  const m = matrix.data;
  const empty = m !== null && m.series.length === 0 && m.unassigned.groups.length === 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={t('matrix.title')}
        // The header card holds only the legend unless there is an error or nothing to show.
        styles={{ body: { padding: matrix.error || empty ? undefined : 0 } }}
        extra={
          <Space size={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('matrix.legend')}</Typography.Text>
            {(['open', 'full', 'archived', 'dissolved'] as const).map((s) => <Tag key={s} color={STATUS_HEX[s]}>{t(`groups.status.${s}`)}</Tag>)}
          </Space>
        }
      >
        <ErrorAlert error={matrix.error} />
        {empty && <Empty description={t('matrix.empty')} />}
      </Card>
      {m?.series.map((series) => (
        <Card
          key={series.id}
          data-testid="matrix-series"
          title={<Space><Tag color="blue">{series.key}</Tag>{series.name}{series.theme && <Typography.Text type="secondary">{series.theme}</Typography.Text>}</Space>}
        >
          <Row gutter={24} align="top">
            <Col flex="none"><Totals totals={series.totals} t={t} /></Col>
          </Row>
          <div style={{ display: 'flex', gap: 12, overflowX: 'auto', marginTop: 16, paddingBottom: 4 }}>
            {series.campaigns.map((c) => (
              <Column key={c.id} title={`${c.key} ${c.name}`} subtitle={`${c.startsOn} → ${c.endsOn}`} groups={series.groups.filter((g) => g.campaignId === c.id)} t={t} />
            ))}
            {series.groups.some((g) => g.campaignId === null) && (
              <Column title={t('matrix.seriesGroups')} groups={series.groups.filter((g) => g.campaignId === null)} t={t} />
            )}
          </div>
        </Card>
      ))}
      {m && m.unassigned.groups.length > 0 && (
        <Card title={t('matrix.unassigned')} data-testid="matrix-unassigned">
          <Totals totals={m.unassigned.totals} t={t} />
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginTop: 16 }}>
            <Column title={t('matrix.unassigned')} groups={m.unassigned.groups} t={t} />
          </div>
        </Card>
      )}
    </Space>
  );
}
