// Before/after snapshots of an audited change, side by side.
import { Col, Row, Typography } from 'antd';
import { useT } from '../i18n/useT';

function Pretty({ value }: { value: unknown }) {
  return (
    <pre style={{ margin: 0, padding: 8, background: '#fafafa', borderRadius: 6, fontSize: 12, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function BeforeAfter({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
        <Pretty value={before} />
      </Col>
      <Col span={12}>
        <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
        <Pretty value={after} />
      </Col>
    </Row>
  );
}
