// useT(): the translate function for the current language. Keys are typed, so a key missing from a
// dictionary or misspelt in a page fails the build.
import { useCallback, useContext, useMemo } from 'react';
import { LangContext, dictionaries } from './context';
import type { MessageKey } from './zh-CN';

type Vars = Record<string, string | number>;

export interface Translate {
  (key: MessageKey, vars?: Vars): string;
  /** For names that come from the server (roles, permissions, scopes): the label if we have one, else the name. */
  label: (prefix: string, name: string) => string;
}

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function useT(): Translate {
  const { lang } = useContext(LangContext);
  const dict = dictionaries[lang];
  const translate = useCallback((key: MessageKey, vars?: Vars) => interpolate(dict[key], vars), [dict]);
  return useMemo(() => {
    const label = (prefix: string, name: string) => {
      const key = `${prefix}.${name}`;
      return key in dict ? dict[key as MessageKey] : name;
    };
    return Object.assign(translate, { label });
  }, [translate, dict]);
}

export function useLang() {
  return useContext(LangContext);
}
