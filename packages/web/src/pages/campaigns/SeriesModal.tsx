// Create or edit a series: its key (X), name and theme.
import { Form, Input } from 'antd';
import type { Series, SeriesInput } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Props {
  open: boolean;
  series: Series | null;
  onClose: () => void;
  onSubmit: (input: SeriesInput) => Promise<void>;
}

export function SeriesModal({ open, series, onClose, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<SeriesInput>();
  return (
    <FormModal<SeriesInput>
      open={open}
      title={series ? t('campaigns.editSeries') : t('campaigns.createSeries')}
      form={form}
      onClose={onClose}
      onSubmit={(v) => onSubmit({ key: v.key.trim(), name: v.name.trim(), theme: (v.theme ?? '').trim() })}
      initialValues={{ key: series?.key ?? '', name: series?.name ?? '', theme: series?.theme ?? '' }}
    >
      <Form.Item name="key" label={t('campaigns.seriesKey')} extra={t('campaigns.seriesKeyHelp')} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9]{0,7}$/, message: t('campaigns.seriesKeyHelp') }]}>
        <Input maxLength={8} autoFocus style={{ width: 160 }} disabled={!!series && series.campaignCount > 0} data-testid="series-key" />
      </Form.Item>
      <Form.Item name="name" label={t('campaigns.seriesName')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={60} data-testid="series-name" />
      </Form.Item>
      <Form.Item name="theme" label={t('campaigns.theme')}>
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
