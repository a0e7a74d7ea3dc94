// A column or figure title with its definition one hover away: every number in the console says how it is counted.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Space, Tooltip } from 'antd';

export function MetricTitle({ title, definition }: { title: string; definition: string }) {
  return (
    <Space size={4}>
      {title}
      <Tooltip title={definition}>
        <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', cursor: 'help' }} aria-label={definition} />
      </Tooltip>
    </Space>
  );
}
