// The two hand-made parts of a goal's daily split: seven weekday weights (Monday first), and the grid of a target
// per team per day whose rows add up to each team's target.
import { Form, InputNumber, Space, Table, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function WeekdayWeights() {
  const t = useT();
  return (
    <Space wrap data-testid="goal-weekday-weights">
      {WEEKDAYS.map((d, i) => (
        <Space key={d} direction="vertical" size={2} align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`ops.goals.weekday.${d}`)}</Typography.Text>
          <Form.Item name={['weekdayWeights', i]} noStyle rules={[{ required: true, message: '' }]}>
            <InputNumber min={0} max={1000} step={1} style={{ width: 64 }} data-testid={`goal-weight-${d}`} />
          </Form.Item>
        </Space>
      ))}
    </Space>
  );
}

export interface GridRow {
  /** 'whole' for a goal not split among teams, else the team id. */
  key: string;
  label: string;
}

/** Day targets per row; each row's sum is shown, and all rows add up to the goal's target. */
export function HandSplitGrid({ rows, days, whole }: { rows: GridRow[]; days: string[]; whole: boolean }) {
  const t = useT();
  const grid = (Form.useWatch('grid') ?? {}) as Record<string, Record<string, number | null>>;
  const sumOf = (key: string) => Object.values(grid[key] ?? {}).reduce<number>((a, v) => a + (v ?? 0), 0);
  const total = rows.reduce((a, r) => a + sumOf(r.key), 0);
  return (
    <div data-testid="goal-hand-grid">
      <Table<GridRow>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: t('ops.goals.field.team'), dataIndex: 'label', fixed: 'left', width: 110 },
          ...days.map((day) => ({
            title: day.slice(5),
            key: day,
            width: 84,
            render: (_: unknown, row: GridRow) => (
              <Form.Item name={['grid', row.key, day]} noStyle>
                <InputNumber min={0} style={{ width: 76 }} data-testid={`grid-${row.key}-${day}`} />
              </Form.Item>
            ),
          })),
          { title: t('ops.goals.grid.rowSum'), key: 'sum', fixed: 'right', width: 90, render: (_: unknown, row: GridRow) => sumOf(row.key).toLocaleString() },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="goal-grid-total">
        {t(whole ? 'ops.goals.grid.totalWhole' : 'ops.goals.grid.total', { sum: total.toLocaleString() })}
      </Typography.Text>
    </div>
  );
}
