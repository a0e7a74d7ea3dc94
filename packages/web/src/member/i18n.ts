// Strings of the member pages (the check-in app), Chinese first. `en` is typed against the zh-CN keys, so a key
// missing from either dictionary fails the build. The choice is stored apart from the console's.
import { createContext, useCallback, useContext } from 'react';
import { en } from './i18n.en';
import { zhCN, type MemberKey } from './i18n.zh-CN';

export type { MemberKey };

export type MemberLang = 'zh-CN' | 'en';
export const MEMBER_LANG_KEY = 'qunyun.member.lang';
const dictionaries: Record<MemberLang, Record<MemberKey, string>> = { 'zh-CN': zhCN, en };

export function storedMemberLang(): MemberLang {
  return window.localStorage.getItem(MEMBER_LANG_KEY) === 'en' ? 'en' : 'zh-CN';
}

export interface MemberLangState {
  lang: MemberLang;
  setLang: (lang: MemberLang) => void;
}

export const MemberLangContext = createContext<MemberLangState>({ lang: 'zh-CN', setLang: () => {} });

export type Vars = Record<string, string | number>;
export type MemberT = (key: MemberKey, vars?: Vars) => string;

export function useMemberLang(): MemberLangState {
  return useContext(MemberLangContext);
}

/** The translate function of the current language; `{name}` in a string is replaced from vars. */
export function useMt(): MemberT {
  const { lang } = useContext(MemberLangContext);
  const dict = dictionaries[lang];
  return useCallback(
    (key: MemberKey, vars?: Vars) => dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole)),
    [dict],
  );
}
