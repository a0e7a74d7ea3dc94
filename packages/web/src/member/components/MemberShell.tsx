// The frame of every member page: a slim header (app name, my campaigns, language) over one phone-width column.
import type { ReactNode } from 'react';
import { Button } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useMemberLang, useMt } from '../i18n';

export function MemberShell({ children }: { children: ReactNode }) {
  const t = useMt();
  const { lang, setLang } = useMemberLang();
  const navigate = useNavigate();
  return (
    <div className="qm-root">
      <header className="qm-header">
        <Link to="/m" className="qm-header-title">{t('app.title')}</Link>
        <div className="qm-header-actions">
          <Button type="text" size="small" icon={<UnorderedListOutlined />} onClick={() => navigate('/m/me')} data-testid="member-my-campaigns">
            {t('app.myCampaigns')}
          </Button>
          <Button type="text" size="small" data-testid="member-lang" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('lang.switch')}
          </Button>
        </div>
      </header>
      <main className="qm-main">{children}</main>
    </div>
  );
}
