// Unknown console path.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/useT';

export function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}
