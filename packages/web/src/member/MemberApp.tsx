// The member mobile pages (the check-in app) under /m/*: their own language, antd locale and mobile shell, apart
// from the staff console. Every view is recorded as a page_view with its dwell time (events.ts).
import { useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import { Route, Routes } from 'react-router';
import { MemberShell } from './components/MemberShell';
import { NotFoundState } from './components/StateScreen';
import { usePageViews } from './events';
import { MEMBER_LANG_KEY, MemberLangContext, storedMemberLang, type MemberLang } from './i18n';
import { HomePage } from './pages/HomePage';
import { LandingPage } from './pages/LandingPage';
import { MePage } from './pages/MePage';
import './member.css';

export default function MemberApp() {
  const [lang, setLangState] = useState<MemberLang>(storedMemberLang);
  const langState = useMemo(() => ({
    lang,
    setLang: (next: MemberLang) => {
      window.localStorage.setItem(MEMBER_LANG_KEY, next);
      setLangState(next);
    },
  }), [lang]);
  usePageViews();

  return (
    <MemberLangContext.Provider value={langState}>
      <ConfigProvider locale={lang === 'zh-CN' ? antdZhCN : antdEnUS} theme={{ token: { fontSize: 15 } }}>
        <AntApp>
          <MemberShell>
            <Routes>
              <Route index element={<MePage />} />
              <Route path="me" element={<MePage />} />
              <Route path="c/:code" element={<LandingPage />} />
              <Route path="campaigns/:key" element={<HomePage />} />
              <Route path="*" element={<NotFoundState />} />
            </Routes>
          </MemberShell>
        </AntApp>
      </ConfigProvider>
    </MemberLangContext.Provider>
  );
}
