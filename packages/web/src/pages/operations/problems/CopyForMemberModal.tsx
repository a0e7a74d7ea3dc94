// 复制给学员: a member number (and a campaign) in, the answer filled for that member out — previewed as it is typed,
// without counting; "copy" puts the text on the clipboard and counts one use.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { campaignsApi, type Campaign } from '../../../api/campaigns';
import { problemsApi, type Answer, type CampaignRef, type Filled, type FillFor } from '../../../api/problems';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useNotify } from '../../../shared/useNotify';
import { reasonText } from './display';

interface Props {
  answer: Answer | null;
  /** Where the problem was met: its campaign is the default choice. */
  campaign: CampaignRef | null;
  onClose: () => void;
  onUsed: (filled: Filled) => void;
}

export function CopyForMemberModal({ answer, campaign, onClose, onUsed }: Props) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const [memberNo, setMemberNo] = useState<number | null>(null);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [preview, setPreview] = useState<Filled | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copying, setCopying] = useState(false);
  const open = answer !== null;

  useEffect(() => {
    if (!open) return;
    setMemberNo(null);
    setCampaignId(campaign?.id ?? null);
    setPreview(null);
    setError(null);
    if (can('campaigns.read')) campaignsApi.list({}).then((r) => setCampaigns(r.items), () => setCampaigns([]));
  }, [answer?.id]);

  const fill: FillFor = { ...(memberNo ? { memberNo } : {}), ...(campaignId ? { campaignId } : {}) };

  // A short pause after typing, and only the latest answer is shown.
  useEffect(() => {
    if (!answer) return;
    let current = true;
    const timer = setTimeout(() => {
      problemsApi.preview(answer.id, fill).then(
        (filled) => { if (current) { setPreview(filled); setError(null); } },
        (e) => { if (current) { setPreview(null); setError(e); } },
      );
    }, 250);
    return () => { current = false; clearTimeout(timer); };
  }, [answer?.id, memberNo, campaignId]);

  const copy = async () => {
    if (!answer || !preview) return;
    setCopying(true);
    try {
      // The clipboard first, while the click still counts as the user's gesture; then the use is counted.
      await navigator.clipboard.writeText(preview.text);
    } catch {
      setCopying(false);
      notify.error(new Error(t('ops.problems.copy.clipboardFailed')));
      return;
    }
    try {
      const used = await problemsApi.use(answer.id, fill);
      if (used.text !== preview.text) await navigator.clipboard.writeText(used.text);
      notify.success(t('ops.problems.copy.copied', { count: used.useCount }));
      onUsed(used);
    } catch (e) {
      setError(e);
    } finally {
      setCopying(false);
    }
  };

  const label = (c: Campaign) => `${c.key} ${c.name}`;
  const options = campaigns.filter((c) => c.status !== 'archived' || c.id === campaign?.id).map((c) => ({ value: c.id, label: label(c) }));

  return (
    <Modal
      open={open}
      title={t('ops.problems.copy.title')}
      onCancel={onClose}
      width={680}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{t('ops.problems.copy.close')}</Button>,
        <Button key="copy" type="primary" icon={<CopyOutlined />} loading={copying} disabled={!preview} onClick={copy} data-testid="copy-submit">
          {t('ops.problems.copy.submit')}
        </Button>,
      ]}
    >
      <Form layout="vertical">
        <Space size={16} wrap>
          <Form.Item label={t('ops.problems.copy.memberNo')} extra={t('ops.problems.copy.memberNoHelp')}>
            <InputNumber
              min={1} precision={0} controls={false} style={{ width: 180 }} autoFocus value={memberNo}
              onChange={(v) => setMemberNo(typeof v === 'number' ? v : null)} data-testid="copy-member-no"
            />
          </Form.Item>
          <Form.Item label={t('ops.problems.copy.campaign')} extra={t('ops.problems.copy.campaignHelp')}>
            <Select
              allowClear showSearch optionFilterProp="label" style={{ width: 300 }} value={campaignId ?? undefined}
              onChange={(v) => setCampaignId(v ?? null)} options={options} data-testid="copy-campaign"
            />
          </Form.Item>
        </Space>
      </Form>
      <ErrorAlert error={error} />
      {preview && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {preview.member && (
            <Typography.Text type="secondary" data-testid="copy-for">
              {t('ops.problems.copy.for', { nickname: preview.member.nickname, no: preview.member.memberNo })}
              {preview.campaign && ` · ${preview.campaign.key} ${preview.campaign.name}`}
              {preview.enrolled === false && ` · ${t('ops.problems.reason.not_enrolled')}`}
            </Typography.Text>
          )}
          <div
            style={{ whiteSpace: 'pre-wrap', border: '1px solid #d9d9d9', borderRadius: 6, padding: 12, background: '#fafafa', minHeight: 80 }}
            data-testid="copy-preview"
          >
            {preview.text}
          </div>
          {preview.missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="copy-missing"
              title={t('ops.problems.copy.missing')}
              description={(
                <Space size={[4, 4]} wrap>
                  {preview.missing.map((m) => <Tag key={m.variable}>{`{${m.variable}}`}：{reasonText(m.reason, t)}</Tag>)}
                </Space>
              )}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
