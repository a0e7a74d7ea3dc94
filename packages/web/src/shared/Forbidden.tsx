// Shown when a page is opened by URL without the permission its menu item needs.
import { Result } from 'antd';
import { useT } from '../i18n/useT';

export function Forbidden() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
}
