// The settlement's figures: the ledger (deposits in, refunds out, what is kept, what is still open) and how many
// enrollments fall in each class or decision, each with how it is computed.
import { Card, Col, Row, Space, Statistic } from 'antd';
import type { Settlement, SettlementLedger, SettlementSummary } from '../../api/settlement';
import { useT } from '../../i18n/useT';
import { MetricTitle } from '../../shared/MetricTitle';
import { money, useDefinition } from './display';

type LedgerName = 'collected' | 'refunded' | 'forfeited' | 'pending' | 'net' | 'awaitingRefund';
const LEDGER: LedgerName[] = ['collected', 'refunded', 'forfeited', 'pending', 'net', 'awaitingRefund'];

const SUMMARY: Array<keyof SettlementSummary> = [
  'enrollments', 'eligible', 'borderline', 'notEligible', 'decidedRefund', 'decidedForfeit', 'undecided', 'stale', 'refunded', 'cancelled',
];

export function SettlementFigures({ settlement }: { settlement: Settlement }) {
  const t = useT();
  const def = useDefinition(settlement.definitions);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {LEDGER.map((name) => {
          const key = `${name}Cents` as keyof SettlementLedger;
          return (
            <Col key={name} xs={12} md={8} xl={4}>
              <Card size="small" data-testid={`ledger-${name}`}>
                <Statistic title={<MetricTitle title={t(`run.ledger.${name}`)} definition={def(key, `run.ledger.${name}Help`)} />} value={money(settlement.ledger[key])} />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card size="small" title={t('run.settlement.classes')}>
        <Row gutter={[16, 16]}>
          {SUMMARY.map((key) => (
            <Col key={key} xs={12} md={6} xl={4} xxl={2} style={{ minWidth: 120 }}>
              <Statistic
                title={<MetricTitle title={t(`run.summary.${key}`)} definition={def(key, `run.summary.${key}Help`)} />}
                value={settlement.summary[key]}
                data-testid={`summary-${key}`}
              />
            </Col>
          ))}
        </Row>
      </Card>
    </Space>
  );
}
