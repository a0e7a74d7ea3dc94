// Importing the group's member list: upload → summary → the rows nobody could be sure about, each with its
// candidate members (学号 + 昵称) and the decision buttons.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { groupsApi, MAX_QR_BYTES, type ImportSummary, type Resolution, type Review } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';

export function ImportTab({ groupId, canManage, version, onChanged }: { groupId: number; canManage: boolean; version: number; onChanged: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [snapshot, setSnapshot] = useState(true);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reviews = useLoad(() => groupsApi.reviews(groupId), [groupId, version]);

  const send = async (file: File) => {
    setError(null);
    if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return setError(new Error(t('groups.import.wrongType')));
    if (file.size > MAX_QR_BYTES) return setError(new Error(t('groups.qr.tooLarge')));
    setBusy(true);
    try {
      setSummary(await groupsApi.importList(groupId, file, snapshot));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const resolve = async (review: Review, resolution: Resolution) => {
    try {
      await groupsApi.resolve(review.id, resolution);
      notify.success(t('groups.review.resolved'));
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Alert type="info" showIcon title={t('groups.import.hint')} />
      {canManage && (
        <Space>
          <Checkbox checked={snapshot} onChange={(e) => setSnapshot(e.target.checked)}>{t('groups.import.snapshot')}</Checkbox>
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => { void send(file); return false; }}>
            <Button icon={<UploadOutlined />} type="primary" loading={busy} data-testid="import-list">{t('groups.import.choose')}</Button>
          </Upload>
        </Space>
      )}
      <ErrorAlert error={error ?? reviews.error} />
      {summary && (
        <Card size="small" title={t('groups.import.summary')} data-testid="import-summary">
          <Row gutter={16}>
            <Col span={4}><Statistic title={t('groups.import.rows')} value={summary.rows} /></Col>
            <Col span={4}>
              <Statistic
                title={<MetricTitle title={t('groups.import.matched')} definition={t('groups.import.matchedHelp', { byNo: summary.byMemberNo, byId: summary.byIdentity, byName: summary.byNickname })} />}
                value={summary.matched}
              />
            </Col>
            <Col span={4}><Statistic title={t('groups.import.alreadyIn')} value={summary.alreadyIn} /></Col>
            <Col span={4}><Statistic title={t('groups.import.joined')} value={summary.joined} valueStyle={{ color: '#52c41a' }} /></Col>
            <Col span={4}><Statistic title={t('groups.import.left')} value={summary.left} valueStyle={{ color: summary.left ? '#fa8c16' : undefined }} /></Col>
            <Col span={4}><Statistic title={t('groups.import.toReview')} value={summary.toReview} valueStyle={{ color: summary.toReview ? '#f5222d' : undefined }} /></Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('groups.import.columns')}: {summary.columns.map((c) => `${c.header} → ${c.meaning}`).join('；')}
          </Typography.Text>
        </Card>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>{t('groups.detail.reviews')}</Typography.Title>
      <Table<Review>
        rowKey="id"
        size="small"
        loading={reviews.loading}
        dataSource={reviews.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('groups.review.empty') }}
        data-testid="review-table"
        columns={[
          { title: t('groups.review.groupNickname'), dataIndex: 'groupNickname', width: 180 },
          { title: t('groups.review.reason'), dataIndex: 'reason', width: 170, render: (r: Review['reason']) => <Tag color={r === 'no_match' ? 'default' : 'orange'}>{t(`groups.review.reason.${r}`)}</Tag> },
          {
            title: t('groups.review.candidates'),
            render: (_, r) => (
              <Space wrap size={4}>
                {r.candidates.map((c) => (
                  <Button key={c.memberNo} size="small" disabled={!canManage} onClick={() => resolve(r, { memberNo: c.memberNo })}>
                    {t('groups.review.pick', { memberNo: c.memberNo })} · {c.nickname}
                  </Button>
                ))}
                {r.candidates.length === 0 && '—'}
              </Space>
            ),
          },
          ...(canManage ? [{
            title: '', width: 190,
            render: (_: unknown, r: Review) => (
              <Space size={4}>
                <Button size="small" onClick={() => resolve(r, { createMember: { nickname: r.groupNickname.slice(0, 64) } })}>{t('groups.review.createMember')}</Button>
                <Button size="small" type="text" onClick={() => resolve(r, { ignore: true })}>{t('groups.review.ignore')}</Button>
              </Space>
            ),
          }] : []),
        ]}
      />
    </Space>
  );
}
