// Holds the chosen language (persisted in localStorage) and switches antd's and dayjs's locale with it.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { DEFAULT_LANG, LANGS, LANG_STORAGE_KEY, LangContext, type Lang } from './context';

function storedLang(): Lang {
  const saved = window.localStorage.getItem(LANG_STORAGE_KEY);
  return LANGS.find((l) => l === saved) ?? DEFAULT_LANG;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(
    () => ({
      lang,
      setLang: (next: Lang) => {
        window.localStorage.setItem(LANG_STORAGE_KEY, next);
        setLangState(next);
      },
    }),
    [lang],
  );

  return (
    <LangContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh-CN' ? antdZhCN : antdEnUS}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}
