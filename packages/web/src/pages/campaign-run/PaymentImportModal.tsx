// Payments from a bank or provider export (CSV/XLSX): good rows are applied, rows with a known reference are
// skipped, bad rows come back with their row number and reason.
import { useEffect, useState } from 'react';
import { Alert, Button, Col, Modal, Row, Statistic, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { enrollmentsApi, type PaymentImportReport } from '../../api/enrollments';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface Props {
  open: boolean;
  campaignId: number;
  onClose: () => void;
  onImported: () => void;
}

export function PaymentImportModal({ open, campaignId, onClose, onImported }: Props) {
  const t = useT();
  const [report, setReport] = useState<PaymentImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setReport(null);
      setError(null);
    }
  }, [open]);

  const send = async (file: File) => {
    setError(null);
    setReport(null);
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setError(new Error(t('run.import.wrongType')));
    if (file.size > MAX_FILE_BYTES) return setError(new Error(t('run.import.tooLarge')));
    setBusy(true);
    try {
      setReport(await enrollmentsApi.importPayments(campaignId, file));
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('run.payments.import')} onCancel={onClose} footer={<Button onClick={onClose}>{t('run.close')}</Button>} width={720} destroyOnHidden>
      <Alert type="info" showIcon title={t('run.import.columns')} style={{ marginBottom: 16 }} />
      <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => { void send(file); return false; }}>
        <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="payment-file">{t('run.import.choose')}</Button>
      </Upload>
      <ErrorAlert error={error} style={{ marginTop: 16 }} />
      {report && (
        <div style={{ marginTop: 16 }} data-testid="payment-import-report">
          <Row gutter={16}>
            <Col span={8}><Statistic title={<MetricTitle title={t('run.import.applied')} definition={t('run.import.appliedHelp')} />} value={report.applied} styles={{ content: { color: '#52c41a' } }} /></Col>
            <Col span={8}><Statistic title={<MetricTitle title={t('run.import.skipped')} definition={t('run.import.skippedHelp')} />} value={report.duplicates} /></Col>
            <Col span={8}><Statistic title={<MetricTitle title={t('run.import.rejected')} definition={t('run.import.rejectedHelp')} />} value={report.rejected.length} styles={{ content: { color: report.rejected.length ? '#f5222d' : undefined } }} /></Col>
          </Row>
          {report.rejected.length > 0 && (
            <Table
              rowKey={(r) => `${r.row}-${r.field}`}
              size="small"
              style={{ marginTop: 16 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={report.rejected}
              data-testid="payment-rejected"
              columns={[
                { title: t('run.import.row'), dataIndex: 'row', width: 80 },
                { title: t('run.import.field'), dataIndex: 'field', width: 140, render: (f: string) => f || '—' },
                { title: t('run.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
