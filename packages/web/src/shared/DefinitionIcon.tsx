// The info icon beside a figure whose popover says how it is computed: numerator, denominator (none for a count)
// and period, already in the reader's language. Used by the pages of 运营管理; the operations index has its own,
// which also translates the server's field names.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Popover, Typography } from 'antd';
import { useT } from '../i18n/useT';

export interface ShownDefinition {
  numerator: string;
  denominator: string | null;
  period: string;
}

export function DefinitionIcon({ definition, testId, className }: { definition: ShownDefinition | null | undefined; testId?: string; className?: string }) {
  const t = useT();
  if (!definition) return null;
  const row = (name: string, text: string) => (
    <div style={{ display: 'flex', gap: 8 }}>
      <Typography.Text type="secondary" style={{ flex: '0 0 auto', minWidth: 48 }}>{name}</Typography.Text>
      <span>{text}</span>
    </div>
  );
  return (
    <Popover
      title={t('ops.def.title')}
      trigger={['hover', 'click']}
      content={(
        <div style={{ maxWidth: 420, display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="definition-popover">
          {row(t('ops.def.numerator'), definition.numerator)}
          {row(t('ops.def.denominator'), definition.denominator ?? t('ops.def.noDenominator'))}
          {row(t('ops.def.period'), definition.period)}
        </div>
      )}
    >
      <InfoCircleOutlined className={className} style={{ color: 'rgba(0,0,0,0.45)', cursor: 'help' }} aria-label={t('ops.def.title')} data-testid={testId} />
    </Popover>
  );
}
