// The language state shared by the provider and the hooks; split out so hooks and components import no JSX.
import { createContext } from 'react';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_STORAGE_KEY = 'qunyun.lang';

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const LangContext = createContext<LangState>({ lang: DEFAULT_LANG, setLang: () => {} });
