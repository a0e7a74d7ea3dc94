// Inline error box for a failed load or submit.
import { Alert } from 'antd';
import { errorText } from './errors';

export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16, ...style }} data-testid="error-alert" />;
}
